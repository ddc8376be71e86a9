import { describe, expect, it } from 'vitest';
import { clock, comment, quoteOf, secondsOf, MAX_QUOTE } from './anchors';

const inside = { id: 'inside' };
const outside = { id: 'outside' };
const selection = (text: string, node: unknown) => ({
  toString: () => text,
  rangeCount: text ? 1 : 0,
  getRangeAt: () => ({ commonAncestorContainer: node })
});
const withinText = (node: unknown) => node === inside;

describe('anchors', () => {
  it('quotes a selection inside the text, trimmed and with white space collapsed', () => {
    expect(quoteOf(selection('  包治\n 百病 ', inside), withinText)).toBe('包治 百病');
  });

  it('quotes nothing for an empty selection, a blank one or one outside the text', () => {
    expect(quoteOf(null, withinText)).toBeNull();
    expect(quoteOf(selection('', inside), withinText)).toBeNull();
    expect(quoteOf(selection('   ', inside), withinText)).toBeNull();
    expect(quoteOf(selection('标题', outside), withinText)).toBeNull();
  });

  it('cuts a long quote', () => {
    const quote = quoteOf(selection('字'.repeat(MAX_QUOTE + 20), inside), withinText)!;
    expect(quote).toHaveLength(MAX_QUOTE + 1);
    expect(quote.endsWith('…')).toBe(true);
  });

  it('takes the media time to a tenth of a second and shows it as a clock', () => {
    expect(secondsOf(75.349)).toBe(75.3);
    expect(secondsOf(Number.NaN)).toBeNull();
    expect(secondsOf(undefined)).toBeNull();
    expect(clock(75.3)).toBe('1:15');
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(0)).toBe('0:00');
  });

  it('builds a comment only with text, anchored to what was given', () => {
    expect(comment('  ', { quote: '根治' })).toBeNull();
    expect(comment(' 请给出处 ', { quote: '根治' })).toEqual({ text: '请给出处', quote: '根治' });
    expect(comment('画面模糊', { seconds: 0 })).toEqual({ text: '画面模糊', seconds: 0 });
    expect(comment('总体可以', {})).toEqual({ text: '总体可以' });
  });
});
