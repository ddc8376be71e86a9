import { describe, expect, it } from 'vitest';
import { createSSRApp, h, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { i18n } from '../i18n';
import { ApiError } from '../api/problem';
import ChoiceSelect from './ChoiceSelect.vue';
import CountedTable from './CountedTable.vue';
import CreateForm from './CreateForm.vue';
import DecisionForm from './DecisionForm.vue';
import { reasonMissing } from './decision';
import EditForm from './EditForm.vue';
import ListTable from './ListTable.vue';
import OrganisationSelect from './OrganisationSelect.vue';

/** The HTML a component renders with these props and this default slot, in Chinese. */
async function html(component: Component, props: Record<string, unknown>, slot?: () => unknown): Promise<string> {
  const app = createSSRApp({ render: () => h(component, props, slot ? { default: slot } : undefined) });
  app.use(i18n);
  return (await renderToString(app)).replace(/<!--[^>]*-->/g, '');
}

const row = () => h('tr', { 'data-test': 'row-a' }, [h('td', 'A')]);

describe('ListTable', () => {
  const headings = ['名称', '操作'];

  it('says it is loading while the list comes', async () => {
    const out = await html(ListTable, { headings, loading: true, error: null, empty: true }, row);
    expect(out).toContain('<p>加载中…</p>');
    expect(out).not.toContain('<table');
  });

  it('says the list is empty, and shows the table only when it is not', async () => {
    expect(await html(ListTable, { headings, loading: false, error: null, empty: true }, row)).toContain('<p>暂无内容</p>');
    const out = await html(ListTable, { headings, loading: false, error: null, empty: false, 'data-test': 'things-table' }, row);
    expect(out).not.toContain('暂无内容');
    expect(out).toContain('<div class="table-wrap"><table data-test="things-table">');
    expect(out).toContain('<thead><tr><th scope="col">名称</th><th scope="col">操作</th></tr></thead>');
    expect(out).toContain('<tbody><tr data-test="row-a"><td>A</td></tr></tbody>');
    expect(out).not.toContain('<caption');
  });

  it('says only the problem, not "empty", when the list could not be read', async () => {
    const out = await html(ListTable, { headings, loading: false, error: new ApiError(503, { code: 'down', detail: '服务暂不可用' }), empty: true }, row);
    expect(out).toContain('服务暂不可用');
    expect(out).not.toContain('暂无内容');
    expect(out).not.toContain('<table');
  });

  it('names the table for screen readers when given a caption, and shows the problem before it', async () => {
    const out = await html(ListTable, { headings, loading: false, error: new ApiError(500, { code: 'broken', detail: '服务器出错了' }), caption: '专栏' }, row);
    expect(out).toContain('<caption class="visually-hidden">专栏</caption>');
    expect(out.indexOf('role="alert"')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('role="alert"')).toBeLessThan(out.indexOf('<table'));
    expect(out).toContain('服务器出错了');
  });
});

describe('CreateForm', () => {
  const fields = () => h('label', ['名称', h('input', { name: 'name' })]);

  it('is a heading and a form whose hooks go to the form and its button', async () => {
    const out = await html(CreateForm, { title: '新建专栏', submitLabel: '创建', busy: false, error: null, 'data-test': 'column-create',
      submitTest: 'column-create-submit' }, fields);
    expect(out).toContain('<h2>新建专栏</h2><form class="form" data-test="column-create">');
    expect(out).toContain('<label>名称<input name="name"></label>');
    expect(out).toContain('<div><button type="submit" data-test="column-create-submit">创建</button></div></form>');
  });

  it('cannot be sent while busy or while the caller says so, and shows its problem', async () => {
    const busy = await html(CreateForm, { title: 'T', submitLabel: '创建', busy: true, error: new Error('名称已被占用') }, fields);
    expect(busy).toContain('<button type="submit" disabled>创建</button>');
    expect(busy).toContain('名称已被占用');
    const refused = await html(CreateForm, { title: 'T', submitLabel: '创建', busy: false, error: null, disabled: true }, fields);
    expect(refused).toContain('<button type="submit" disabled>创建</button>');
    expect(refused).not.toContain('role="alert"');
  });
});

describe('EditForm', () => {
  it('has save and cancel, and passes its hooks on', async () => {
    const out = await html(EditForm, { busy: false, error: null, saveTest: 'column-edit-save', 'data-test': 'column-form-a' },
      () => h('input', { name: 'name' }));
    expect(out).toContain('<form class="form" data-test="column-form-a"><input name="name">');
    expect(out).toContain('<div class="toolbar"><button type="submit" data-test="column-edit-save">保存</button>'
      + '<button type="button" class="secondary">取消</button></div></form>');
  });

  it('cannot save while busy', async () => {
    expect(await html(EditForm, { busy: true, error: null })).toContain('<button type="submit" disabled>保存</button>');
  });
});

describe('OrganisationSelect', () => {
  it('offers the first choice and then every organisation by slug, with the current one selected', async () => {
    const organisations = [{ slug: 'nutrition', name: '营养学会' }, { slug: 'physics', name: '物理学会' }];
    const out = await html(OrganisationSelect, { modelValue: 'physics', organisations, noneLabel: '全部', 'data-test': 'accounts-filter' });
    expect(out).toMatch(/^<select data-test="accounts-filter">/);
    expect(out).toContain('<option value="">全部</option>');
    expect(out).toContain('<option value="nutrition">营养学会</option>');
    expect(out).toContain('<option value="physics" selected>物理学会</option>');
  });
});

describe('CountedTable', () => {
  const base = { headings: ['线索'], caption: '线索箱', count: '共 1 条', emptyText: '没有线索', emptyTest: 'clues-empty', 'data-test': 'clue-inbox' };

  it('says it is loading as a status', async () => {
    const out = await html(CountedTable, { ...base, loading: true, error: null, empty: false }, row);
    expect(out).toContain('<p role="status">加载中…</p>');
    expect(out).not.toContain('共 1 条');
  });

  it('shows only the problem when the list could not be read', async () => {
    const out = await html(CountedTable, { ...base, loading: false, error: new Error('无法读取'), empty: false }, row);
    expect(out).toContain('role="alert"');
    expect(out).not.toContain('共 1 条');
    expect(out).not.toContain('<table');
  });

  it('counts what it shows, and says so when nothing is left', async () => {
    const empty = await html(CountedTable, { ...base, loading: false, error: null, empty: true }, row);
    expect(empty).toContain('<p class="muted" role="status">共 1 条</p><p data-test="clues-empty">没有线索</p>');
    expect(empty).not.toContain('<table');
    const full = await html(CountedTable, { ...base, loading: false, error: null, empty: false }, row);
    expect(full).toContain('<p class="muted" role="status">共 1 条</p><div class="table-wrap"><table data-test="clue-inbox">'
      + '<caption class="visually-hidden">线索箱</caption><thead><tr><th scope="col">线索</th></tr></thead>'
      + '<tbody><tr data-test="row-a"><td>A</td></tr></tbody></table></div>');
    expect(full).not.toContain('没有线索');
  });
});

describe('ChoiceSelect', () => {
  it('offers all first, then the choices by value, with the current one selected', async () => {
    const choices = [{ value: 'NEW', label: '新线索' }, { value: 'DISMISSED', label: '已忽略' }];
    const out = await html(ChoiceSelect, { modelValue: 'DISMISSED', choices, noneLabel: '全部', 'data-test': 'clue-filter-status' });
    expect(out).toBe('<select data-test="clue-filter-status"><option value="">全部</option><option value="NEW">新线索</option>'
      + '<option value="DISMISSED" selected>已忽略</option></select>');
  });
});

describe('DecisionForm', () => {
  it('needs a reason unless approving', () => {
    expect(reasonMissing('APPROVE', '')).toBe(false);
    expect(reasonMissing('REJECT', '  ')).toBe(true);
    expect(reasonMissing('REQUEST_CHANGES', '请补充地址')).toBe(false);
  });

  it('offers the verdicts by name with the first chosen, the optional reason, and hooks named after its test prefix', async () => {
    const out = await html(DecisionForm, { verdicts: ['APPROVE', 'REQUEST_CHANGES', 'REJECT'], title: '一审', texts: 'events.decision',
      verdictNames: 'events.verdict', busy: false, test: 'series', send: async () => true });
    expect(out).toContain('<section class="panel" data-test="series-decision"><h2>一审</h2>');
    expect(out).toContain('<input checked type="radio" name="series-verdict" value="APPROVE" data-test="series-verdict-APPROVE"> 通过</label>');
    expect(out).toContain('data-test="series-verdict-REJECT"');
    expect(out).toContain('<label for="series-decision-reason">理由（可选）</label>');
    expect(out).toContain('<textarea id="series-decision-reason" maxlength="2000" aria-invalid="false" data-test="series-reason">');
    expect(out).toContain('<button type="submit" class="" data-test="series-decide">签署通过</button>');
    expect(out).not.toContain('role="alert"');
  });
});
