// Dashboard: who is logged in, system status (admin only), LOGOUT.
// Ids #dashboard, #current-user, #system-status, #logout are relied on by the browser test.
import { h } from '../dom.js';
import { api } from '../api.js';
import { me, logout } from '../auth.js';
import { formatClock } from '../format.js';
import { renderStatus } from './status-panel.js';

const REFRESH_MS = 10_000;

export const dashboardView = {
  title: 'Dashboard',
  nav: '/dashboard',
  mount(container, { navigate }) {
    const userBody = h('div', { id: 'current-user', class: 'user-facts', 'aria-live': 'polite' }, h('p', { class: 'dim' }, 'Identifying…'));
    const logoutBtn = h('button', { id: 'logout', type: 'button', class: 'pill c-red' }, 'Logout');
    const statusBody = h('div', { class: 'status-body' }, h('p', { class: 'dim' }, 'Scanning…'));
    const statusNote = h('p', { class: 'status-note', 'aria-live': 'polite' });
    const status = h('section', {
      id: 'system-status', class: 'panel c-accent-lavender', 'aria-labelledby': 'status-heading',
      'aria-busy': 'true', dataset: { state: 'loading' },
    },
    h('div', { class: 'panel-head' }, h('h2', { id: 'status-heading' }, 'System status')),
    h('div', { class: 'panel-body' }, statusBody, statusNote));

    container.append(h('div', { id: 'dashboard', class: 'dashboard' },
      h('section', { class: 'panel panel--user c-accent-orange', 'aria-labelledby': 'user-heading' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'user-heading' }, 'Current user')),
        h('div', { class: 'panel-body user-row' }, userBody, logoutBtn)),
      status));

    let stopped = false;
    let timer = null;
    let inflight = null;
    let polling = true; // false once we know this user may not see status (403)

    logoutBtn.addEventListener('click', async () => {
      logoutBtn.disabled = true;
      logoutBtn.textContent = 'Logging out…';
      stop();
      await logout();
      navigate('/login', { replace: true });
    });

    me().then((user) => {
      if (stopped) return;
      userBody.replaceChildren(
        h('dl', { class: 'facts facts--inline' },
          h('div', { class: 'fact' }, h('dt', {}, 'User'), h('dd', { class: 'verbatim', id: 'current-username' }, user.username)),
          h('div', { class: 'fact' }, h('dt', {}, 'Role'), h('dd', { id: 'current-role' }, user.role))));
    }).catch((err) => {
      // 401 is handled app-wide (back to login); anything else is shown here.
      if (!stopped && err.status !== 401) userBody.replaceChildren(h('p', { class: 'error-text' }, err.message));
    });

    async function refresh() {
      clearTimeout(timer);
      timer = null;
      if (stopped || !polling) return;
      inflight?.abort();
      inflight = new AbortController();
      try {
        const s = await api('GET', '/system/status', { signal: inflight.signal });
        statusBody.replaceChildren(renderStatus(s));
        setState('loaded', `Updated ${formatClock()} · refresh every ${REFRESH_MS / 1000} s`);
      } catch (err) {
        if (err.name === 'AbortError' || stopped) return;
        if (err.status === 403) {
          polling = false;
          statusBody.replaceChildren(h('p', { id: 'status-needs-admin', class: 'notice' },
            'System status needs an admin. Your role does not have clearance.'));
          setState('forbidden', '');
          return;
        }
        if (err.status === 401) return; // app.js takes us to the login form
        // Keep the last good numbers on screen; say that they are stale.
        setState('error', `Status unavailable: ${err.message} · retrying`);
      }
      schedule();
    }

    function setState(state, note) {
      status.dataset.state = state;
      status.setAttribute('aria-busy', 'false');
      statusNote.textContent = note;
      statusNote.classList.toggle('error-text', state === 'error');
    }

    // Poll only while the tab is visible; catch up as soon as it becomes visible again.
    function schedule() {
      if (!stopped && polling) timer = setTimeout(() => (document.hidden ? (timer = null) : refresh()), REFRESH_MS);
    }
    function onVisibility() {
      if (!document.hidden && timer === null && polling && !stopped) refresh();
    }
    function stop() {
      stopped = true;
      clearTimeout(timer);
      inflight?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    }

    document.addEventListener('visibilitychange', onVisibility);
    refresh();
    return stop;
  },
};
