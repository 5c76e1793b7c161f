// A signing ceremony or groundbreaking with its projects in one form (POST /api/events): existing projects picked by
// search, new ones with every field. Problems come back per project (projects[2].amount) and land on that row.
import { call, get } from './api.js';
import { field, formText, h, input, select, problemBox, showErrors, localProblems, clearErrors, announce, fill, add } from './dom.js';
import { t } from './i18n.js';
import { navigate } from './main.js';
import { placeField } from './pickers.js';
import { projectFields, readAmount, readProject } from './project-fields.js';
import { submissions } from './project-form.js';
import { normaliseDate } from './values.js';

export async function render(main) {
  const keyFor = submissions();
  const rows = h('ol', { class: 'event-projects' });
  const reportedAmount = input({ name: 'reportedAmount', placeholder: '约217.24亿元' });
  reportedAmount.dataset.also = 'reportedQualifier';
  const form = h('form', { class: 'card', novalidate: true, id: 'event-form' },
    problemBox(),
    field(t('eventKind'), select([['groundbreaking', t('batch_groundbreaking')], ['signing', t('batch_signing')], ['completion', t('batch_completion')]], { name: 'kind' }), { path: 'kind' }),
    field(t('eventDate'), input({ name: 'date', placeholder: '2023-01-31' }), { path: 'date', required: true, hint: t('dateHint') }),
    placeField(t('district'), { name: 'district' }, { path: 'district', required: true, hint: t('eventDistrictHint') }),
    field(t('eventTitle'), input({ name: 'title' }), { path: 'title', required: true }),
    field(t('reportedProjectCount'), input({ name: 'reportedProjectCount', inputmode: 'numeric' }), { path: 'reportedProjectCount' }),
    field(t('reportedAmount'), reportedAmount, { path: 'reportedAmount', hint: t('amountHint') }),
    field(t('notes'), h('textarea', { name: 'notes', rows: 2 }), { path: 'notes' }),
    h('h2', {}, t('eventProjects')),
    rows,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => addRow('existing') }, t('addExisting')),
      h('button', { type: 'button', class: 'secondary', onclick: () => addRow('new') }, t('addNew'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('saveEvent'))));

  function renumber() {
    [...rows.children].forEach((row, index) => {
      const title = row.querySelector('.row-title');
      title.textContent = t('projectNumber', index + 1);
      title.id = `event-row-${index}`;
      row.querySelector('[data-row]').id = `event-row-${index}-error`;
      row.querySelectorAll('[name], [data-path]').forEach((control) => {
        for (const attribute of ['name', 'data-path', 'data-also']) {
          const value = control.getAttribute(attribute);
          if (value) control.setAttribute(attribute, value.replace(/projects\[\d+\]/g, `projects[${index}]`));
        }
      });
    });
  }

  /** Adds a project row; one the user asked for takes the focus (the first, added as the screen opens, must not: the user may be typing). */
  async function addRow(kind, { focus = true } = {}) {
    const index = rows.children.length;
    const prefix = `projects[${index}].`;
    const body = kind === 'existing' ? existingPicker(prefix) : await projectFields(prefix, {}, { status: false, compact: true });
    const row = h('li', { class: 'event-project', 'data-kind': kind },
      h('div', { class: 'row-head' }, h('h3', { class: 'row-title', tabindex: '-1', 'data-path': `projects[${index}]` }), h('span', { class: 'tag' }, t(kind === 'existing' ? 'existingProject' : 'newProject')),
        h('button', { type: 'button', class: 'link', onclick: () => { row.remove(); renumber(); } }, t('removeRow'))),
      h('div', { class: 'error', 'data-row': '' }),
      body);
    rows.append(row);
    renumber();
    if (focus) row.querySelector('input, select')?.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = formText(form);
    const localErrors = {};
    const body = { kind: value('kind'), date: normaliseDate(value('date')) || undefined, district: value('district') || undefined, title: value('title') || undefined, notes: value('notes') || undefined };
    if (value('reportedProjectCount')) body.reportedProjectCount = Number(value('reportedProjectCount'));
    const reported = readAmount(value('reportedAmount'), 'reportedAmount', localErrors);
    if (reported) { body.reportedAmount = reported.amount; if (reported.qualifier) body.reportedQualifier = reported.qualifier; }
    body.projects = [...rows.children].map((row, index) => {
      const prefix = `projects[${index}].`;
      if (row.dataset.kind === 'existing') {
        const chosen = row.querySelector(`[name="${CSS.escape(prefix + 'id')}"]`).value;
        const note = row.querySelector(`[name="${CSS.escape(prefix + 'note')}"]`).value.trim();
        return { id: chosen ? Number(chosen) : undefined, note: note || undefined };
      }
      const read = readProject(row, prefix);
      Object.assign(localErrors, read.localErrors);
      return read.body;
    });
    if (Object.keys(localErrors).length) { showErrors(form, localProblems(localErrors)); return; }
    try {
      const { data } = await call('/api/events', { method: 'POST', body, idempotencyKey: keyFor(body) });
      announce(t('eventSaved', data.projects.length));
      fill(main, h('h1', {}, t('eventSavedTitle')), h('p', { role: 'status', id: 'event-saved' }, t('eventSaved', body.projects.length)),
        h('ul', {}, data.projects.map((item) => h('li', {}, h('a', { href: `#/projects/${item.id}` }, item.nameZh)))),
        h('p', {}, h('a', { href: '#/events/new', onclick: () => navigate('#/events/new') }, t('recordAnother'))));
    } catch (error) { showErrors(form, error); }
  });

  add(main, h('h1', {}, t('navEvent')), form);
  await addRow('new', { focus: false });
}

/** An existing project found by name: a search box and the matches to choose from. */
function existingPicker(prefix) {
  const search = input({ type: 'search', name: `${prefix}search`, autocomplete: 'off' });
  const choice = select([['', t('typeToSearch')]], { name: `${prefix}id` });
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = search.value.trim();
      if (text.length < 2) return;
      try {
        const page = await get('/api/projects', { q: text, limit: 20, sort: 'name' });
        fill(choice, h('option', { value: '' }, t('matchesFound', page.items.length)),
          ...page.items.map((project) => h('option', { value: project.id }, `${project.nameZh}（${project.district.nameZh}，${t('status_' + project.status)}）`)));
        announce(t('matchesFound', page.items.length));
      } catch { /* the search box says nothing; the API names a missing project on save */ }
    }, 250);
  });
  return h('div', { class: 'project-fields' },
    field(t('findProject'), search, { hint: t('findProjectHint') }),
    field(t('chooseProject'), choice, { path: `${prefix}id` }),
    field(t('historyNote'), input({ name: `${prefix}note` }), { path: `${prefix}note` }));
}
