import { describe, expect, it } from 'vitest';
import { area } from './routes';
import { EVERY_ROLE, dutyOf, dutyPlace, dutyTitle, withCheckedIn, type Duty } from './duty-logic';

const duty: Duty = {
  occurrence: 'o1', seriesTitle: '社区科学实验日', startsAt: '2026-11-27T09:30:00+08:00', endsAt: '2026-11-27T11:30:00+08:00',
  venueName: '赫山区科技馆', venueAddress: '益阳市赫山区人民路 1 号', district: '赫山区', status: 'SCHEDULED',
  registrationEnabled: true, confirmed: 2, checkedIn: 1
};

describe('dutyTitle', () => {
  it('prefers the occurrence’s own title and falls back to the series’', () => {
    expect(dutyTitle(duty)).toBe('社区科学实验日');
    expect(dutyTitle({ ...duty, title: '下午场' })).toBe('下午场');
    expect(dutyTitle({ occurrence: 'o2' })).toBe('');
  });
});

describe('dutyOf', () => {
  it('finds the occurrence among the duties, or nothing', () => {
    expect(dutyOf([{ occurrence: 'o0' }, duty], 'o1')).toBe(duty);
    expect(dutyOf([duty], 'o9')).toBeNull();
    expect(dutyOf([], 'o1')).toBeNull();
  });
});

describe('dutyPlace', () => {
  it('names the venue with its address and district, leaving out what is unknown', () => {
    expect(dutyPlace(duty)).toBe('赫山区科技馆（益阳市赫山区人民路 1 号，赫山区）');
    expect(dutyPlace({ ...duty, venueAddress: '' })).toBe('赫山区科技馆（赫山区）');
    expect(dutyPlace({ occurrence: 'o1', venueName: '南县文化馆' })).toBe('南县文化馆');
  });
});

describe('withCheckedIn', () => {
  const done = { registration: 'r1', name: '刘一', checkedInAt: '2026-11-27T01:40:00Z', checkedInBy: 'demo-society-member' };

  it('counts one more checked in, without changing the confirmed', () => {
    expect(withCheckedIn(duty, done)).toEqual({ ...duty, checkedIn: 2 });
    expect(duty.checkedIn).toBe(1);
  });

  it('never counts more checked in than confirmed, and ignores an answer without a registration', () => {
    expect(withCheckedIn({ ...duty, checkedIn: 2 }, done).checkedIn).toBe(2);
    expect(withCheckedIn({ occurrence: 'o1' }, done).checkedIn).toBe(1);
    expect(withCheckedIn(duty, {})).toBe(duty);
    expect(withCheckedIn(duty, null)).toBe(duty);
  });
});

describe('the check-in area', () => {
  it('is open to every role, since any account can coordinate an occurrence', () => {
    expect([...area.roles].sort()).toEqual([...EVERY_ROLE].sort());
    expect(new Set(EVERY_ROLE).size).toBe(7);
    expect(area.nav.every((link) => !link.roles)).toBe(true);
  });
});
