// Settings → Users: list, add (with errors next to their field), change role or password, delete.
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { field, showFormError } from '../../components/field.js';
import { button } from '../../components/lcars-button.js';
import { confirmDialog } from '../../components/confirm-dialog.js';
import { users } from '../../stores/admin.js';

export function usersSection(me) {
  const list = h('ul', { id: 'users-list', class: 'row-list' });
  const message = h('p', { class: 'form-error verbatim', role: 'alert' });
  const name = field({ label: 'Username', name: 'username' });
  const password = field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'new-password' });
  const role = field({ label: 'Role', name: 'role', options: [['user', 'user'], ['admin', 'admin']] });
  const formError = h('p', { class: 'form-error verbatim', role: 'alert', id: 'add-user-error' });
  const form = h('form', { id: 'add-user-form', class: 'form-grid', novalidate: true, 'aria-label': 'Add user' },
    name.el, password.el, role.el, h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'pill pill--small c-orange', id: 'add-user-submit' }, 'Add user')), formError);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    formError.textContent = '';
    if (name.input.value.trim().length < 2) { name.setError('Usernames are 2–32 letters, digits, . _ -'); name.input.focus(); return; }
    if (password.input.value.length < 8) { password.setError('Passwords have at least 8 characters'); password.input.focus(); return; }
    try {
      await users.add({ username: name.input.value.trim(), password: password.input.value, role: role.input.value });
      form.reset();
      load();
    } catch (err) { showFormError(err, { username: name, password, role }, formError); }
  });

  async function load() {
    try {
      list.replaceChildren(...(await users.list()).map(userRow));
    } catch (err) { list.replaceChildren(stateLine(err.message, 'error')); }
  }

  function userRow(u) {
    const roleSel = field({ label: `Role of ${u.username}`, name: `role-${u.id}`, options: [['user', 'user'], ['admin', 'admin']], value: u.role });
    roleSel.input.addEventListener('change', async () => {
      try { await users.update(u.id, { role: roleSel.input.value }); message.textContent = ''; } catch (err) { roleSel.setError(err.message); roleSel.input.value = u.role; }
    });
    const pw = field({ label: `New password for ${u.username}`, name: `pw-${u.id}`, type: 'password', autocomplete: 'new-password' });
    const setPw = button('Set password', { small: true, color: 'blue', onClick: async () => {
      if (pw.input.value.length < 8) { pw.setError('Passwords have at least 8 characters'); return; }
      try { await users.update(u.id, { password: pw.input.value }); pw.input.value = ''; message.className = 'form-notice'; message.textContent = `Password of ${u.username} changed; their sessions ended.`; } catch (err) { pw.setError(err.message); }
    } });
    const del = button('Delete', { small: true, color: 'red', 'aria-label': `Delete user ${u.username}`, disabled: u.id === me.id, onClick: async () => {
      if (!await confirmDialog({ title: 'Delete user', message: `Delete the account “${u.username}”? Their sessions end at once.` })) return;
      try { await users.remove(u.id); load(); } catch (err) { message.className = 'form-error verbatim'; message.textContent = err.message; }
    } });
    return h('li', { class: 'row-item', dataset: { username: u.username } },
      h('strong', { class: 'verbatim row-title' }, u.username, u.id === me.id ? ' (you)' : ''),
      h('div', { class: 'form-grid' }, roleSel.el, pw.el, h('div', { class: 'form-actions' }, setPw, del)));
  }

  load();
  return panel({ title: 'Users', accent: 'orange', id: 'settings-users' }, list, message, h('h3', { class: 'sub-heading' }, 'Add user'), form);
}
