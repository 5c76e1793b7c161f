// Find projects: every filter of GET /api/projects, text search, sort, keyset pages, and export of the same filter.
// The filter lives in the address (#/projects?district=420115&status=signed), so a dashboard figure links straight here.
import { call, download, query } from './api.js';
import { field, h, input, select, table, problemBox, showErrors, clearErrors, announce, fill, add } from './dom.js';
import { t } from './i18n.js';
import { navigate } from './main.js';
import { placeField, placeNames, sectorSelect, parkSelect, statuses } from './pickers.js';
import { amountText, dateText, nameOf, normaliseDate } from './values.js';

const listFilters = ['q', 'district', 'park', 'sector', 'status', 'signedFrom', 'signedTo', 'startedFrom', 'startedTo',
  'completedFrom', 'completedTo', 'minAmount', 'maxAmount', 'currency', 'investor', 'updatedSince', 'batch'];
const sorts = ['-signedOn', 'signedOn', '-startedOn', 'startedOn', '-completedOn', 'completedOn', '-amount', 'amount', 'name', '-name', '-updatedAt', 'updatedAt'];

/** The list filters present in the address. */
function filtersFrom(params) {
  const filters = {};
  for (const name of listFilters) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = name === 'district' || name === 'status' ? values : values[0];
  }
  return filters;
}

export async function render(main, params) {
  const filters = filtersFrom(params);
  const sort = params.get('sort') || '-signedOn';
  const text = (name, extra = {}) => input({ name, value: filters[name] || '', ...extra });
  const cursors = [null];
  const ask = (index) => call('/api/projects', { params: { ...filters, sort, limit: 50, includeTotal: true, cursor: cursors[index] } });
  // The first page is asked for before the pickers' reference data, so the list the user came for does not queue behind it.
  const firstPage = ask(0);
  firstPage.catch(() => { /* shown by showPage */ });
  const [parkControl, sectorControl] = await Promise.all([
    parkSelect({ name: 'park', value: filters.park || '' }), sectorSelect({ name: 'sector', value: filters.sector || '' })]);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('filters') },
    problemBox(),
    field(t('search'), text('q', { type: 'search' }), { path: 'q', hint: t('searchHint') }),
    placeField(t('district'), { name: 'district', value: (filters.district || []).join(',') }, { path: 'district', hint: t('districtsHint') }),
    field(t('park'), parkControl, { path: 'park' }),
    field(t('sector'), sectorControl, { path: 'sector' }),
    h('fieldset', { class: 'checks' }, h('legend', {}, t('status')),
      statuses.map((status) => h('label', {}, h('input', { type: 'checkbox', name: 'status', value: status, checked: (filters.status || []).includes(status) }), t('status_' + status)))),
    ['signed', 'started', 'completed'].map((stage) => [
      field(t(stage + 'From'), text(stage + 'From', { placeholder: '2023 / 2023-02 / 2023-02-01' }), { path: stage + 'From' }),
      field(t(stage + 'To'), text(stage + 'To', { placeholder: '2023 / 2023-02 / 2023-02-01' }), { path: stage + 'To' })]),
    field(t('minAmount'), text('minAmount', { inputmode: 'decimal' }), { path: 'minAmount' }),
    field(t('maxAmount'), text('maxAmount', { inputmode: 'decimal' }), { path: 'maxAmount' }),
    field(t('currency'), select([['', t('any')], ['CNY', t('currency_CNY')], ['USD', t('currency_USD')]], { name: 'currency', value: filters.currency || '' }), { path: 'currency' }),
    field(t('investor'), text('investor'), { path: 'investor' }),
    field(t('updatedSince'), text('updatedSince', { placeholder: '2024-05-01T00:00:00Z' }), { path: 'updatedSince', hint: t('updatedSinceHint') }),
    field(t('batchFilter'), text('batch', { inputmode: 'numeric', size: 8 }), { path: 'batch', hint: t('batchFilterHint') }),
    field(t('sort'), select(sorts.map((s) => [s, t('sort_' + s.replace('-', '')) + (s.startsWith('-') ? ' ↓' : ' ↑')]), { name: 'sort', value: sort }), { path: 'sort' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, t('find')),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportAs('csv') }, t('exportCsv')),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportAs('xlsx') }, t('exportXlsx'))));

  const formFilters = () => {
    const data = new FormData(form);
    const result = {};
    for (const name of listFilters) {
      if (name === 'status') { const all = data.getAll('status'); if (all.length) result.status = all; continue; }
      if (name === 'district') { const all = placeNames(data.get('district')); if (all.length) result.district = all; continue; }
      const value = String(data.get(name) ?? '').trim();
      if (value) result[name] = name.endsWith('From') || name.endsWith('To') ? normaliseDate(value) : value;
    }
    return result;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/projects${query({ ...formFilters(), sort: String(new FormData(form).get('sort')) })}`);
  });
  async function exportAs(format) {
    try {
      await download('/api/projects/export', { ...formFilters(), format, headers: 'zh' }, `projects.${format}`);
      announce(t('exported'));
    } catch (error) { showErrors(form, error); }
  }

  const results = h('section', { 'aria-labelledby': 'results-heading' }, h('h2', { id: 'results-heading' }, t('results')));
  add(main, h('h1', {}, t('navProjects')), form, results);

  async function showPage(index, answer = ask(index)) {
    clearErrors(form);
    try {
      const { data } = await answer;
      cursors[index + 1] = data.nextCursor;
      const rows = data.items.map((project) => h('tr', {},
        h('td', {}, h('a', { href: `#/projects/${project.id}` }, project.nameZh)),
        h('td', {}, nameOf(project.district)),
        h('td', {}, nameOf(project.sector)),
        h('td', {}, t('status_' + project.status)),
        h('td', { class: 'num' }, amountText(project.effectiveAmount, project.effectiveQualifier, project.currency)),
        h('td', {}, dateText(project.signedOn)),
        h('td', {}, dateText(project.startedOn))));
      const total = data.total === null ? '' : t(data.totalIsLowerBound ? 'matchesAtLeast' : 'matches', data.total);
      fill(results, h('h2', { id: 'results-heading' }, t('results')),
        h('p', { id: 'result-count' }, total),
        table(null, [t('name'), t('district'), t('sector'), t('status'), t('amount'), t('signedOn'), t('startedOn')], rows, { class: 'list', id: 'project-list' }),
        h('nav', { class: 'pager', 'aria-label': t('pages') },
          index > 0 ? h('button', { type: 'button', class: 'secondary', onclick: () => showPage(index - 1) }, t('previousPage')) : null,
          data.nextCursor ? h('button', { type: 'button', class: 'secondary', onclick: () => showPage(index + 1) }, t('nextPage')) : null));
      announce(total || t('results'));
    } catch (error) { showErrors(form, error); }
  }
  await showPage(0, firstPage);
}
