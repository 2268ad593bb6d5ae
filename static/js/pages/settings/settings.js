// /settings: admins get users, indexers, scheduled jobs, storage mounts, blocklist, system status and the activity
// log; a `user` sees their own account and nothing their role may not change.
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { currentUser } from '../../stores/session.js';
import { logout } from '../../core/auth.js';
import { button } from '../../components/lcars-button.js';
import { usersSection } from './users.js';
import { indexersSection } from './indexers.js';
import { jobsSection } from './jobs.js';
import { storageSection } from './storage.js';
import { blocklistSection, statusSection, activitySection } from './records.js';
import { facts } from '../../components/facts.js';

export const settingsView = {
  title: 'Settings',
  nav: '/settings',
  async mount(container, { navigate }) {
    const body = h('div', { id: 'settings' }, stateLine('Loading…'));
    container.append(body);
    let me;
    try {
      me = await currentUser();
    } catch (err) {
      body.replaceChildren(stateLine(err.message, 'error'));
      return undefined;
    }
    const account = panel({ title: 'Your account', accent: 'orange', id: 'settings-account' },
      facts([['Username', me.username, { class: 'verbatim' }], ['Role', me.role, { id: 'settings-role' }]]),
      h('div', { class: 'form-actions' }, button('Log out', { id: 'settings-logout', color: 'red', small: true,
        onClick: async () => { await logout(); navigate('/login', { replace: true }); } })));
    if (me.role !== 'admin') {
      body.replaceChildren(account, h('p', { id: 'settings-needs-admin', class: 'notice' },
        'Users, indexers, jobs, the blocklist and the system status need an admin. Your role does not have clearance.'));
      return undefined;
    }
    const cleanups = [];
    body.replaceChildren(account, usersSection(me), indexersSection(), jobsSection(cleanups), storageSection(), blocklistSection(), statusSection(),
      activitySection());
    return () => cleanups.forEach((off) => off());
  },
};
