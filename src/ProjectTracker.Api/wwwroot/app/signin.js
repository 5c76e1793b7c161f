// Sign in with an API key: the API says whose key it is, its role and districts; the key stays in this tab's session.
import { call, session } from './api.js';
import { field, h, input, problemBox, showErrors, localProblems, announce, add } from './dom.js';
import { t } from './i18n.js';
import { navigate } from './main.js';

export function render(main) {
  const key = input({ type: 'password', name: 'key', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'card narrow', novalidate: true },
    problemBox(),
    field(t('apiKey'), key, { path: 'key', hint: t('apiKeyHint'), required: true }),
    h('button', { type: 'submit' }, t('signIn')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const secret = key.value.trim();
    if (!secret) { showErrors(form, localProblems({ key: [t('apiKeyMissing')] })); return; }
    try {
      const { data } = await call('/api/keys/current', { key: secret });
      session.signIn(secret, data);
      announce(t('signedInAs', data.name));
      navigate(session.can('editor') ? '#/projects/new' : '#/dashboard');
    } catch (error) {
      showErrors(form, error.status === 401 ? localProblems({ key: [t('keyRefused')] }) : error);
    }
  });
  add(main, h('h1', {}, t('signIn')), form);
}
