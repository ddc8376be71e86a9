// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screenTextOf } from './screenText';

describe('screenTextOf', () => {
  it('ends each block with a line break and drops tags, as the server screens a body', () => {
    expect(screenTextOf('<p>第一段 <b>重点</b>内容</p><ul><li>一</li><li>二</li></ul><p>末段<br>换行</p>'))
      .toBe('第一段 重点内容\n一\n二\n末段\n换行');
  });

  it('decodes entities, collapses white space and never reads scripts or styles', () => {
    expect(screenTextOf('<p>  甲 &amp;\n\n  乙 </p><script>var x = 1;</script><style>p{}</style><div>丙</div>'))
      .toBe('甲 & 乙\n丙');
  });

  it('gives the offsets the screen reports for a word in a later paragraph', () => {
    const text = screenTextOf('<p>注意饮食。</p><p>此药<em>包治百病</em>。</p>');
    expect(text.indexOf('包治百病')).toBe(8);
  });

  it('is empty for no body', () => {
    expect(screenTextOf(undefined)).toBe('');
    expect(screenTextOf('')).toBe('');
  });
});
