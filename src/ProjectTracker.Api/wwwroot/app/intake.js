// Intake (POST /api/intake/documents): paste an announcement (or upload a .txt, .html or .docx), see the projects and
// totals it was read into, each highlighted in the text, and accept, correct or reject each. Accepting goes through the
// same checks as logging a project by hand; the project keeps the document and the quoted words as its source.
import { call, newIdempotencyKey } from './api.js';
import { field, formText, h, input, problemBox, showErrors, localProblems, clearErrors, announce, fill, add } from './dom.js';
import { t } from './i18n.js';
import { navigate } from './main.js';
import { projectFields, readProject } from './project-fields.js';
import { amountText, normaliseDate } from './values.js';

export async function render(main, params, match) {
  if (match[1]) return review(main, Number(match[1]));
  const text = h('textarea', { name: 'text', rows: 12 });
  const file = h('input', { type: 'file', name: 'file', accept: '.txt,.html,.htm,.docx' });
  const form = h('form', { class: 'card', novalidate: true, id: 'intake-form' },
    problemBox(),
    field(t('intakeTitle'), input({ name: 'title' }), { path: 'title', required: true }),
    field(t('intakeSource'), input({ name: 'source' }), { path: 'source', hint: t('intakeSourceHint') }),
    field(t('intakePublishedOn'), input({ name: 'publishedOn', placeholder: '2025-01-13' }), { path: 'publishedOn', hint: t('intakePublishedOnHint') }),
    field(t('intakeText'), text, { path: 'text', hint: t('intakeTextHint') }),
    field(t('intakeFile'), file, { path: 'file' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('intakeRead'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = formText(form);
    const fields = { title: value('title') || undefined, source: value('source') || undefined, publishedOn: normaliseDate(value('publishedOn')) || undefined };
    try {
      let answer;
      if (file.files[0]) {
        const upload = new FormData();
        upload.append('file', file.files[0]);
        for (const [name, content] of Object.entries(fields)) if (content) upload.append(name, content);
        answer = await call('/api/intake/files', { method: 'POST', form: upload, idempotencyKey: newIdempotencyKey() });
      } else {
        answer = await call('/api/intake/documents', { method: 'POST', body: { ...fields, text: value('text') || undefined }, idempotencyKey: newIdempotencyKey() });
      }
      navigate(`#/intake/${answer.data.id}`);
    } catch (error) { showErrors(form, error); }
  });
  add(main, h('h1', {}, t('navIntake')), h('p', {}, t('intakeIntro')), form);
}

async function review(main, id) {
  const { data: document } = await call(`/api/intake/documents/${id}`);
  const pending = document.drafts.filter((draft) => draft.state === 'pending').length;
  add(main,
    h('h1', {}, document.title),
    h('p', { id: 'intake-summary' }, t('intakeFound', document.drafts.length, document.batches.length, pending)),
    h('div', { class: 'intake-review' },
      h('section', { class: 'card intake-text', 'aria-label': t('intakeText') }, highlighted(document)),
      h('section', { class: 'intake-drafts', 'aria-label': t('intakeDrafts') },
        h('h2', {}, t('intakeDrafts')), ...document.drafts.map((draft) => draftCard(draft, document)),
        document.batches.length ? h('h2', {}, t('intakeBatches')) : null, ...document.batches.map((batch) => batchCard(batch)))));
}

/** The document's text with each draft's quote marked; a quote that overlaps an earlier one is marked only once. */
function highlighted(document) {
  const quotes = document.drafts.map((draft) => ({ id: draft.id, ...draft.quote })).sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const quote of quotes) {
    if (quote.start < at) continue;
    parts.push(document.text.slice(at, quote.start));
    parts.push(h('mark', { id: `quote-${quote.id}` }, document.text.slice(quote.start, quote.end)));
    at = quote.end;
  }
  parts.push(document.text.slice(at));
  return h('div', { class: 'intake-document' }, ...parts);
}

function draftCard(draft, document) {
  const project = draft.project;
  const box = problemBox();
  const body = h('div', {});
  const card = h('article', { class: 'card draft', id: `draft-${draft.id}`, 'aria-labelledby': `draft-${draft.id}-name` },
    h('h3', { id: `draft-${draft.id}-name` }, h('a', { href: `#quote-${draft.id}` }, project.nameZh || t('intakeUnnamed'))),
    h('p', { class: 'draft-facts' }, [
      t('status_' + (project.status || 'signed')),
      project.amount != null ? amountText(project.amount, project.amountQualifier, project.currency || 'CNY') : null,
      project.district, project.signedOn || project.startedOn || project.completedOn,
      t('intakeConfidence', Math.round(draft.confidence * 100)),
    ].filter(Boolean).join(' · ')),
    draft.uncertainties.length ? h('ul', { class: 'uncertainties' }, draft.uncertainties.map((line) => h('li', {}, line))) : null,
    box, body);
  const decided = () => fill(body, h('p', { class: 'draft-state' }, t('intakeState_' + draft.state),
    draft.projectId ? [' · ', h('a', { href: `#/projects/${draft.projectId}` }, t('intakeOpenProject'))] : null,
    draft.reason ? ` · ${draft.reason}` : null));
  if (draft.state !== 'pending') { decided(); return card; }

  async function decide(path, payload) {
    clearErrors(card);
    try {
      const { data } = await call(`/api/intake/drafts/${draft.id}/${path}`, { method: 'POST', body: payload, idempotencyKey: newIdempotencyKey() });
      Object.assign(draft, data);
      decided();
      announce(t('intakeState_' + draft.state) + ': ' + (project.nameZh || ''));
    } catch (error) { showErrors(card, error); }
  }
  const reason = input({ name: 'reason' });
  fill(body, h('div', { class: 'actions' },
    h('button', { type: 'button', onclick: () => decide('accept', {}) }, t('intakeAccept')),
    h('button', { type: 'button', class: 'secondary', onclick: () => correct() }, t('intakeCorrect'))),
    h('div', { class: 'reject' }, field(t('intakeReason'), reason, { path: 'reason' }),
      h('button', { type: 'button', class: 'secondary', onclick: () => decide('reject', { reason: reason.value.trim() || undefined }) }, t('intakeReject'))));

  async function correct() {
    const asRead = { ...project, district: project.district ? { code: project.district } : null, park: project.park ? { code: project.park } : null, sector: project.sector ? { code: project.sector } : null };
    const form = h('form', { class: 'correction', novalidate: true },
      await projectFields('project.', asRead),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('intakeAcceptCorrected'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const { body: corrected, localErrors } = readProject(form, 'project.');
      if (Object.keys(localErrors).length) { showErrors(card, localProblems(localErrors)); return; }
      decide('accept', { project: corrected });
    });
    fill(body, form);
    form.querySelector('input, select, textarea')?.focus();
  }
  return card;
}

function batchCard(batch) {
  const card = h('article', { class: 'card batch' },
    h('h3', {}, t('batchKind_' + batch.kind)),
    h('p', {}, [batch.date, batch.district, batch.reportedProjectCount != null ? t('intakeProjects', batch.reportedProjectCount) : null,
      batch.reportedAmount != null ? amountText(batch.reportedAmount, batch.reportedQualifier, batch.currency || 'CNY') : null].filter(Boolean).join(' · ')),
    h('blockquote', {}, batch.quote.text),
    batch.uncertainties.length ? h('ul', { class: 'uncertainties' }, batch.uncertainties.map((line) => h('li', {}, line))) : null,
    h('p', { class: 'draft-state' }, t('intakeState_' + batch.state), batch.eventId ? ' · ' + t('intakeEvent', batch.eventId) : ''));
  return card;
}
