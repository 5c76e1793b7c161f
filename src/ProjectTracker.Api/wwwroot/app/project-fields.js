// Every field of a project, as the signing form, the edit form and each new project of an event show them, and the
// request body read back from them. Amounts are typed as people write them and parsed here (see values.js).
import { field, h, input, select } from './dom.js';
import { t } from './i18n.js';
import { placeField, sectorSelect, parkSelect, statuses, kinds } from './pickers.js';
import { parseAmount, parsePhases, phasesText, qualifierWord, amountText, normaliseDate } from './values.js';

/** The text of a stored amount as the amount input shows it: 约24.5, 5.6亿美元. */
export function storedAmountText(project) {
  if (project.amount === null || project.amount === undefined) return '';
  return `${qualifierWord(project.amountQualifier)}${project.amount}${project.currency === 'USD' ? '亿美元' : ''}`;
}

/**
 * The fields, named by their API paths under `prefix` ('' or 'projects[2].'). `options.status` false leaves the status
 * out (an event sets it); `options.statusFixed` shows it read-only (a PUT keeps the status).
 */
export async function projectFields(prefix, project = {}, options = {}) {
  const path = (name) => prefix + name;
  const named = (name, extra = {}) => ({ name: path(name), ...extra });
  const amount = input(named('amount', { value: storedAmountText(project), inputmode: 'text', autocomplete: 'off' }));
  amount.dataset.also = `${path('amountQualifier')} ${path('effectiveAmount')}`;
  const currency = select([['', t('currencyFromText')], ['CNY', t('currency_CNY')], ['USD', t('currency_USD')]], named('currency'));
  const preview = h('output', { class: 'parsed', 'aria-live': 'polite', for: '' });
  const phases = input(named('phases', { value: phasesText(project.phases), placeholder: '一期=约1；二期=约9' }));
  const phasesPreview = h('output', { class: 'parsed', 'aria-live': 'polite' });
  const showParsed = () => {
    const text = amount.value.trim();
    const parsed = parseAmount(text);
    const chosen = parsed?.currency || currency.value || 'CNY';
    preview.textContent = !text ? '' : parsed ? `= ${amountText(parsed.amount, parsed.qualifier, chosen)}` : t('amountUnreadable');
    preview.classList.toggle('bad', Boolean(text) && !parsed);
    const readPhases = parsePhases(phases.value);
    phasesPreview.textContent = !phases.value.trim() ? '' : readPhases
      ? '= ' + readPhases.map((phase) => `${phase.name} ${phase.amount == null ? '' : amountText(phase.amount, phase.qualifier, chosen)}`).join('；')
      : t('phasesUnreadable');
  };
  amount.addEventListener('input', showParsed);
  currency.addEventListener('change', showParsed);
  phases.addEventListener('input', showParsed);
  showParsed();

  const district = placeField(t('district'), named('district', { value: project.district?.code || '' }), { path: path('district'), required: true, hint: t('districtHint') });
  const [parkControl, sectorControl] = await Promise.all([
    parkSelect(named('park', { value: project.park?.code || '' })),
    sectorSelect(named('sector', { value: project.sector?.code || '' }), t('choose'))]);
  const park = field(t('park'), parkControl, { path: path('park') });
  const amountField = field(t('amount'), amount, { path: path('amount'), hint: t('amountHint') });
  amountField.insertBefore(preview, amountField.querySelector('.hint'));
  const phasesField = field(t('phases'), phases, { path: path('phases'), hint: t('phasesHint') });
  phasesField.insertBefore(phasesPreview, phasesField.querySelector('.hint'));
  const statusControl = select(statuses.map((status) => [status, t('status_' + status)]), named('status', { value: project.status || 'signed', disabled: options.statusFixed }));
  const date = (name) => field(t(name), input(named(name, { value: project[name] || '', placeholder: '2023 / 2023-02 / 2023-02-01' })), { path: path(name), hint: options.compact ? null : t('dateHint') });

  return h('div', { class: 'project-fields' },
    field(t('nameZh'), input(named('nameZh', { value: project.nameZh || '' })), { path: path('nameZh'), required: true }),
    field(t('nameEn'), input(named('nameEn', { value: project.nameEn || '', lang: 'en' })), { path: path('nameEn') }),
    field(t('kind'), select(kinds.map((kind) => [kind, t('kind_' + kind)]), named('kind', { value: project.kind || 'investment' })), { path: path('kind') }),
    options.status === false ? null : field(t('status'), statusControl, { path: path('status'), hint: options.statusFixed ? t('statusFixedHint') : null }),
    field(t('investors'), h('textarea', { ...named('investors'), rows: 2 }, (project.investors || []).join('\n')), { path: path('investors'), hint: t('investorsHint') }),
    district,
    park,
    field(t('sector'), sectorControl, { path: path('sector'), required: true }),
    amountField,
    field(t('currency'), currency, { path: path('currency') }),
    phasesField,
    date('signedOn'), date('startedOn'), date('completedOn'),
    field(t('projectCode'), input(named('projectCode', { value: project.projectCode || '' })), { path: path('projectCode'), hint: options.compact ? null : t('projectCodeHint') }),
    field(t('landAreaSqm'), input(named('landAreaSqm', { value: project.landAreaSqm ?? '', inputmode: 'decimal' })), { path: path('landAreaSqm') }),
    field(t('notes'), h('textarea', { ...named('notes'), rows: 3 }, project.notes || ''), { path: path('notes') }));
}

/**
 * An amount as people write it (约24.5, 5.6亿美元), read by parseAmount; null for no text. Text it cannot read is
 * recorded in `localErrors` under `path` (NaN would become null in JSON, so it is reported here instead of sent).
 */
export function readAmount(text, path, localErrors) {
  if (!text) return null;
  const parsed = parseAmount(text);
  if (!parsed) localErrors[path] = [t('amountUnreadable')];
  return parsed;
}

/**
 * The request body from the fields under `prefix`. An amount text that cannot be read is sent as an invalid number
 * (NaN becomes null in JSON, so instead it is reported locally under its path). Returns { body, localErrors }.
 */
export function readProject(root, prefix = '') {
  const value = (name) => {
    const control = root.querySelector(`[name="${CSS.escape(prefix + name)}"]`);
    return control ? control.value.trim() : '';
  };
  const localErrors = {};
  const body = {};
  const set = (name, text) => { if (text !== '' && text !== undefined && text !== null) body[name] = text; };
  set('nameZh', value('nameZh'));
  set('nameEn', value('nameEn'));
  set('kind', value('kind'));
  const statusControl = root.querySelector(`[name="${CSS.escape(prefix + 'status')}"]`);
  if (statusControl) set('status', statusControl.value);
  const investors = value('investors').split(/[\n；;]+/).map((one) => one.trim()).filter(Boolean);
  if (investors.length) body.investors = investors;
  set('district', value('district'));
  set('park', value('park'));
  set('sector', value('sector'));
  const parsed = readAmount(value('amount'), prefix + 'amount', localErrors);
  if (parsed) {
    body.amount = parsed.amount;
    if (parsed.qualifier) body.amountQualifier = parsed.qualifier;
    if (parsed.currency) body.currency = parsed.currency;
  }
  if (!body.currency && value('currency')) body.currency = value('currency');
  if (value('phases')) {
    const phases = parsePhases(value('phases'));
    if (!phases) localErrors[prefix + 'phases'] = [t('phasesUnreadable')];
    else body.phases = phases.map((phase) => ({ name: phase.name, amount: phase.amount ?? undefined, qualifier: phase.qualifier ?? undefined }));
  }
  for (const name of ['signedOn', 'startedOn', 'completedOn']) set(name, normaliseDate(value(name)));
  set('projectCode', value('projectCode'));
  if (value('landAreaSqm')) {
    body.landAreaSqm = Number(value('landAreaSqm'));
    if (Number.isNaN(body.landAreaSqm)) localErrors[prefix + 'landAreaSqm'] = [t('numberUnreadable')];
  }
  set('notes', value('notes'));
  return { body, localErrors };
}
