import { describe, expect, it } from 'vitest';
import { emptyState, normaliseParagraphs, paragraphs, stateOf, toRumorForm } from './rumor-form';

describe('rumor form', () => {
  it('starts from the claim of a clue, with one empty row of each list', () => {
    const state = emptyState('喝板蓝根能预防流感');
    expect(state.claim).toBe('喝板蓝根能预防流感');
    expect(state.appearances).toEqual([{ where: '', url: '' }]);
    expect(state.evidence).toEqual([{ title: '', publisher: '', url: '' }]);
    expect(state.verdict).toBe('');
  });

  it('trims texts and leaves out blank optional fields and empty rows', () => {
    const state = emptyState(' 隔夜菜致癌 ');
    state.verdict = 'RUMOR';
    state.truth = ' 合理保存的隔夜菜可以吃。 ';
    state.explanation = '第一段。\r\n\r\n\r\n  第二段。  \n\n';
    state.appearances = [{ where: ' 微信群 ', url: ' ' }, { where: '  ', url: 'https://example.org/' }];
    state.evidence = [{ title: '膳食指南', publisher: '', url: 'https://example.org/guide' }, { title: '', publisher: 'x', url: '' }];
    state.topics = ['health', ' health', ''];
    const form = toRumorForm(state);
    expect(form).toEqual({
      slug: undefined,
      claim: '隔夜菜致癌',
      verdict: 'RUMOR',
      truth: '合理保存的隔夜菜可以吃。',
      explanation: '第一段。\n\n第二段。',
      firstSeen: undefined,
      appearances: [{ where: '微信群', url: undefined }],
      evidence: [{ title: '膳食指南', publisher: undefined, url: 'https://example.org/guide' }],
      topics: ['health'],
      column: undefined,
      rebuttalWork: undefined
    });
  });

  it('sends required fields even when empty, so that the server names them', () => {
    const form = toRumorForm(emptyState());
    expect(form.claim).toBe('');
    expect(form.truth).toBe('');
    expect(form.verdict).toBeUndefined();
  });

  it('round-trips a saved item', () => {
    const item = {
      id: 'i', slug: 'banlangen', claim: 'c', verdict: 'DISPUTED' as const, truth: 't', explanation: 'a\n\nb', firstSeen: '2026-01-02',
      appearances: [{ where: '短视频', url: 'https://v.example/1' }], evidence: [], topics: ['health'], column: 'health-rumors'
    };
    const state = stateOf(item);
    expect(state.evidence).toEqual([{ title: '', publisher: '', url: '' }]);
    expect(toRumorForm(state)).toMatchObject({ slug: 'banlangen', firstSeen: '2026-01-02', column: 'health-rumors', evidence: [],
      appearances: [{ where: '短视频', url: 'https://v.example/1' }] });
  });

  it('splits paragraphs on blank lines only', () => {
    expect(paragraphs('一\n二\n\n三')).toEqual(['一\n二', '三']);
    expect(paragraphs(undefined)).toEqual([]);
    expect(normaliseParagraphs('  \n \n')).toBe('');
  });
});
