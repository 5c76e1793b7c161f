// 挂图作战: the leaders' dashboard. One filter (period, scope, sector, status) drives every panel; every figure links to
// the project list with the same filter; the panels refresh themselves with If-None-Match (a 304 costs nothing).
import { call, get, query } from './api.js';
import { field, h, input, select, table, announce, fill, add } from './dom.js';
import { t } from './i18n.js';
import { navigate } from './main.js';
import { placeField, sectorSelect, parkSelect, statuses } from './pickers.js';
import { number, percent, summedAmount, nameOf, amountText, qualifierWord } from './values.js';

const measures = ['signed', 'started', 'completed'];
/** The statuses a stage counts (db: stage_contributions), so a drill-down lists exactly the projects a figure counts. */
const stageStatuses = { signed: ['signed', 'started', 'completed'], started: ['started', 'completed'], completed: ['completed'] };
/** How often the panels revalidate: 30 s, or ?refresh=N (at least 2) for a wall display that wants it sooner. */
const defaultRefreshSeconds = 30;

/** The period as a date range the API reads: 2024 … 2024, 2024-04 … 2024-06, or the custom from/to. */
function periodRange(settings) {
  const year = Number(settings.year);
  const pad = (n) => String(n).padStart(2, '0');
  switch (settings.period) {
    case 'quarter': return { from: `${year}-${pad(settings.quarter * 3 - 2)}`, to: `${year}-${pad(settings.quarter * 3)}` };
    case 'month': return { from: `${year}-${pad(settings.month)}`, to: `${year}-${pad(settings.month)}` };
    case 'custom': return { from: settings.from, to: settings.to };
    default: return { from: String(year), to: String(year) };
  }
}

const shiftYear = (date, years) => date.replace(/^\d{4}/, (y) => String(Number(y) + years));

/**
 * How the totals break the scope down, by the scope's kind: the whole country by province, a province by city (地级),
 * a city, district or zone by the places recorded on projects. Also the scope as the API names it (its code), so that
 * reported figures of the scope itself can stand beside the total. The scope is what the user typed: a code, a slug or a
 * name only one place has.
 */
function scopeOf(scope) {
  if (!scope) return { groupBy: 'province', code: null };
  // A code says its kind (GB/T 2260: 420000 a province, 420100 a city, 420115 a district, 420100Z01 a zone): no request.
  if (/^\d{6}(Z\d{2})?$/.test(scope)) return { groupBy: /^\d{2}0000$/.test(scope) ? 'city' : 'district', code: scope };
  return lookUpScope(scope);
}

async function lookUpScope(scope) {
  try {
    const places = await get('/api/districts', { q: scope });
    const place = places.find((p) => [p.code, p.slug, p.nameZh, p.shortZh].includes(scope));
    if (place) return { groupBy: place.kind === 'province' ? 'city' : 'district', code: place.code };
  } catch { /* the figures' own requests say what is wrong with the scope */ }
  return { groupBy: 'district', code: null };
}

async function latestSigningYear() {
  try {
    const page = await get('/api/projects', { sort: '-signedOn', limit: 1 });
    const latest = page.items[0]?.signedOn;
    if (latest) return Number(latest.slice(0, 4));
  } catch { /* fall back to this year */ }
  return new Date().getFullYear();
}

function settingsFrom(params, year) {
  return {
    period: params.get('period') || 'year',
    year: Number(params.get('year')) || year,
    quarter: Number(params.get('quarter')) || 1,
    month: Number(params.get('month')) || 1,
    from: params.get('from') || '',
    to: params.get('to') || '',
    scope: params.get('scope') ?? '420100',
    park: params.get('park') || '',
    sector: params.get('sector') || '',
    status: params.getAll('status'),
    signYellow: Number(params.get('signYellow')) || 6, signRed: Number(params.get('signRed')) || 12,
    startYellow: Number(params.get('startYellow')) || 24, startRed: Number(params.get('startRed')) || 36,
  };
}

export async function render(main, params) {
  performance.mark('dashboard: started');
  // ECharts loads, and a scope by name is looked up, while the default year and the figures are asked for, not before.
  const charts = import('./charts.js');
  charts.then(() => performance.mark('dashboard: charts loaded'));
  // Without a year in the address the dashboard opens on the year of the latest signing, so that it opens on data. That
  // is nearly always this year: its figures are asked for at once, beside the lookup, and drawn once the lookup agrees.
  const settings = settingsFrom(params, new Date().getFullYear());
  const openingYear = (params.get('year') || settings.period === 'custom') ? null : latestSigningYear();
  const address = location.hash;
  const scope = scopeOf(settings.scope);
  const common = { district: settings.scope || undefined, park: settings.park || undefined, sector: settings.sector || undefined, status: settings.status.length ? settings.status : undefined };
  const range = periodRange(settings);
  const refreshSeconds = Math.max(2, Number(params.get('refresh')) || defaultRefreshSeconds);
  const year = Number((range.to || String(settings.year)).slice(0, 4));

  /** The project list behind a figure: the dashboard's filter plus the figure's own. */
  const drill = (extra) => `#/projects${query({ ...common, ...extra })}`;
  const stageFilter = (measure, from = range.from, to = range.to) => ({
    [`${measure}From`]: from || undefined, [`${measure}To`]: to || undefined,
    status: settings.status.length ? settings.status.filter((s) => stageStatuses[measure].includes(s)) : stageStatuses[measure],
  });

  const formSlot = h('div');
  const lastChanged = h('p', { class: 'freshness', id: 'freshness', 'aria-live': 'off' });
  const panels = h('div', { class: 'panels', 'aria-busy': 'true' });
  add(main, h('h1', {}, t('navDashboard')), formSlot, lastChanged, panels);

  // A chart is drawn once its place is near the screen: one below the fold when it is scrolled to.
  const pending = new Set();
  const whenNearTheScreen = (element) => new Promise((resolve) => {
    if (!element || !('IntersectionObserver' in window)) { resolve(); return; }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      pending.delete(observer);
      resolve();
    }, { rootMargin: '200px' });
    observer.observe(element);
    pending.add(observer);
  });
  // Known at once for a code (then asked in their turn, not after every other panel's questions), after a lookup otherwise.
  const totalsOf = ({ groupBy, code }) => measures.map((measure) => ['/api/dashboard/totals',
    { ...common, groupBy, measure, ...stageFilter(measure), status: common.status, scopeCode: code }]);
  const totalsRequests = scope instanceof Promise ? scope.then(totalsOf) : totalsOf(scope);
  // Each panel: the requests it makes, what its table and chart both read from the answers (prepare, once per answer), how
  // it is drawn, and its chart. Each is drawn as soon as its own answers are in
  // (the slowest no longer holds back the rest), in a place of its own, so the page does not jump as they arrive.
  const panelList = [
    { title: 'totals', wide: true, requests: totalsRequests,
      prepare: (answers) => ({ answers, rows: mergeTotals(answers) }),
      draw: (totals) => totalsPanel(totals, drill, stageFilter), chart: (chart, section, totals) => drawTotalsChart(chart, section, totals.rows, drill, stageFilter) },
    { title: 'timeSeries', wide: true, requests: seriesRequests(range, common),
      draw: (answers) => seriesPanel(answers, drill, stageFilter), chart: (chart, section, answers) => drawSeriesChart(chart, section, answers, drill, stageFilter) },
    { title: 'kpis', requests: [['/api/dashboard/kpis', { ...common, status: undefined, year, thresholds: '1,5' }]],
      draw: ([answer]) => kpiPanel(answer, drill, stageFilter, year) },
    { title: 'targets', wide: true, requests: [['/api/dashboard/targets', { year, district: common.district }]],
      draw: ([answer]) => targetsPanel(answer.targets, drill) },
    { title: 'reportedFigures', wide: true, requests: Promise.resolve(totalsRequests).then((totals) => [...totals, ['/api/reported-figures', { district: common.district, from: range.from || undefined, to: range.to || undefined, year: range.from || range.to ? undefined : year }]]),
      draw: (answers) => reportedPanel(answers.at(-1), answers.slice(0, -1), range, drill, stageFilter) },
    { title: 'stalled', wide: true, requests: [['/api/dashboard/stalled', { ...common, monthsSinceSigning: 1, monthsSinceStart: 1, limit: 100 }]],
      draw: ([answer]) => stalledPanel(answer, settings) },
    { title: 'batches', wide: true, requests: [['/api/dashboard/batches', { from: range.from || undefined, to: range.to || undefined, year: range.from || range.to ? undefined : year, district: common.district }]],
      draw: ([answer]) => batchesPanel(answer) },
    { title: 'topProjects', requests: [['/api/dashboard/top', { ...common, ...stageFilter('signed'), limit: 10 }]],
      draw: ([answer]) => topPanel(answer) },
  ];
  for (const panel of panelList) {
    // As tall as a chart where one will be, so that what lies below the fold stays there while the panels arrive.
    panel.section = h('section', { class: panel.wide ? 'panel wide' : 'panel', 'aria-busy': 'true', 'aria-label': t(panel.title) },
      h('h2', {}, t(panel.title)), h('p', { class: 'hint' }, t('loading')), panel.chart ? h('div', { class: 'chart' }) : null);
  }
  fill(panels, panelList.map((panel) => panel.section));

  /** Asks a panel's questions (a 304 returns what was drawn) and draws it again when an answer changed. */
  async function loadPanel(panel, first, asked) {
    let changed = first;
    const requests = panel.requests instanceof Promise ? await panel.requests : panel.requests;
    const answers = await Promise.all(requests.map(async ([path, { scopeCode, ...asking }]) => {
      const url = path + JSON.stringify(asking);
      if (!asked.has(url)) asked.set(url, call(path, { params: asking, revalidate: true }));
      const answer = await asked.get(url);
      if (answer.changed) changed = true;
      return scopeCode === undefined ? answer.data : { ...answer.data, scopeCode };
    }));
    if (!changed || (openingYear && (await openingYear) !== settings.year)) return false;
    performance.mark(`dashboard: ${panel.title} answered`);
    const shown = panel.prepare ? panel.prepare(answers) : answers;
    const [old, section] = [panel.section, panel.draw(shown)];
    if (old.querySelector('.chart canvas')) (await charts).disposeAll(old);
    old.replaceWith(section);
    panel.section = section;
    performance.mark(`dashboard: ${panel.title} drawn`);
    // The table first; the chart when ECharts has loaded and its place is on the screen (or about to be): a chart
    // costs the browser 200–400 ms, which one below the fold need not take from the first screen.
    if (panel.chart) {
      // The first panel's chart at once; one further down once every panel is drawn, where each will stay, and its place
      // is near the screen.
      const settled = panel === panelList[0] ? Promise.resolve() : drawn.then(() => whenNearTheScreen(section.querySelector('.chart')));
      Promise.all([charts, settled]).then(([{ chart }]) => {
        if (!section.isConnected) return;
        panel.chart(chart, section, shown);
        performance.mark(`dashboard: ${panel.title} chart drawn`);
      });
    }
    return true;
  }

  // When the data last changed: asked once the panels are drawn, and afterwards only when they changed.
  const newestChange = () => get('/api/projects', { sort: '-updatedAt', limit: 1 }).catch(() => null);
  // The slowest questions first (they queue for the API's connections like the rest).
  const askOrder = ['topProjects', 'kpis', 'totals', 'timeSeries', 'stalled', 'targets', 'batches', 'reportedFigures'];
  let drawn;
  async function load(first) {
    panels.setAttribute('aria-busy', 'true');
    const asked = new Map();
    let allDrawn;
    drawn = new Promise((resolve) => { allDrawn = resolve; });
    const ordered = [...panelList].sort((a, b) => askOrder.indexOf(a.title) - askOrder.indexOf(b.title));
    const changed = (await Promise.all(ordered.map((panel) => loadPanel(panel, first, asked)))).some(Boolean);
    allDrawn();
    panels.setAttribute('aria-busy', 'false');
    if (changed) {
      lastChanged.dataset.changedAt = (await newestChange())?.items[0]?.updatedAt || '';
      if (!first) announce(t('dashboardUpdated'));
    }
    const changedAt = lastChanged.dataset.changedAt;
    lastChanged.textContent = `${t('dataLastChanged')}: ${changedAt ? new Date(changedAt).toLocaleString() : '—'} · ${t('checkedAt')}: ${new Date().toLocaleTimeString()} · ${t('autoRefresh', refreshSeconds)}`;
  }

  // The figures are asked for first, the filter's pickers after them: the browser sends at most six requests to the
  // API at a time, and what is asked first is answered first.
  const firstLoad = load(true);
  openingYear?.then((year) => {
    if (year === settings.year || location.hash !== address) return;   // or the user has moved on
    // Another year has the latest signing: this address opens on it, without a second entry in the history.
    const opening = new URLSearchParams(params);
    opening.set('year', String(year));
    history.replaceState(null, '', `#/dashboard?${opening}`);
    navigate(location.hash);
  });
  const formReady = filterForm(settings).then((form) => fill(formSlot, form));
  await Promise.all([formReady, firstLoad]);
  const { disposeAll } = await charts;
  const timer = setInterval(() => load(false).catch(() => { lastChanged.textContent = t('refreshFailed'); }), refreshSeconds * 1000);
  return () => { clearInterval(timer); pending.forEach((observer) => observer.disconnect()); disposeAll(panels); };
}

async function filterForm(settings) {
  const [parkControl, sectorControl] = await Promise.all([
    parkSelect({ name: 'park', value: settings.park }), sectorSelect({ name: 'sector', value: settings.sector })]);
  const periodKind = select(['year', 'quarter', 'month', 'custom'].map((kind) => [kind, t('period_' + kind)]), { name: 'period', value: settings.period });
  const form = h('form', { class: 'filters dashboard-filters', 'aria-label': t('filters') },
    field(t('period'), periodKind),
    field(t('year'), input({ name: 'year', value: settings.year, inputmode: 'numeric', size: 6 })),
    field(t('quarter'), select([1, 2, 3, 4].map((q) => [q, t('quarterN', q)]), { name: 'quarter', value: settings.quarter })),
    field(t('month'), select(Array.from({ length: 12 }, (_, i) => [i + 1, t('monthN', i + 1)]), { name: 'month', value: settings.month })),
    field(t('customFrom'), input({ name: 'from', value: settings.from, placeholder: '2023-01' })),
    field(t('customTo'), input({ name: 'to', value: settings.to, placeholder: '2023-12' })),
    placeField(t('scope'), { name: 'scope', value: settings.scope }, { hint: t('scopeHint') }),
    field(t('park'), parkControl),
    field(t('sector'), sectorControl),
    h('fieldset', { class: 'checks' }, h('legend', {}, t('status')),
      statuses.map((status) => h('label', {}, h('input', { type: 'checkbox', name: 'status', value: status, checked: settings.status.includes(status) }), t('status_' + status)))),
    h('fieldset', { class: 'checks' }, h('legend', {}, t('stalledThresholds')),
      field(t('signYellow'), input({ name: 'signYellow', value: settings.signYellow, inputmode: 'numeric', size: 4 })),
      field(t('signRed'), input({ name: 'signRed', value: settings.signRed, inputmode: 'numeric', size: 4 })),
      field(t('startYellow'), input({ name: 'startYellow', value: settings.startYellow, inputmode: 'numeric', size: 4 })),
      field(t('startRed'), input({ name: 'startRed', value: settings.startRed, inputmode: 'numeric', size: 4 }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('apply'))));
  const showPeriodFields = () => {
    const kind = periodKind.value;
    const visible = { year: kind !== 'custom', quarter: kind === 'quarter', month: kind === 'month', from: kind === 'custom', to: kind === 'custom' };
    for (const [name, show] of Object.entries(visible)) form.querySelector(`[name="${name}"]`).closest('.field').hidden = !show;
  };
  periodKind.addEventListener('change', showPeriodFields);
  showPeriodFields();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (String(value).trim() !== '') search.append(name, String(value).trim());
    if (!search.has('scope')) search.set('scope', '');
    navigate(`#/dashboard?${search}`);
  });
  return form;
}

// ---- totals by province, city or district -------------------------------------------------------------------------

/** The dimension the totals are grouped by: province, city or district. */
const groupOf = (answers) => answers[0].groupBy[0];

function mergeTotals(answers) {
  const byPlace = new Map();
  const dimension = groupOf(answers);
  answers.forEach((answer, index) => {
    for (const row of answer.rows) {
      const key = row.keys[dimension];
      const code = key.code ?? '';
      if (!byPlace.has(code)) byPlace.set(code, { key, figures: {} });
      byPlace.get(code).figures[measures[index]] = row.figures;
    }
  });
  return [...byPlace.values()];
}

const emptyFigures = { projectCount: 0, amountCny: 0, amountUsd: 0, withoutAmount: 0, approxCount: 0, atLeastCount: 0, atMostCount: 0 };

function amountCell(figures, href) {
  const cny = summedAmount(figures, 'CNY');
  const usd = figures.amountUsd ? summedAmount(figures, 'USD') : null;
  return h('td', { class: 'num', title: cny.note || null },
    h('a', { href }, cny.text), usd ? [' ', h('span', { class: 'usd' }, `+ ${usd.text} ${t('yiUsd')}`)] : null,
    cny.mark ? h('span', { class: 'visually-hidden' }, `（${cny.note}）`) : null);
}

/** The totals table: `answers` as the API gave them (one per measure), `rows` merged from them by place. */
function totalsPanel({ answers, rows }, drill, stageFilter) {
  const totals = measures.map((_, index) => answers[index].total);
  const body = rows.map(({ key, figures }) => h('tr', { 'data-place': key.code },
    h('th', { scope: 'row' }, nameOf(key)),
    measures.map((measure) => {
      const f = figures[measure] || emptyFigures;
      const href = drill({ district: key.code, ...stageFilter(measure) });
      return [h('td', { class: 'num' }, h('a', { href, 'data-measure': measure }, number(f.projectCount))), amountCell(f, href)];
    })));
  body.push(h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('total')),
    measures.map((measure, index) => {
      const href = drill(stageFilter(measure));
      return [h('td', { class: 'num' }, h('a', { href }, number(totals[index].projectCount))), amountCell(totals[index], href)];
    })));
  const dimension = groupOf(answers);
  const headers = [t('groupedBy_' + dimension), ...measures.flatMap((measure) => [t('count_' + measure), t('amount_' + measure)])];
  return h('section', { class: 'panel wide', 'aria-labelledby': 'totals-heading' },
    h('h2', { id: 'totals-heading' }, t('totalsBy_' + dimension)),
    h('div', { class: 'chart', id: 'totals-chart', role: 'img', 'aria-label': t('totalsChartLabel', t('groupedBy_' + dimension)) }),
    h('p', { class: 'hint' }, t('amountMarks')),
    table(null, headers, body, { id: 'totals-table' }),
    h('p', { class: 'hint' }, t('mapNotShipped')));
}

// ---- reported figures beside the computed ones ----------------------------------------------------------------------

/** Figures a document reports in 亿元 that the signed amounts of the itemised projects can stand beside (never reconciled). */
const besideSigned = ['investment_attracted', 'contract_amount'];

function reportedPanel(figures, totals, range, drill, stageFilter) {
  const rows = mergeTotals(totals);
  const scopeCode = totals[0].scopeCode;
  const samePeriod = (figure) => figure.periodStart.slice(0, 7) === `${range.from}-01`.slice(0, 7) && figure.periodEnd.slice(0, 7) === `${range.to}-12`.slice(0, 7);
  const body = figures.map((figure) => {
    // The itemised projects of the figure's own place and period, and where the dashboard shows that very place and
    // period, the figure it computed for them.
    const from = figure.periodStart.slice(0, 7);
    const to = figure.periodEnd.slice(0, 7);
    const href = drill({ district: figure.place.code, ...stageFilter('signed', from, to) });
    const computed = besideSigned.includes(figure.measure) && figure.unit === 'cny_yi' && samePeriod(figure)
      ? (figure.place.code === scopeCode ? totals[0].total : rows.find(({ key }) => key.code === figure.place.code)?.figures.signed) : null;
    return h('tr', {},
      h('th', { scope: 'row' }, figure.title),
      h('td', {}, nameOf(figure.place)),
      h('td', {}, `${from} — ${to}`),
      h('td', {}, t('stance_' + figure.stance)),
      h('td', { class: 'num' }, figure.value === null ? '—' : `${qualifierWord(figure.qualifier)}${number(figure.value)} ${t('unit_' + figure.unit)}`),
      h('td', { class: 'num' }, computed ? h('a', { href }, `${summedAmount(computed).text} ${t('yiCny')}`) : h('a', { href }, t('itemisedProjects'))));
  });
  return h('section', { class: 'panel wide', 'aria-labelledby': 'reported-heading' },
    h('h2', { id: 'reported-heading' }, t('reportedFigures')),
    h('p', { class: 'hint' }, t('reportedFiguresHint')),
    table(null, [t('reportedFigure'), t('district'), t('periodColumn'), t('stance'), t('reportedValue'), t('itemisedSigned')], body, { id: 'reported-table' }));
}

// ---- time series with 同比 ---------------------------------------------------------------------------------------

function seriesRequests(range, common) {
  if (!range.from || !range.to) return [];
  const months = (Number(range.to.slice(0, 4)) - Number(range.from.slice(0, 4))) * 12 + 12;
  const interval = months <= 24 ? 'month' : months <= 120 ? 'quarter' : 'year';
  const filter = { ...common, status: undefined };
  return ['signed', 'started'].flatMap((measure) => [
    ['/api/dashboard/timeseries', { ...filter, measure, interval, from: range.from, to: range.to }],
    ['/api/dashboard/timeseries', { ...filter, measure, interval, from: shiftYear(range.from, -1), to: shiftYear(range.to, -1) }]]);
}

const change = (now, before) => (before ? (now - before) / before : null);

function seriesPanel(answers, drill, stageFilter) {
  if (!answers.length) return h('section', { class: 'panel' }, h('h2', {}, t('timeSeries')), h('p', {}, t('needRange')));
  const [signed, signedLastYear, started, startedLastYear] = answers;
  const rows = signed.points.map((point, i) => {
    const s = point.figures.projectCount; const sl = signedLastYear.points[i]?.figures.projectCount ?? 0;
    const st = started.points[i].figures.projectCount; const stl = startedLastYear.points[i]?.figures.projectCount ?? 0;
    return h('tr', {},
      h('th', { scope: 'row' }, periodLabel(point.period)),
      h('td', { class: 'num' }, h('a', { href: drill(stageFilter('signed', point.start, point.end)) }, number(s))),
      h('td', { class: 'num' }, summedAmount(point.figures).text),
      h('td', { class: 'num' }, percent(change(s, sl))),
      h('td', { class: 'num' }, h('a', { href: drill(stageFilter('started', started.points[i].start, started.points[i].end)) }, number(st))),
      h('td', { class: 'num' }, summedAmount(started.points[i].figures).text),
      h('td', { class: 'num' }, percent(change(st, stl))));
  });
  const notPlaced = signed.notPlaced.projectCount + started.notPlaced.projectCount;
  return h('section', { class: 'panel wide', 'aria-labelledby': 'series-heading' },
    h('h2', { id: 'series-heading' }, t('timeSeries')),
    h('div', { class: 'chart', id: 'series-chart', role: 'img', 'aria-label': t('seriesChartLabel') }),
    h('details', {}, h('summary', {}, t('seriesTable')),
      table(null, [t('periodColumn'), t('count_signed'), t('amount_signed'), t('yoy'), t('count_started'), t('amount_started'), t('yoy')], rows, { id: 'series-table' })),
    notPlaced ? h('p', { class: 'hint' }, t('notPlaced', notPlaced)) : null);
}

const periodLabel = (period) => period.replace(/^(\d{4})-Q(\d)$/, (_, y, q) => t('periodQuarter', y, q)).replace(/^(\d{4})-(\d{2})$/, (_, y, m) => t('periodMonth', y, Number(m)));

// ---- KPIs -----------------------------------------------------------------------------------------------------------

function kpiPanel(answer, drill, stageFilter, year) {
  const row = answer.rows[0];
  const cohort = stageFilter('signed', String(year), String(year));
  const card = (label, value, href, id) => h('div', { class: 'kpi', id }, h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, href ? h('a', { href }, value) : value));
  if (!row) return h('section', { class: 'panel' }, h('h2', {}, t('kpis')), h('p', {}, t('none')));
  return h('section', { class: 'panel', 'aria-labelledby': 'kpi-heading' },
    h('h2', { id: 'kpi-heading' }, t('kpisOfYear', year)),
    h('div', { class: 'kpis' },
      card(t('signedInYear'), number(row.signed), drill(cohort), 'kpi-signed'),
      card(t('startRate'), `${percent(row.startRate)}（${row.startedOfSigned}/${row.signed}）`, drill({ ...cohort, status: ['started', 'completed'] })),
      card(t('completionRate'), `${percent(row.completionRate)}（${row.completedOfSigned}/${row.signed}）`, drill({ ...cohort, status: ['completed'] })),
      card(t('daysToStart'), row.averageDaysToStart === null ? '—' : t('daysValue', number(row.averageDaysToStart, 0), number(row.medianDaysToStart, 0), row.daysToStartSample)),
      row.thresholds.map((threshold) => card(t('atLeastYi', threshold.minAmount), `${number(threshold.projectCount)} · ${number(threshold.amountCny)} ${t('yiCny')}`,
        drill({ ...cohort, minAmount: threshold.minAmount, currency: 'CNY' }))),
      card(t('signedYoy'), `${percent(row.signedYearOnYear.countChange)}（${row.signedYearOnYear.countThisYear} / ${row.signedYearOnYear.countLastYear}）`),
      card(t('startedYoy'), `${percent(row.startedYearOnYear.countChange)}（${row.startedYearOnYear.countThisYear} / ${row.startedYearOnYear.countLastYear}）`)));
}

// ---- targets ------------------------------------------------------------------------------------------------------

function targetsPanel(targets, drill) {
  const rows = targets.map((target) => {
    const [stage, what] = target.measure.split('_');
    const missing = target.met ? 0 : Math.max(0, target.target - target.actual);
    const unit = what === 'amount' ? t('yiCny') : t('projectsUnit');
    const href = drill({ district: target.district.code, park: target.park?.code, sector: target.sector?.code, status: stageStatuses[stage],
      [`${stage}From`]: String(target.year), [`${stage}To`]: String(target.year), minAmount: target.minProjectAmount ?? undefined, currency: what === 'amount' ? 'CNY' : undefined });
    return h('tr', {},
      h('th', { scope: 'row' }, target.title),
      h('td', { class: 'num' }, `${number(target.target)} ${unit}`),
      h('td', { class: 'num' }, h('a', { href }, `${number(target.actual)} ${unit}`)),
      h('td', {}, h('meter', { min: 0, max: 1, value: Math.min(1, target.progress), 'aria-label': t('progressOf', target.title) }), ' ', percent(target.progress)),
      h('td', { class: target.met ? 'ok' : 'warn' }, target.met ? t('met') : t('missing', number(missing), unit)));
  });
  return h('section', { class: 'panel wide', 'aria-labelledby': 'targets-heading' },
    h('h2', { id: 'targets-heading' }, t('targets')),
    table(null, [t('target'), t('targetValue'), t('actual'), t('completion'), t('stillMissing')], rows, { id: 'targets-table' }));
}

// ---- stalled -------------------------------------------------------------------------------------------------------

function stalledPanel(answer, settings) {
  const level = (months, yellow, red) => (months >= red ? 'red' : months >= yellow ? 'yellow' : 'green');
  const list = (title, items, yellow, red, id) => h('div', { class: 'stalled' },
    h('h3', {}, title),
    table(null, [t('name'), t('district'), t('waitingSince'), t('monthsWaiting'), t('severity')], items.map((item) => {
      const severity = level(item.monthsWaiting, yellow, red);
      return h('tr', { class: `sev-${severity}` },
        h('th', { scope: 'row' }, h('a', { href: `#/projects/${item.project.id}` }, item.project.nameZh)),
        h('td', {}, nameOf(item.project.district)), h('td', {}, item.waitingSince),
        h('td', { class: 'num' }, item.monthsWaiting), h('td', {}, h('span', { class: `badge ${severity}` }, t('severity_' + severity))));
    }), { id }));
  return h('section', { class: 'panel wide', 'aria-labelledby': 'stalled-heading' },
    h('h2', { id: 'stalled-heading' }, t('stalled')),
    h('p', { class: 'hint' }, t('stalledLegend', settings.signYellow, settings.signRed, settings.startYellow, settings.startRed)),
    list(t('signedNotStarted'), answer.signedNotStarted, settings.signYellow, settings.signRed, 'stalled-signed'),
    list(t('startedNotCompleted'), answer.startedNotCompleted, settings.startYellow, settings.startRed, 'stalled-started'),
    answer.signedWithoutDate ? h('p', { class: 'hint' }, t('signedWithoutDate', answer.signedWithoutDate)) : null);
}

// ---- batches and top -----------------------------------------------------------------------------------------------

function batchesPanel(batches) {
  // A batch's itemised figures drill down to its projects (the list's batch filter), whatever the dashboard's filter:
  // they are the projects linked to it, wherever and whenever they were signed.
  const rows = batches.map((batch) => h('tr', { 'data-batch': batch.id },
    h('th', { scope: 'row' }, batch.title),
    h('td', {}, t('batch_' + batch.kind)),
    h('td', { class: 'num' }, batch.reported.projectCount ?? '—'),
    h('td', { class: 'num' }, batch.reported.amount === null ? '—' : amountText(batch.reported.amount, batch.reported.qualifier, batch.reported.currency)),
    h('td', { class: 'num' }, h('a', { href: `#/projects?batch=${batch.id}`, 'aria-label': t('batchProjects', number(batch.itemised.projectCount), batch.title) }, number(batch.itemised.projectCount))),
    h('td', { class: 'num' }, h('a', { href: `#/projects?batch=${batch.id}&sort=-amount`, 'aria-label': t('batchAmounts', summedAmount(batch.itemised).text, batch.title) }, `${summedAmount(batch.itemised).text} ${t('yiCny')}`)),
    h('td', { class: 'num' }, batch.countDifference ?? '—'),
    h('td', { class: 'num' }, batch.amountDifference === null ? '—' : number(batch.amountDifference))));
  return h('section', { class: 'panel wide', 'aria-labelledby': 'batches-heading' },
    h('h2', { id: 'batches-heading' }, t('batches')),
    table(null, [t('batch'), t('kind'), t('reportedCount'), t('reportedAmountShort'), t('itemisedCount'), t('itemisedAmount'), t('countDifference'), t('amountDifference')], rows, { id: 'batches-table' }));
}

function topPanel(projects) {
  return h('section', { class: 'panel', 'aria-labelledby': 'top-heading' },
    h('h2', { id: 'top-heading' }, t('topProjects')),
    h('ol', { class: 'largest', id: 'top-list' }, projects.length ? projects.map((project) => h('li', {},
      h('a', { href: `#/projects/${project.id}` }, project.nameZh), ' — ',
      amountText(project.effectiveAmount, project.effectiveQualifier, project.currency), `（${nameOf(project.district)}）`)) : h('li', {}, t('none'))));
}

// ---- charts --------------------------------------------------------------------------------------------------------

function drawTotalsChart(chart, root, rows, drill, stageFilter) {
  chart(root.querySelector('#totals-chart'), {
    xAxis: { type: 'category', data: rows.map(({ key }) => nameOf(key)), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: t('projectsUnit') }, { type: 'value', name: t('yiCny') }],
    series: [
      ...measures.map((measure) => ({ name: t('count_' + measure), type: 'bar', data: rows.map(({ figures }) => (figures[measure] || emptyFigures).projectCount) })),
      ...measures.map((measure) => ({ name: t('amount_' + measure), type: 'line', yAxisIndex: 1, data: rows.map(({ figures }) => Number((figures[measure] || emptyFigures).amountCny)) })),
    ],
  }, (params) => {
    const measure = measures[params.seriesIndex % 3];
    navigate(drill({ district: rows[params.dataIndex].key.code, ...stageFilter(measure) }));
  });
}

function drawSeriesChart(chart, root, answers, drill, stageFilter) {
  if (!answers.length) return;
  const [signed, signedLastYear, started, startedLastYear] = answers;
  chart(root.querySelector('#series-chart'), {
    xAxis: { type: 'category', data: signed.points.map((point) => periodLabel(point.period)) },
    yAxis: [{ type: 'value', name: t('projectsUnit') }, { type: 'value', name: t('yoy'), axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: t('count_signed'), type: 'bar', data: signed.points.map((p) => p.figures.projectCount) },
      { name: t('count_started'), type: 'bar', data: started.points.map((p) => p.figures.projectCount) },
      { name: `${t('count_signed')} ${t('yoy')}`, type: 'line', yAxisIndex: 1, data: signed.points.map((p, i) => yoyPercent(p, signedLastYear.points[i])) },
      { name: `${t('count_started')} ${t('yoy')}`, type: 'line', yAxisIndex: 1, data: started.points.map((p, i) => yoyPercent(p, startedLastYear.points[i])) },
    ],
  }, (params) => {
    const measure = params.seriesIndex % 2 === 0 ? 'signed' : 'started';
    const point = (measure === 'signed' ? signed : started).points[params.dataIndex];
    navigate(drill(stageFilter(measure, point.start, point.end)));
  });
}

function yoyPercent(point, lastYear) {
  const ratio = change(point.figures.projectCount, lastYear?.figures.projectCount ?? 0);
  return ratio === null ? null : Math.round(ratio * 1000) / 10;
}
