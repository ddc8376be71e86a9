import type { components } from '../../api/schema';
import type { Role } from '../../session';
import type { CheckedIn } from '../events/operations-logic';

export type Duty = components['schemas']['Duty'];

export const EVERY_ROLE: readonly Role[] = [
  'ADMIN', 'EDITOR', 'REVIEWER_POLITICAL', 'REVIEWER_SCIENTIFIC', 'APPROVER', 'SOCIETY_ADMIN', 'SOCIETY_MEMBER'
];

/** The occurrence's own title, else its series'. */
export function dutyTitle(duty: Duty): string {
  return duty.title || duty.seriesTitle || '';
}

export function dutyOf(duties: readonly Duty[], occurrence: string): Duty | null {
  return duties.find((duty) => duty.occurrence === occurrence) ?? null;
}

/** Where the occurrence takes place: venue, address and district, the parts that are known. */
export function dutyPlace(duty: Duty): string {
  const address = [duty.venueAddress, duty.district].filter((part) => !!part).join('，');
  return address ? `${duty.venueName ?? ''}（${address}）` : duty.venueName ?? '';
}

/**
 * The counts after a check-in at this desk, without asking the server again: one more checked in. Check-ins at other
 * desks show after a reload.
 */
export function withCheckedIn(duty: Duty, done: CheckedIn | null | undefined): Duty {
  if (!done?.registration) {
    return duty;
  }
  return { ...duty, checkedIn: Math.min((duty.checkedIn ?? 0) + 1, duty.confirmed ?? Number.MAX_SAFE_INTEGER) };
}
