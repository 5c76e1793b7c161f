// Import a spreadsheet (POST /api/imports): upload, progress while the API checks and writes it, every bad row and
// column listed (rows of an edited export that changed since are conflicts); the template comes from the API.
import { call, download, newIdempotencyKey } from './api.js';
import { field, h, select, table, problemBox, showErrors, clearErrors, announce, alertMessage, fill, add } from './dom.js';
import { t } from './i18n.js';

const finished = ['succeeded', 'rejected', 'failed'];

export function render(main) {
  const file = h('input', { type: 'file', name: 'file', accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv' });
  const mode = select([['all-or-nothing', t('mode_all')], ['valid-rows', t('mode_valid')]], { name: 'mode' });
  const duplicates = h('input', { type: 'checkbox', name: 'allowDuplicates' });
  const status = h('section', { id: 'import-status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true, id: 'import-form' },
    problemBox(),
    field(t('spreadsheet'), file, { path: 'file', required: true, hint: t('spreadsheetHint') }),
    field(t('importMode'), mode, { path: 'mode' }),
    h('div', { class: 'field check' }, h('label', {}, duplicates, ' ', t('allowDuplicates'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('upload')),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('/api/imports/template', { format: 'xlsx', headers: 'zh' }, 'projects-template.xlsx') }, t('templateXlsx')),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('/api/imports/template', { format: 'csv', headers: 'zh' }, 'projects-template.csv') }, t('templateCsv'))));
  let timer;
  let stopped = false;   // the user has left: a check still in flight must neither draw nor ask again

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    clearTimeout(timer);
    const upload = new FormData();
    if (file.files[0]) upload.append('file', file.files[0]);
    try {
      const { data } = await call('/api/imports', { method: 'POST', form: upload, params: { mode: mode.value, allowDuplicates: duplicates.checked || undefined }, idempotencyKey: newIdempotencyKey() });
      follow(data.id);
    } catch (error) { showErrors(form, error); }
  });

  async function follow(id) {
    try {
      const { data } = await call(`/api/imports/${id}`);
      if (stopped) return;
      show(data);
      if (!finished.includes(data.state)) timer = setTimeout(() => follow(id), 500);
      else if (data.state === 'succeeded') announce(t('importSucceeded', data.rowsWritten, data.rowsUpdated, data.errorCount));
      else alertMessage(t('importEnded_' + data.state, data.errorCount));
    } catch (error) { if (!stopped) showErrors(form, error); }
  }

  function show(data) {
    const total = data.rowsTotal ?? undefined;
    fill(status, 
      h('h2', {}, t('importOf', data.fileName)),
      h('p', { id: 'import-state' }, t('state_' + data.state), ' · ', t('rowsProgress', data.rowsProcessed, data.rowsTotal ?? '?'), ' · ', t('rowsWritten', data.rowsWritten, data.rowsUpdated)),
      h('progress', { max: total ?? 1, value: total ? data.rowsProcessed : undefined, 'aria-label': t('progress') }),
      data.failure ? h('p', { class: 'error-text' }, data.failure) : null,
      data.errors.length ? table(t('badRows', data.errorCount), [t('row'), t('column'), t('problem')], data.errors.map((error) =>
        h('tr', {}, h('td', { class: 'num' }, error.row), h('td', {}, error.column), h('td', {}, error.message))), { id: 'import-errors' }) : null);
  }

  add(main, h('h1', {}, t('navImport')), form, status);
  return () => { stopped = true; clearTimeout(timer); };
}
