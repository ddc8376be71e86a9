import { describe, expect, it } from 'vitest';
import {
  changeBody, changeState, decisionMode, emptyOccurrence, emptySeries, occurrenceBody, occurrenceMissing, occurrenceState,
  seriesActions, seriesBody, seriesMissing, seriesState, shownSpan, type SeriesView
} from './event-logic';

const draft: SeriesView = {
  id: 's1', title: '科学之夜', status: 'DRAFT', organisation: { slug: 'nutrition', name: '营养学会' },
  occurrences: [{ id: 'o1', startsAt: '2026-12-01T01:30:00Z', endsAt: '2026-12-01T03:30:00Z' }], submissions: [], decisions: []
};

describe('seriesActions', () => {
  it('lets the organiser\'s society admin edit and submit a draft with an occurrence', () => {
    expect(seriesActions(draft, { username: 'sa', organisation: 'nutrition', roles: ['SOCIETY_ADMIN'] }))
      .toEqual({ edit: true, submit: true, announce: false });
  });
  it('keeps other societies and reviewers out', () => {
    expect(seriesActions(draft, { username: 'x', organisation: 'physics', roles: ['SOCIETY_ADMIN'] }).edit).toBe(false);
    expect(seriesActions(draft, { username: 'r', roles: ['REVIEWER_POLITICAL'] }).edit).toBe(false);
  });
  it('does not submit a draft without occurrences', () => {
    expect(seriesActions({ ...draft, occurrences: [] }, { roles: ['EDITOR'] }).submit).toBe(false);
  });
  it('announces changes only once published', () => {
    expect(seriesActions({ ...draft, status: 'PUBLISHED' }, { roles: ['EDITOR'] })).toEqual({ edit: false, submit: false, announce: true });
    expect(seriesActions({ ...draft, status: 'REVIEW' }, { roles: ['EDITOR'] })).toEqual({ edit: false, submit: false, announce: false });
  });
});

describe('decisionMode', () => {
  const inReview: SeriesView = {
    ...draft, status: 'REVIEW', stage: 'POLITICAL',
    submissions: [{ submittedBy: 'sa', submittedAt: '2026-11-20T02:00:00Z' }]
  };
  it('gives 一审 to political reviewers only', () => {
    expect(decisionMode(inReview, { username: 'p', roles: ['REVIEWER_POLITICAL'] })).toBe('decide');
    expect(decisionMode(inReview, { username: 'a', roles: ['APPROVER'] })).toBe('other');
  });
  it('gives 终审 to approvers and editors, but not to whoever submitted or signed 一审', () => {
    const final: SeriesView = {
      ...inReview, stage: 'FINAL',
      decisions: [{ stage: 'POLITICAL', verdict: 'APPROVE', decidedBy: 'both', decidedAt: '2026-11-20T03:00:00Z' }]
    };
    expect(decisionMode(final, { username: 'a', roles: ['APPROVER'] })).toBe('decide');
    expect(decisionMode(final, { username: 'e', roles: ['EDITOR'] })).toBe('decide');
    expect(decisionMode(final, { username: 'both', roles: ['APPROVER', 'REVIEWER_POLITICAL'] })).toBe('own');
    expect(decisionMode({ ...final, submissions: [{ submittedBy: 'e', submittedAt: '2026-11-20T02:00:00Z' }] },
      { username: 'e', roles: ['EDITOR'] })).toBe('own');
  });
  it('has nothing to decide outside review', () => {
    expect(decisionMode(draft, { username: 'p', roles: ['REVIEWER_POLITICAL'] })).toBe('none');
  });
});

describe('series form', () => {
  it('trims fields and leaves out an empty organisation and cover', () => {
    const state = { ...emptySeries(), title: ' 科学之夜 ', summary: '摘要', description: '介绍', topics: ['health'] };
    expect(seriesBody(state)).toEqual({
      title: '科学之夜', summary: '摘要', description: '介绍', organisation: undefined, topics: ['health'], audience: 'all',
      coverUrl: undefined, coverAsset: undefined
    });
    expect(seriesMissing(emptySeries())).toEqual(['title', 'summary', 'description']);
  });
  it('round-trips a saved series', () => {
    const state = seriesState({ ...draft, summary: 'a', description: 'b', topics: ['health'], audience: 'youth' });
    expect(state.organisation).toBe('nutrition');
    expect(seriesBody(state, 'asset-1')).toMatchObject({ organisation: 'nutrition', audience: 'youth', coverAsset: 'asset-1' });
  });
});

describe('occurrence form', () => {
  it('sends Shanghai wall time with its offset, and registration only when enabled', () => {
    const state = {
      ...emptyOccurrence(), startsAt: '2026-12-01T09:30', endsAt: '2026-12-01T11:30',
      venue: { name: '科技馆', address: '', district: '赫山区', capacity: '200', latitude: '', longitude: '' }
    };
    expect(occurrenceBody(state)).toEqual({
      title: undefined, description: undefined, startsAt: '2026-12-01T09:30:00+08:00', endsAt: '2026-12-01T11:30:00+08:00',
      venue: { name: '科技馆', address: undefined, district: '赫山区', capacity: 200, latitude: undefined, longitude: undefined },
      registration: { enabled: false }
    });
    expect(occurrenceBody({ ...state, registration: true, opensAt: '2026-11-25T08:00', closesAt: '2026-11-30T20:00', places: '50' }).registration)
      .toEqual({ enabled: true, opensAt: '2026-11-25T08:00:00+08:00', closesAt: '2026-11-30T20:00:00+08:00', capacity: 50 });
    expect(occurrenceMissing(state)).toEqual([]);
    expect(occurrenceMissing({ ...state, registration: true })).toEqual(['places']);
  });
  it('takes the numbers number inputs give', () => {
    const state = { ...emptyOccurrence(), venue: { name: '馆', address: '', district: '资阳区', capacity: 120 as unknown as string, latitude: '', longitude: '' },
      registration: true, places: 30 as unknown as string };
    expect(occurrenceBody(state).venue?.capacity).toBe(120);
    expect(occurrenceBody(state).registration?.capacity).toBe(30);
    expect(occurrenceMissing(state)).toEqual(['startsAt', 'endsAt']);
  });
  it('reads a saved occurrence in Asia/Shanghai', () => {
    const state = occurrenceState({ ...draft.occurrences![0]!, venue: { name: '馆', district: '资阳区', capacity: 80 } });
    expect(state.startsAt).toBe('2026-12-01T09:30');
    expect(state.venue.capacity).toBe('80');
  });
  it('shows a span on one day without repeating the date', () => {
    expect(shownSpan('2026-12-01T01:30:00Z', '2026-12-01T03:30:00Z')).toBe('2026-12-01 09:30 – 11:30');
    expect(shownSpan('2026-12-01T15:30:00Z', '2026-12-01T17:00:00Z')).toBe('2026-12-01 23:30 – 2026-12-02 01:00');
  });
});

describe('announced changes', () => {
  const occurrence = { ...draft.occurrences![0]!, venue: { name: '馆', district: '资阳区' } };
  it('sends new times for a reschedule', () => {
    const state = { ...changeState(occurrence), startsAt: '2026-12-02T09:30', endsAt: '2026-12-02T11:30', announcement: ' 改期 ' };
    expect(changeBody(state)).toEqual({ kind: 'RESCHEDULED', announcement: '改期', startsAt: '2026-12-02T09:30:00+08:00', endsAt: '2026-12-02T11:30:00+08:00' });
  });
  it('sends a venue for a move and nothing else for a cancellation', () => {
    const moved = changeBody({ ...changeState(occurrence), kind: 'MOVED', announcement: '换场地' });
    expect(moved.venue).toMatchObject({ name: '馆', district: '资阳区' });
    expect(moved.startsAt).toBeUndefined();
    expect(changeBody({ ...changeState(occurrence), kind: 'CANCELLED', announcement: '取消' })).toEqual({ kind: 'CANCELLED', announcement: '取消' });
  });
});
