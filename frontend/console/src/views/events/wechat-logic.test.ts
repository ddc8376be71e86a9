import { describe, expect, it } from 'vitest';
import { canPublish, publicationsOf, retryable, statusTone } from './wechat-logic';

describe('WeChat publications of a series', () => {
  const all = [
    { id: 'a', kind: 'SERIES', subject: 's1', status: 'FAILED', createdAt: '2026-11-20T01:00:00Z' },
    { id: 'b', kind: 'SERIES', subject: 's1', status: 'PUBLISHED', createdAt: '2026-11-21T01:00:00Z' },
    { id: 'c', kind: 'SERIES', subject: 's2', status: 'QUEUED', createdAt: '2026-11-22T01:00:00Z' },
    { id: 'd', kind: 'MONTH', subject: '2026-12', status: 'PUBLISHED', createdAt: '2026-11-23T01:00:00Z' }
  ];
  it('keeps the series\' own, newest first', () => {
    expect(publicationsOf(all, 's1').map((p) => p.id)).toEqual(['b', 'a']);
  });
  it('retries failed ones only and publishes again unless one is under way', () => {
    expect(retryable(all[0]!)).toBe(true);
    expect(retryable(all[1]!)).toBe(false);
    expect(canPublish(publicationsOf(all, 's1'))).toBe(true);
    expect(canPublish(publicationsOf(all, 's2'))).toBe(false);
  });
  it('colours the status', () => {
    expect(statusTone('PUBLISHED')).toBe('ok');
    expect(statusTone('FAILED')).toBe('danger');
    expect(statusTone('DRAFTING')).toBe('warn');
  });
});
