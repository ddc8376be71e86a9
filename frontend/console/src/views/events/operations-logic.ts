import type { components } from '../../api/schema';
import { ApiError } from '../../api/problem';
import type { OccurrenceView } from './event-logic';

export type RegistrantLine = components['schemas']['RegistrantLine'];
export type CheckedIn = components['schemas']['CheckedIn'];
export type Volunteer = components['schemas']['VolunteerView'];
export type Wanted = components['schemas']['Wanted'];
export type VolunteerRole = NonNullable<Wanted['role']>;

/** What staff see of a registration: checked in is a confirmed registration with a check-in time. */
export const REGISTRANT_STATES = ['CONFIRMED', 'CHECKED_IN', 'WAITING', 'CANCELLED'] as const;
export type RegistrantState = (typeof REGISTRANT_STATES)[number];
export type RegistrantFilter = RegistrantState | 'ALL';
export const VOLUNTEER_ROLES: readonly VolunteerRole[] = ['COORDINATOR', 'HELPER'];

export function registrantState(line: RegistrantLine): RegistrantState {
  if (line.status === 'CANCELLED') {
    return 'CANCELLED';
  }
  if (line.status === 'WAITING') {
    return 'WAITING';
  }
  return line.checkedInAt ? 'CHECKED_IN' : 'CONFIRMED';
}

export interface RegistrationCounts {
  capacity: number | null;
  /** Confirmed places, those already checked in included (as the server counts them against the capacity). */
  confirmed: number;
  waiting: number;
  checkedIn: number;
  cancelled: number;
  /** Places still free, null without a capacity. */
  free: number | null;
}

/** Counted from the registration list, so that they follow each check-in without asking the server again. */
export function registrationCounts(lines: readonly RegistrantLine[], capacity: number | null | undefined): RegistrationCounts {
  const counts = { confirmed: 0, waiting: 0, checkedIn: 0, cancelled: 0 };
  for (const line of lines) {
    const state = registrantState(line);
    if (state === 'WAITING') counts.waiting++;
    else if (state === 'CANCELLED') counts.cancelled++;
    else {
      counts.confirmed++;
      if (state === 'CHECKED_IN') counts.checkedIn++;
    }
  }
  const known = capacity ?? null;
  return { capacity: known, ...counts, free: known === null ? null : Math.max(0, known - counts.confirmed) };
}

export function filterRegistrants(lines: readonly RegistrantLine[], filter: RegistrantFilter): RegistrantLine[] {
  return filter === 'ALL' ? [...lines] : lines.filter((line) => registrantState(line) === filter);
}

/** A check-in leaves the list as the server would now send it, without fetching it again. */
export function withCheckIn(lines: readonly RegistrantLine[], done: CheckedIn): RegistrantLine[] {
  return lines.map((line) => (line.id === done.registration
    ? { ...line, checkedInAt: done.checkedInAt, checkedInBy: done.checkedInBy }
    : line));
}

/** What the field holds, or null when there is nothing to send (the server reads codes and scanned QR texts alike). */
export function checkInCode(typed: string): string | null {
  const trimmed = typed.trim();
  return trimmed ? trimmed : null;
}

export type CapacityCheck = { ok: true; capacity: number } | { ok: false; reason: 'invalid' | 'unchanged' };

/** A whole number of at least one that differs from the current capacity; the server checks the upper bound. */
export function capacityCheck(typed: string | number, current: number | null | undefined): CapacityCheck {
  const text = typed === null || typed === undefined ? '' : String(typed).trim();
  const value = Number(text);
  if (!text || !Number.isInteger(value) || value < 1) {
    return { ok: false, reason: 'invalid' };
  }
  return value === current ? { ok: false, reason: 'unchanged' } : { ok: true, capacity: value };
}

/** How many waiting registrants the answer to a capacity change confirmed. */
export function promotedBy(before: OccurrenceView | null | undefined, after: OccurrenceView | null | undefined): number {
  const was = before?.registration?.confirmed ?? 0;
  const now = after?.registration?.confirmed ?? 0;
  return Math.max(0, now - was);
}

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The sentence to show for a failed call: the server's problem detail (already in the reader's language) when it
 * gave one, otherwise what the console says about the failure.
 */
export function problemText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'unreachable') {
      return t('common.errors.unreachable');
    }
    return error.problem.detail || error.problem.title || t('common.errors.status', { status: error.status });
  }
  return error instanceof Error ? error.message : String(error);
}

/** The problem's code when the server gave one, for tests and styling. */
export function problemCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

// ---- volunteers ----

export interface AssignedVolunteer {
  volunteer: string;
  name: string;
  role: VolunteerRole;
}

export function assignedVolunteers(occurrence: OccurrenceView | null | undefined): AssignedVolunteer[] {
  return (occurrence?.volunteers ?? [])
    .filter((line) => !!line.volunteer)
    .map((line) => ({ volunteer: line.volunteer!, name: line.name ?? line.volunteer!, role: line.role ?? 'HELPER' }));
}

/** Active volunteers of the directory not assigned yet. */
export function volunteerChoices(directory: readonly Volunteer[], assigned: readonly AssignedVolunteer[]): Volunteer[] {
  const taken = new Set(assigned.map((line) => line.volunteer));
  return directory.filter((volunteer) => volunteer.id && volunteer.active !== false && !taken.has(volunteer.id));
}

export function withVolunteer(assigned: readonly AssignedVolunteer[], volunteer: Volunteer, role: VolunteerRole): AssignedVolunteer[] {
  if (!volunteer.id || assigned.some((line) => line.volunteer === volunteer.id)) {
    return [...assigned];
  }
  return [...assigned, { volunteer: volunteer.id, name: volunteer.name ?? volunteer.id, role }];
}

export function withoutVolunteer(assigned: readonly AssignedVolunteer[], volunteer: string): AssignedVolunteer[] {
  return assigned.filter((line) => line.volunteer !== volunteer);
}

export function assignmentBody(assigned: readonly AssignedVolunteer[]): Wanted[] {
  return assigned.map((line) => ({ volunteer: line.volunteer, role: line.role }));
}

/** Whether the list on screen differs from the one stored. */
export function assignmentChanged(stored: readonly AssignedVolunteer[], edited: readonly AssignedVolunteer[]): boolean {
  const key = (list: readonly AssignedVolunteer[]) => list.map((line) => `${line.volunteer}:${line.role}`).sort().join(',');
  return key(stored) !== key(edited);
}
