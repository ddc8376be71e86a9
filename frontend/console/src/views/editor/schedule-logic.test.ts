import { describe, expect, it } from 'vitest';
import { dayInZone, groupByDay, isoToLocalInput, localInputToIso, moved, zoneOffsetMinutes } from './schedule-logic';

describe('times in Asia/Shanghai', () => {
  it('reads a datetime-local value as Beijing time whatever the browser zone', () => {
    expect(localInputToIso('2026-11-24T09:30')).toBe('2026-11-24T09:30:00+08:00');
    expect(localInputToIso('2026-11-24T23:59:30')).toBe('2026-11-24T23:59:30+08:00');
    expect(new Date(localInputToIso('2026-11-24T00:15')!).toISOString()).toBe('2026-11-23T16:15:00.000Z');
  });

  it('keeps blank as open-ended and rejects what is not a datetime-local value', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('   ')).toBeNull();
    expect(localInputToIso(undefined)).toBeNull();
    expect(localInputToIso('24.11.2026 09:30')).toBeUndefined();
  });

  it('shows an instant of any offset as Beijing wall-clock time', () => {
    expect(isoToLocalInput('2026-11-24T01:30:00Z')).toBe('2026-11-24T09:30');
    expect(isoToLocalInput('2026-11-24T09:30:00+08:00')).toBe('2026-11-24T09:30');
    expect(isoToLocalInput('2026-11-23T20:00:00-05:00')).toBe('2026-11-24T09:00');
    expect(isoToLocalInput(undefined)).toBe('');
    expect(isoToLocalInput('nonsense')).toBe('');
  });

  it('round-trips and follows other zones with daylight saving', () => {
    expect(isoToLocalInput(localInputToIso('2027-02-28T18:05')!)).toBe('2027-02-28T18:05');
    expect(localInputToIso('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T12:00:00+02:00');
    expect(localInputToIso('2026-12-01T12:00', 'Europe/Berlin')).toBe('2026-12-01T12:00:00+01:00');
    expect(zoneOffsetMinutes(new Date('2026-06-01T00:00:00Z'))).toBe(480);
  });
});

describe('the schedule by day', () => {
  it('groups entries by their Beijing day, in time order', () => {
    const entries = [
      { id: 'c', at: '2026-11-25T08:00:00+08:00' },
      { id: 'b', at: '2026-11-24T16:30:00Z' }, // 00:30 on the 25th in Beijing
      { id: 'a', at: '2026-11-24T15:59:00Z' }, // 23:59 on the 24th
      { id: 'x' }
    ];
    const days = groupByDay(entries);
    expect(days.map((day) => day.day)).toEqual(['2026-11-24', '2026-11-25']);
    expect(days[0]?.entries.map((entry) => entry.id)).toEqual(['a']);
    expect(days[1]?.entries.map((entry) => entry.id)).toEqual(['b', 'c']);
    expect(dayInZone('2026-11-24T16:00:00Z')).toBe('2026-11-25');
  });
});

describe('moving a column', () => {
  it('swaps with its neighbour and stays put at the ends', () => {
    const order = ['a', 'b', 'c'];
    expect(moved(order, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moved(order, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moved(order, 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moved(order, 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moved(order, 'z', 1)).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
