// The shell: navigation by role, the session line, the language switch, and a hash router (#/projects/42) so the
// server serves one page and every screen has an address that can be bookmarked and linked from a figure.
import { session } from './api.js';
import { h, fill } from './dom.js';
import { lang, setLang, t, applyDocumentLanguage } from './i18n.js';

const routes = [
  { pattern: /^\/(dashboard)?$/, load: () => import('./dashboard.js') },
  { pattern: /^\/signin$/, load: () => import('./signin.js') },
  { pattern: /^\/projects$/, load: () => import('./projects.js') },
  { pattern: /^\/projects\/new$/, load: () => import('./project-form.js'), role: 'editor' },
  { pattern: /^\/projects\/(\d+)\/edit$/, load: () => import('./project-form.js'), role: 'editor' },
  { pattern: /^\/projects\/(\d+)$/, load: () => import('./project-page.js') },
  { pattern: /^\/events\/new$/, load: () => import('./event-form.js'), role: 'editor' },
  { pattern: /^\/imports$/, load: () => import('./import.js'), role: 'editor' },
  { pattern: /^\/intake(?:\/(\d+))?$/, load: () => import('./intake.js'), role: 'editor' },
  { pattern: /^\/keys$/, load: () => import('./keys.js'), role: 'admin' },
];

const menu = [
  ['#/dashboard', 'navDashboard', null],
  ['#/projects', 'navProjects', null],
  ['#/projects/new', 'navNewProject', 'editor'],
  ['#/events/new', 'navEvent', 'editor'],
  ['#/imports', 'navImport', 'editor'],
  ['#/intake', 'navIntake', 'editor'],
  ['#/keys', 'navKeys', 'admin'],
];

let cleanup = null;
let visits = 0;

export function navigate(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

function renderChrome(path) {
  document.getElementById('brand').textContent = t('appName');
  document.getElementById('skip-link').textContent = t('skipToContent');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('mainMenu'));
  fill(nav, h('ul', {}, menu.filter(([, , role]) => !role || session.can(role)).map(([href, label]) =>
    h('li', {}, h('a', { href, 'aria-current': `#${path}` === href || (path === '/' && href === '#/dashboard') ? 'page' : null }, t(label))))));
  const who = session.who;
  fill(document.getElementById('session'),
    who
      ? h('span', { id: 'who' }, `${who.name} · ${t('role_' + who.role)} · ${who.districts.length ? who.districts.map((d) => d.nameZh).join('、') : t('everywhere')}`)
      : h('span', { id: 'who' }, t('notSignedIn')),
    who
      ? h('button', { type: 'button', class: 'link', onclick: () => { session.signOut(); navigate('#/signin'); } }, t('signOut'))
      : h('a', { href: '#/signin' }, t('signIn')),
    h('button', { type: 'button', class: 'link', lang: lang() === 'zh' ? 'en' : 'zh', onclick: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); route(); } },
      lang() === 'zh' ? 'English' : '中文'));
}

async function route() {
  const visit = ++visits;
  const [path = '/', search = ''] = location.hash.slice(1).split('?');
  const params = new URLSearchParams(search);
  if (cleanup) { cleanup(); cleanup = null; }
  applyDocumentLanguage();
  renderChrome(path);
  const main = document.getElementById('main');
  const found = routes.map((r) => ({ r, match: r.pattern.exec(path || '/') })).find(({ match }) => match);
  if (!found) { fill(main, h('h1', {}, t('notFound'))); return; }
  if (found.r.role && !session.can(found.r.role)) {
    fill(main, h('h1', {}, t('needRole_' + found.r.role)), h('p', {}, h('a', { href: '#/signin' }, t('signIn'))));
    return;
  }
  const screen = await found.r.load();
  if (visit !== visits) return;   // the user has moved on while the screen's code loaded
  // Each visit renders into a view of its own: when the user moves on before a slow screen has loaded, its late
  // output lands in a view no longer on the page.
  const view = h('div', { class: 'view' });
  fill(main, view);
  try {
    const stop = (await screen.render(view, params, found.match)) || null;
    if (view.isConnected) cleanup = stop; else stop?.();
  } catch (error) {
    // A screen that cannot load says why: no key where reads need one, a key refused, a project that does not exist.
    fill(view, h('h1', {}, t(error.status === 401 ? 'signInToRead' : 'loadFailed')),
      h('p', {}, error.message), error.status === 401 ? h('p', {}, h('a', { href: '#/signin' }, t('signIn'))) : null);
  }
  if (!view.isConnected) return;
  const heading = view.querySelector('h1');
  document.title = `${heading ? heading.textContent + ' · ' : ''}${t('appName')}`;
}

window.addEventListener('hashchange', () => route().then(() => document.getElementById('main').focus()));
route();
