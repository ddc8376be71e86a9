import { describe, expect, it } from 'vitest';
import { auditQuery, flatten, listOf, nextBefore, toggled } from './admin-logic';

describe('role checkboxes', () => {
  it('adds and removes a role, keeping the canonical order and no duplicates', () => {
    expect(toggled(['SOCIETY_MEMBER'], 'ADMIN', true)).toEqual(['ADMIN', 'SOCIETY_MEMBER']);
    expect(toggled(['ADMIN', 'EDITOR'], 'ADMIN', false)).toEqual(['EDITOR']);
    expect(toggled(['EDITOR'], 'EDITOR', true)).toEqual(['EDITOR']);
  });
});

describe('lists typed in one field', () => {
  it('splits on Latin and Chinese separators and drops blanks and repeats', () => {
    expect(listOf('天文, 物理，化学、 天文\n\n生物')).toEqual(['天文', '物理', '化学', '生物']);
    expect(listOf('  ')).toEqual([]);
  });
});

describe('audit search', () => {
  it('sends only the filters that were filled in', () => {
    expect(auditQuery({ actor: ' demo-editor ', action: '', subject: '  ' }, undefined, 50)).toEqual({ actor: 'demo-editor', limit: 50 });
    expect(auditQuery({ actor: '', action: 'column.', subject: 'column:x' }, 120, 50))
      .toEqual({ action: 'column.', subject: 'column:x', before: 120, limit: 50 });
  });

  it('pages on the oldest id of a full page and stops after a short one', () => {
    expect(nextBefore([{ id: 30 }, { id: 29 }, { id: 27 }], 3)).toBe(27);
    expect(nextBefore([{ id: 30 }, { id: 29 }], 3)).toBeUndefined();
    expect(nextBefore([], 0)).toBeUndefined();
  });
});

describe('results as readable lines', () => {
  it('flattens nested objects and lists', () => {
    expect(flatten({ missing: 0, stale: 2, detail: { ids: ['a', 'b'], empty: {} }, none: null })).toEqual([
      { key: 'missing', value: '0' },
      { key: 'stale', value: '2' },
      { key: 'detail.ids', value: 'a, b' },
      { key: 'detail.empty', value: '{}' },
      { key: 'none', value: '' }
    ]);
  });
});
