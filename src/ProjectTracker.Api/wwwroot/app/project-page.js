// One project: every field, its status history, the documents its facts come from and its audit trail; editors change
// its status (a step back is a correction with a note) and open the edit form.
import { call, get, session } from './api.js';
import { field, h, input, select, table, problemBox, showErrors, clearErrors, announce, add } from './dom.js';
import { t } from './i18n.js';
import { navigate } from './main.js';
import { statuses } from './pickers.js';
import { amountText, dateText, nameOf, normaliseDate, phasesText } from './values.js';
import { submissions } from './project-form.js';

export async function render(main, params, match) {
  const id = Number(match[1]);
  // A project that does not exist is a 404 with the same words from each of the four.
  const [{ data: project, etag }, history, sources, audit] = await Promise.all([call(`/api/projects/${id}`),
    get(`/api/projects/${id}/history`), get(`/api/projects/${id}/sources`), get(`/api/projects/${id}/audit`).catch(() => null)]);

  const facts = [
    [t('nameZh'), project.nameZh], [t('nameEn'), project.nameEn || '—'], [t('kind'), t('kind_' + project.kind)],
    [t('status'), t('status_' + project.status)], [t('investors'), project.investors.join('、') || '—'],
    [t('district'), nameOf(project.district)], [t('park'), nameOf(project.park)], [t('sector'), nameOf(project.sector)],
    [t('amount'), amountText(project.amount, project.amountQualifier, project.currency)],
    [t('effectiveAmount'), amountText(project.effectiveAmount, project.effectiveQualifier, project.currency)],
    [t('phases'), phasesText(project.phases) || '—'],
    [t('signedOn'), dateText(project.signedOn)], [t('startedOn'), dateText(project.startedOn)], [t('completedOn'), dateText(project.completedOn)],
    [t('projectCode'), project.projectCode || '—'], [t('landAreaSqm'), project.landAreaSqm ?? '—'], [t('notes'), project.notes || '—'],
    [t('version'), project.version], [t('updatedAt'), new Date(project.updatedAt).toLocaleString()],
  ];
  add(main, 
    h('h1', {}, project.nameZh),
    params.get('saved') ? h('p', { class: 'ok', role: 'status' }, t('saved', project.nameZh)) : null,
    session.can('editor') ? h('p', { class: 'actions' }, h('a', { class: 'button', href: `#/projects/${id}/edit`, id: 'edit-link' }, t('edit'))) : null,
    h('dl', { class: 'facts' }, facts.map(([label, value]) => [h('dt', {}, label), h('dd', {}, String(value))])),
    session.can('editor') ? statusForm(project, etag) : null,
    h('section', { 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, t('history')),
      table(null, [t('recordedAt'), t('event'), t('from'), t('to'), t('date'), t('note'), t('actor')], history.map((entry) => h('tr', {},
        h('td', {}, new Date(entry.recordedAt).toLocaleString()), h('td', {}, t('event_' + entry.event)),
        h('td', {}, entry.fromStatus ? t('status_' + entry.fromStatus) : '—'), h('td', {}, entry.toStatus ? t('status_' + entry.toStatus) : '—'),
        h('td', {}, dateText(entry.date)), h('td', {}, entry.note || ''), h('td', {}, entry.actor || ''))))),
    h('section', { 'aria-labelledby': 'sources-heading' }, h('h2', { id: 'sources-heading' }, t('sources')),
      table(null, [t('document'), t('locator'), t('facts')], sources.map((source) => h('tr', {},
        h('td', {}, source.document.title), h('td', {}, source.locator), h('td', {}, source.facts.join(', ')))))),
    audit ? h('section', { 'aria-labelledby': 'audit-heading' }, h('h2', { id: 'audit-heading' }, t('audit')),
      table(null, [t('recordedAt'), t('actor'), t('action'), t('requestId')], audit.map((entry) => h('tr', {},
        h('td', {}, new Date(entry.recordedAt).toLocaleString()), h('td', {}, entry.actor), h('td', {}, entry.action), h('td', {}, entry.requestId || ''))))) : null);
}

function statusForm(project, etag) {
  const keyFor = submissions();
  const status = select(statuses.filter((s) => s !== project.status).map((s) => [s, t('status_' + s)]), { name: 'status' });
  const date = input({ name: 'date', placeholder: '2023 / 2023-02 / 2023-02-01' });
  const note = input({ name: 'note' });
  const correction = h('input', { type: 'checkbox', name: 'correction' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'status-heading' },
    h('h2', { id: 'status-heading' }, t('changeStatus')),
    problemBox(),
    field(t('newStatus'), status, { path: 'status' }),
    field(t('date'), date, { path: 'date', hint: t('statusDateHint') }),
    field(t('note'), note, { path: 'note' }),
    h('div', { class: 'field check' }, h('label', {}, correction, ' ', t('correction')), h('div', { class: 'hint' }, t('correctionHint'))),
    h('button', { type: 'submit' }, t('changeStatus')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = { status: status.value, date: normaliseDate(date.value) || undefined, note: note.value.trim() || undefined, correction: correction.checked || undefined };
    try {
      await call(`/api/projects/${project.id}/status`, { method: 'POST', body, ifMatch: etag, idempotencyKey: keyFor(body) });
      announce(t('statusChanged'));
      navigate(`#/projects/${project.id}?saved=1`);
    } catch (error) {
      showErrors(form, error.status === 412 ? { message: t('statusStale') } : error);
    }
  });
  return form;
}
