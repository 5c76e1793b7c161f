// Log a signing or a start (POST /api/projects), or correct a project (PUT with If-Match). Field problems land next to
// their fields; a duplicate (409) links to the project that exists; a stale edit (412) shows their version beside yours.
import { call, newIdempotencyKey } from './api.js';
import { h, problemBox, showErrors, localProblems, clearErrors, announce, table, fill, add } from './dom.js';
import { t } from './i18n.js';
import { navigate } from './main.js';
import { projectFields, readProject, storedAmountText } from './project-fields.js';
import { phasesText } from './values.js';

/** Retries of one submission reuse its Idempotency-Key; a changed form is a new submission with a new key. */
export function submissions() {
  let lastBody = null;
  let key = null;
  return (body) => {
    const text = JSON.stringify(body);
    if (text !== lastBody) { lastBody = text; key = newIdempotencyKey(); }
    return key;
  };
}

export async function render(main, params, match) {
  const id = match[1] ? Number(match[1]) : null;
  let current = null;
  let etag = null;
  if (id) {
    const answer = await call(`/api/projects/${id}`);
    current = answer.data;
    etag = answer.etag;
  }
  const keyFor = submissions();
  const box = problemBox();
  const extra = h('div', { class: 'resolution' });
  const form = h('form', { class: 'card', novalidate: true, id: 'project-form' },
    box,
    await projectFields('', current || { status: params.get('status') || 'signed' }, { statusFixed: Boolean(id) }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('save')),
      id ? h('a', { href: `#/projects/${id}` }, t('cancel')) : null),
    extra);

  async function save(allowDuplicate = false) {
    clearErrors(form);
    fill(extra);
    const { body, localErrors } = readProject(form);
    if (Object.keys(localErrors).length) { showErrors(form, localProblems(localErrors)); return; }
    try {
      const answer = id
        ? await call(`/api/projects/${id}`, { method: 'PUT', body, ifMatch: etag })
        : await call('/api/projects', { method: 'POST', body, params: { allowDuplicate: allowDuplicate || undefined }, idempotencyKey: keyFor({ body, allowDuplicate }) });
      announce(t('saved', answer.data.nameZh));
      navigate(`#/projects/${answer.data.id}?saved=1`);
    } catch (error) {
      if (error.status === 409 && error.problem.existingId) return showDuplicate(error);
      if (error.status === 412) return showConflict(body);
      showErrors(form, error);
    }
  }

  function showDuplicate(error) {
    showErrors(form, error);
    fill(extra, h('div', { class: 'notice', id: 'duplicate' },
      h('p', {}, t('duplicateExists'), ' ', h('a', { href: `#/projects/${error.problem.existingId}` }, t('openExisting', error.problem.existingId))),
      h('button', { type: 'button', class: 'secondary', onclick: () => save(true) }, t('saveAnyway'))));
  }

  /** Someone saved first: show their version beside the user's, and let the user redo the change on top of theirs. */
  async function showConflict(mine) {
    const answer = await call(`/api/projects/${id}`);
    const theirs = answer.data;
    const rows = comparedFields(theirs, mine).map(([label, their, yours]) =>
      h('tr', { class: their === yours ? '' : 'changed' }, h('th', { scope: 'row' }, label), h('td', {}, their), h('td', {}, yours)));
    fill(extra, h('section', { class: 'notice', id: 'conflict', 'aria-labelledby': 'conflict-heading' },
      h('h2', { id: 'conflict-heading', tabindex: '-1' }, t('conflictTitle')),
      h('p', {}, t('conflictExplain', theirs.version, new Date(theirs.updatedAt).toLocaleString())),
      table(null, [t('field'), t('theirVersion'), t('yourVersion')], rows, { id: 'conflict-table' }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'keep-mine', onclick: () => { etag = answer.etag; fill(extra); announce(t('redoOnTheirs')); save(); } }, t('applyMineOnTheirs')),
        h('button', { type: 'button', class: 'secondary', onclick: () => navigate(`#/projects/${id}/edit`) }, t('discardMine')))));
    extra.querySelector('h2').focus();
    announce(t('conflictTitle'));
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); save(); });
  add(main, h('h1', {}, id ? t('editProject', current.nameZh) : t('navNewProject')), form);
}

/** [label, theirs, yours] for every field a person edits, as text. */
function comparedFields(theirs, mine) {
  const text = (value) => (value === undefined || value === null || value === '' ? '—' : Array.isArray(value) ? value.join('、') : String(value));
  return [
    [t('nameZh'), theirs.nameZh, mine.nameZh], [t('nameEn'), theirs.nameEn, mine.nameEn], [t('kind'), theirs.kind, mine.kind],
    [t('investors'), theirs.investors, mine.investors], [t('district'), theirs.district.code, mine.district],
    [t('park'), theirs.park?.code, mine.park], [t('sector'), theirs.sector.code, mine.sector],
    [t('amount'), storedAmountText(theirs), storedAmountText(mine)], [t('phases'), phasesText(theirs.phases), phasesText(mine.phases)],
    [t('signedOn'), theirs.signedOn, mine.signedOn], [t('startedOn'), theirs.startedOn, mine.startedOn], [t('completedOn'), theirs.completedOn, mine.completedOn],
    [t('projectCode'), theirs.projectCode, mine.projectCode], [t('landAreaSqm'), theirs.landAreaSqm, mine.landAreaSqm], [t('notes'), theirs.notes, mine.notes],
  ].map(([label, their, yours]) => [label, text(their), text(yours)]);
}

