import { describe, expect, it } from 'vitest';
import { choices, filterQueue, oldestFirst, waited, type QueueLine } from './queue';

const lines: QueueLine[] = [
  { id: 'a', workTitle: '夏季饮食', kind: 'ARTICLE', organisation: 'nutrition', currentStage: 'POLITICAL', submittedAt: '2026-11-23T10:00:00+08:00', screenHits: 0 },
  { id: 'b', workTitle: '地震来了怎么办', kind: 'VIDEO', organisation: 'quake', currentStage: 'SCIENTIFIC', submittedAt: '2026-11-23T03:00:00Z', screenHits: 2 },
  { id: 'c', workTitle: 'Healthy Diet', kind: 'ARTICLE', organisation: 'quake', currentStage: 'FINAL', submittedAt: '2026-11-20T00:00:00Z' }
];

describe('queue', () => {
  it('narrows by stage, kind, organisation, title and hits, all together', () => {
    expect(filterQueue(lines, {}).map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(filterQueue(lines, { kind: 'ARTICLE' }).map((l) => l.id)).toEqual(['a', 'c']);
    expect(filterQueue(lines, { kind: 'ARTICLE', organisation: 'quake' }).map((l) => l.id)).toEqual(['c']);
    expect(filterQueue(lines, { stage: 'SCIENTIFIC' }).map((l) => l.id)).toEqual(['b']);
    expect(filterQueue(lines, { withHits: true }).map((l) => l.id)).toEqual(['b']);
    expect(filterQueue(lines, { text: ' diet ' }).map((l) => l.id)).toEqual(['c']);
    expect(filterQueue(lines, { text: '地震', kind: 'ARTICLE' })).toEqual([]);
  });

  it('offers the distinct values present', () => {
    expect(choices(lines, 'organisation')).toEqual(['nutrition', 'quake']);
    expect(choices(lines, 'kind')).toEqual(['ARTICLE', 'VIDEO']);
  });

  it('says how long a case waited in the largest whole unit', () => {
    const now = Date.parse('2026-11-23T03:30:00Z');
    expect(waited('2026-11-23T03:10:00Z', now)).toEqual({ unit: 'minutes', count: 20 });
    expect(waited('2026-11-23T10:00:00+08:00', now)).toEqual({ unit: 'hours', count: 1 });
    expect(waited('2026-11-20T00:00:00Z', now)).toEqual({ unit: 'days', count: 3 });
    expect(waited(undefined, now)).toBeNull();
    expect(waited('soon', now)).toBeNull();
  });

  it('serves the longest waiting first, whatever the offsets', () => {
    expect(oldestFirst(lines).map((l) => l.id)).toEqual(['c', 'a', 'b']);
  });
});
