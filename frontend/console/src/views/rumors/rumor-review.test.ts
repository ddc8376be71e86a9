import { describe, expect, it } from 'vitest';
import { decisionMode, editorActions, newestFirst, percent } from './rumor-review';

describe('rumor review', () => {
  const inReview = (stage: string) => ({ status: 'REVIEW', stage, submittedBy: 'demo-editor' });

  it('shows the decision form only to the signer of the current stage', () => {
    expect(decisionMode(inReview('POLITICAL'), { username: 'p', roles: ['REVIEWER_POLITICAL'] })).toBe('decide');
    expect(decisionMode(inReview('POLITICAL'), { username: 's', roles: ['REVIEWER_SCIENTIFIC'] })).toBe('other');
    expect(decisionMode(inReview('SCIENTIFIC'), { username: 's', roles: ['REVIEWER_SCIENTIFIC'] })).toBe('decide');
    expect(decisionMode(inReview('FINAL'), { username: 'a', roles: ['APPROVER'] })).toBe('decide');
    expect(decisionMode(inReview('FINAL'), { username: 'e', roles: ['EDITOR', 'ADMIN'] })).toBe('other');
  });

  it('does not let the submitter sign, nor anyone sign outside review', () => {
    expect(decisionMode(inReview('POLITICAL'), { username: 'demo-editor', roles: ['REVIEWER_POLITICAL'] })).toBe('own');
    expect(decisionMode({ status: 'DRAFT' }, { username: 'p', roles: ['REVIEWER_POLITICAL'] })).toBe('none');
    expect(decisionMode({ status: 'PUBLISHED', stage: 'POLITICAL' }, { roles: ['REVIEWER_POLITICAL'] })).toBe('none');
    expect(decisionMode(null, null)).toBe('none');
  });

  it('lets editors edit outside review and submit drafts and refused items', () => {
    const editor = { roles: ['EDITOR' as const] };
    expect(editorActions({ status: 'DRAFT' }, editor)).toEqual({ edit: true, submit: true });
    expect(editorActions({ status: 'REJECTED' }, editor)).toEqual({ edit: true, submit: true });
    expect(editorActions({ status: 'REVIEW' }, editor)).toEqual({ edit: false, submit: false });
    expect(editorActions({ status: 'PUBLISHED' }, editor)).toEqual({ edit: true, submit: false });
    expect(editorActions({ status: 'DRAFT' }, { roles: ['REVIEWER_POLITICAL'] })).toEqual({ edit: false, submit: false });
  });

  it('shows scores as whole percentages within 0 to 100', () => {
    expect(percent(0.4567)).toBe(46);
    expect(percent(1.2)).toBe(100);
    expect(percent(undefined)).toBe(0);
  });

  it('orders newest first whatever the offsets', () => {
    const lines = [{ at: '2026-11-23T10:00:00+08:00' }, { at: '2026-11-23T03:00:00Z' }, { at: undefined }];
    expect(newestFirst(lines, (line) => line.at).map((line) => line.at)).toEqual(['2026-11-23T03:00:00Z', '2026-11-23T10:00:00+08:00', undefined]);
  });
});
