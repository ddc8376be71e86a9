import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import {
  assignedVolunteers, assignmentBody, assignmentChanged, capacityCheck, checkInCode, filterRegistrants, problemCode, problemText,
  promotedBy, registrantState, registrationCounts, volunteerChoices, withCheckIn, withoutVolunteer, withVolunteer,
  type RegistrantLine, type Volunteer
} from './operations-logic';

const lines: RegistrantLine[] = [
  { id: 'r1', name: '张三', status: 'CANCELLED', registeredAt: '2026-11-01T02:00:00Z' },
  { id: 'r2', name: '李四', status: 'CONFIRMED', checkInCode: 'AB12CD34', checkedInAt: '2026-11-20T01:05:00Z', checkedInBy: 'demo-editor' },
  { id: 'r3', name: '王五', status: 'CONFIRMED', checkInCode: 'EF56GH78' },
  { id: 'r4', name: '赵六', status: 'WAITING', position: 1 },
  { id: 'r5', name: '钱七', status: 'WAITING', position: 2 }
];

describe('registrantState', () => {
  it('tells checked-in from merely confirmed registrations', () => {
    expect(lines.map(registrantState)).toEqual(['CANCELLED', 'CHECKED_IN', 'CONFIRMED', 'WAITING', 'WAITING']);
  });
  it('never shows a cancelled or waiting registration as checked in', () => {
    expect(registrantState({ status: 'CANCELLED', checkedInAt: '2026-11-20T01:05:00Z' })).toBe('CANCELLED');
  });
});

describe('registrationCounts', () => {
  it('counts checked-in registrants among the confirmed places', () => {
    expect(registrationCounts(lines, 3)).toEqual({ capacity: 3, confirmed: 2, waiting: 2, checkedIn: 1, cancelled: 1, free: 1 });
  });
  it('has no free places without a capacity and never a negative number', () => {
    expect(registrationCounts(lines, undefined).free).toBeNull();
    expect(registrationCounts(lines, 1).free).toBe(0);
    expect(registrationCounts([], 5)).toEqual({ capacity: 5, confirmed: 0, waiting: 0, checkedIn: 0, cancelled: 0, free: 5 });
  });
});

describe('filterRegistrants', () => {
  it('keeps the order of the list and filters by the state staff see', () => {
    expect(filterRegistrants(lines, 'ALL').map((line) => line.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(filterRegistrants(lines, 'CONFIRMED').map((line) => line.id)).toEqual(['r3']);
    expect(filterRegistrants(lines, 'CHECKED_IN').map((line) => line.id)).toEqual(['r2']);
    expect(filterRegistrants(lines, 'WAITING').map((line) => line.id)).toEqual(['r4', 'r5']);
    expect(filterRegistrants(lines, 'CANCELLED').map((line) => line.id)).toEqual(['r1']);
  });
});

describe('withCheckIn', () => {
  it('marks the checked-in registration and leaves the others alone', () => {
    const after = withCheckIn(lines, { registration: 'r3', name: '王五', checkedInAt: '2026-11-20T01:10:00Z', checkedInBy: 'demo-editor' });
    expect(registrantState(after[2]!)).toBe('CHECKED_IN');
    expect(after[2]!.checkedInBy).toBe('demo-editor');
    expect(after.filter((line, index) => line !== lines[index]).map((line) => line.id)).toEqual(['r3']);
    expect(registrationCounts(after, 3).checkedIn).toBe(2);
  });
});

describe('checkInCode', () => {
  it('sends codes and scanned QR texts as typed, without surrounding blanks', () => {
    expect(checkInCode('  ab12cd34 ')).toBe('ab12cd34');
    expect(checkInCode('KEPU-CHECKIN:o1:AB12CD34\n')).toBe('KEPU-CHECKIN:o1:AB12CD34');
    expect(checkInCode('   ')).toBeNull();
  });
});

describe('capacityCheck', () => {
  it('takes a whole number of at least one that changes the capacity', () => {
    expect(capacityCheck('5', 3)).toEqual({ ok: true, capacity: 5 });
    expect(capacityCheck(2, 3)).toEqual({ ok: true, capacity: 2 });
    expect(capacityCheck(' 3 ', 3)).toEqual({ ok: false, reason: 'unchanged' });
    for (const wrong of ['', '0', '-2', '2.5', 'abc']) {
      expect(capacityCheck(wrong, 3)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});

describe('promotedBy', () => {
  it('is the growth of the confirmed places in the answer', () => {
    expect(promotedBy({ registration: { confirmed: 1, waiting: 3 } }, { registration: { confirmed: 3, waiting: 1 } })).toBe(2);
    expect(promotedBy({ registration: { confirmed: 3 } }, { registration: { confirmed: 3 } })).toBe(0);
    expect(promotedBy({ registration: { confirmed: 3 } }, { registration: { confirmed: 2 } })).toBe(0);
    expect(promotedBy(null, undefined)).toBe(0);
  });
});

describe('problemText', () => {
  const t = (key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`;
  it('shows the server\'s sentence with its code', () => {
    const unknown = new ApiError(404, { code: 'event-check-in-unknown', detail: '签到码 ZZZZ 不属于此场次的报名。' });
    expect(problemText(unknown, t)).toBe('签到码 ZZZZ 不属于此场次的报名。');
    expect(problemCode(unknown)).toBe('event-check-in-unknown');
    const full = new ApiError(409, { code: 'event-capacity-below-confirmed', title: 'Conflict', detail: '已确认报名 3 人，名额不能少于已确认人数。' });
    expect(problemText(full, t)).toContain('已确认报名 3 人');
  });
  it('falls back to the console\'s words when the server said nothing readable', () => {
    expect(problemText(ApiError.unreachable(new TypeError('Failed to fetch')), t)).toBe('common.errors.unreachable');
    expect(problemText(new ApiError(502, { status: 502 }), t)).toBe('common.errors.status{"status":502}');
    expect(problemText(new ApiError(403, { title: 'Forbidden' }), t)).toBe('Forbidden');
    expect(problemText(new Error('boom'), t)).toBe('boom');
    expect(problemCode(new Error('boom'))).toBeUndefined();
  });
});

describe('volunteer assignment', () => {
  const directory: Volunteer[] = [
    { id: 'v1', name: '刘一', active: true },
    { id: 'v2', name: '陈二', active: true },
    { id: 'v3', name: '停用者', active: false }
  ];
  const stored = assignedVolunteers({ volunteers: [{ volunteer: 'v1', name: '刘一', role: 'COORDINATOR' }] });

  it('reads the occurrence\'s assignment', () => {
    expect(stored).toEqual([{ volunteer: 'v1', name: '刘一', role: 'COORDINATOR' }]);
    expect(assignedVolunteers(undefined)).toEqual([]);
  });
  it('offers active volunteers not assigned yet', () => {
    expect(volunteerChoices(directory, stored).map((volunteer) => volunteer.id)).toEqual(['v2']);
  });
  it('adds, removes and sends the whole list, and knows when it changed', () => {
    const added = withVolunteer(stored, directory[1]!, 'HELPER');
    expect(assignmentBody(added)).toEqual([{ volunteer: 'v1', role: 'COORDINATOR' }, { volunteer: 'v2', role: 'HELPER' }]);
    expect(withVolunteer(added, directory[1]!, 'COORDINATOR')).toEqual(added);
    expect(assignmentChanged(stored, added)).toBe(true);
    expect(assignmentChanged(stored, withoutVolunteer(added, 'v2'))).toBe(false);
    expect(assignmentChanged(stored, [{ ...stored[0]!, role: 'HELPER' }])).toBe(true);
    expect(assignmentBody(withoutVolunteer(added, 'v1'))).toEqual([{ volunteer: 'v2', role: 'HELPER' }]);
  });
});
