import { describe, expect, it } from 'vitest';
import { locate, segment, unplaced, type Hit } from './highlight';

const flag = (matched: string, start: number, level: 'BLOCK' | 'FLAG' = 'FLAG'): Hit =>
  ({ field: 'body', word: matched, matched, level, start, end: start + matched.length });

describe('segment', () => {
  it('cuts the text around hits at their offsets', () => {
    const text = '此药包治百病，还能根治高血压。';
    const segments = segment(text, [flag('根治', 9), flag('包治百病', 2)]);
    expect(segments.map((s) => [s.text, s.hit?.word ?? null])).toEqual([
      ['此药', null], ['包治百病', '包治百病'], ['，还能', null], ['根治', '根治'], ['高血压。', null]
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('places a hit whose offsets are off at the nearest occurrence of its text', () => {
    const text = '根治一次，再根治一次';
    expect(locate(text, flag('根治', 5))).toEqual({ start: 6, end: 8 });
    expect(locate(text, flag('根治', 1))).toEqual({ start: 0, end: 2 });
  });

  it('keeps the first of overlapping hits, a BLOCK before a FLAG at the same place', () => {
    const segments = segment('甲乙丙丁', [flag('乙丙', 1), flag('乙丙丁', 1, 'BLOCK'), flag('丙丁', 2)]);
    expect(segments.map((s) => [s.text, s.hit?.level ?? null])).toEqual([['甲', null], ['乙丙丁', 'BLOCK']]);
  });

  it('reports hits the text does not contain instead of marking the wrong place', () => {
    const hits = [flag('神药', 3), flag('包治百病', 0)];
    expect(segment('包治百病', hits).filter((s) => s.hit)).toHaveLength(1);
    expect(unplaced('包治百病', hits).map((hit) => hit.word)).toEqual(['神药']);
  });

  it('leaves a text without hits whole and an empty text empty', () => {
    expect(segment('平安无事', [])).toEqual([{ text: '平安无事' }]);
    expect(segment('', [flag('根治', 0)])).toEqual([]);
  });
});
