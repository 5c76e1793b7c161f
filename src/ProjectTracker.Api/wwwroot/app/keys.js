// Admins: API keys — list, create (the secret is shown once), revoke.
import { call, get } from './api.js';
import { field, h, input, select, table, problemBox, showErrors, clearErrors, announce, fill, add } from './dom.js';
import { t } from './i18n.js';
import { placeField, placeNames } from './pickers.js';

export async function render(main) {
  const list = h('section', { 'aria-labelledby': 'keys-heading' });
  const created = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true, id: 'key-form', 'aria-labelledby': 'new-key-heading' },
    h('h2', { id: 'new-key-heading' }, t('newKey')),
    problemBox(),
    field(t('keyName'), input({ name: 'name' }), { path: 'name', required: true }),
    field(t('role'), select([['viewer', t('role_viewer')], ['editor', t('role_editor')], ['admin', t('role_admin')]], { name: 'role', value: 'editor' }), { path: 'role' }),
    placeField(t('keyDistricts'), { name: 'districts' }, { path: 'districts', hint: t('keyDistrictsHint') }),
    h('button', { type: 'submit' }, t('createKey')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    const districts = placeNames(data.get('districts'));
    const body = { name: String(data.get('name') || '').trim() || undefined, role: data.get('role'), districts: districts.length ? districts : undefined };
    try {
      // No Idempotency-Key here: the stored answer of a retry would hold the new key's secret.
      const answer = await call('/api/keys', { method: 'POST', body });
      fill(created, h('div', { class: 'notice' }, h('p', {}, t('keySecretOnce')), h('code', { id: 'new-secret' }, answer.data.secret)));
      announce(t('keyCreated', answer.data.key.name));
      form.reset();
      await showKeys();
    } catch (error) { showErrors(form, error); }
  });

  async function showKeys() {
    const keys = await get('/api/keys', { includeRevoked: true });
    fill(list, h('h2', { id: 'keys-heading' }, t('keys')),
      table(null, [t('id'), t('keyName'), t('role'), t('keyDistricts'), t('createdAt'), t('state'), ''], keys.map((key) => h('tr', {},
        h('td', {}, key.id), h('td', {}, key.name), h('td', {}, t('role_' + key.role)), h('td', {}, key.districts.join('、') || t('everywhere')),
        h('td', {}, new Date(key.createdAt).toLocaleString()), h('td', {}, key.revokedAt ? t('revoked') : t('active')),
        h('td', {}, key.revokedAt ? '' : h('button', { type: 'button', class: 'secondary', 'aria-label': t('revokeKey', key.name), onclick: () => revoke(key) }, t('revoke')))))));
  }

  async function revoke(key) {
    if (!confirm(t('confirmRevoke', key.name))) return;
    try {
      await call(`/api/keys/${key.id}`, { method: 'DELETE' });
      announce(t('keyRevoked', key.name));
      await showKeys();
    } catch (error) { showErrors(form, error); }
  }

  add(main, h('h1', {}, t('navKeys')), form, created, list);
  await showKeys();
}
