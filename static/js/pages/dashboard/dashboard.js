// Dashboard: who is logged in, active downloads (live), system status (admin only), LOGOUT.
// Ids #dashboard, #current-user, #system-status, #logout, #active-downloads are relied on by the browser tests.
import { h } from '../../core/dom.js';
import { api } from '../../core/api.js';
import { me, logout } from '../../core/auth.js';
import { formatClock, formatPercent, formatSpeed } from '../../core/format.js';
import { renderStatus } from '../../components/status-panel.js';
import { on, lastSystemStatus } from '../../core/events.js';
import * as store from '../../stores/downloads-store.js';
import { statusLabel, statusClass } from '../downloads/downloads.js';
import { libraryStats } from './library-stats.js';
import { facts } from '../../components/facts.js';

const REFRESH_MS = 10_000;
const ACTIVE_SHOWN = 5;

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

    const activeBody = h('div', { class: 'active-body' }, h('p', { class: 'dim' }, 'Scanning…'));
    // Every role sees the VPN here (the System status panel below is admin-only).
    const vpnLine = h('p', { id: 'active-vpn', class: 'state state--small state--dim vpn-line', role: 'status' }, 'VPN: waiting for lcarsd…');
    const active = h('section', { id: 'active-downloads', class: 'panel c-accent-blue', 'aria-labelledby': 'active-heading' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'active-heading' }, 'Active downloads')),
      h('div', { class: 'panel-body' }, vpnLine, activeBody,
        h('p', { class: 'panel-link' }, h('a', { href: '/downloads', 'data-link': true, class: 'pill pill--small c-blue' }, 'All downloads'))));

    container.append(h('div', { id: 'dashboard', class: 'dashboard' },
      h('section', { class: 'panel panel--user c-accent-orange', 'aria-labelledby': 'user-heading' },
        h('div', { class: 'panel-head' }, h('h2', { id: 'user-heading' }, 'Current user')),
        h('div', { class: 'panel-body user-row' }, userBody, logoutBtn)),
      libraryStats(),
      active,
      status));

    // Active downloads: the shared store, kept current by the event stream.
    const paintActive = () => activeBody.replaceChildren(...[renderActive()].flat().filter(Boolean));
    const unsubscribe = store.subscribe(() => { if (!stopped) paintActive(); });
    if (store.isLoaded()) paintActive();

    // The admin status panel follows the live system:status too (VPN, download counts).
    let lastStatus = null;
    const paintVpn = (ev) => {
      const vpn = (ev && ev.vpn) || {};
      const key = !ev ? 'unknown' : !vpn.enabled ? 'off' : ev.vpn_connected ? 'up' : 'down';
      vpnLine.dataset.vpn = key;
      vpnLine.className = `state state--small vpn-line ${key === 'up' ? 'state--ok' : key === 'down' ? 'state--bad' : 'state--dim'}`;
      vpnLine.replaceChildren(...({
        unknown: ['VPN: waiting for lcarsd…'],
        off: ['VPN off · no interface configured, default route'],
        up: ['VPN connected · ', h('span', { class: 'verbatim' }, [vpn.interface, ...(vpn.addresses || [])].filter(Boolean).join(' · '))],
        down: ['VPN down · ', h('span', { class: 'verbatim' }, vpn.interface || '?'), ' · torrents held by the kill switch'],
      })[key]);
    };
    paintVpn(lastSystemStatus());
    const offSystem = on('system:status', (ev) => {
      if (!stopped) paintVpn(ev);
      if (stopped || !lastStatus || !ev) return;
      if (ev.vpn) lastStatus.vpn = { ...lastStatus.vpn, ...ev.vpn };
      if (ev.downloads) lastStatus.downloads = ev.downloads;
      statusBody.replaceChildren(renderStatus(lastStatus));
    });

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
        facts([['User', user.username, { class: 'verbatim', id: 'current-username' }], ['Role', user.role, { id: 'current-role' }]], { inline: true }));
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
        lastStatus = s;
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
      if (stopped) return;
      stopped = true;
      unsubscribe();
      offSystem();
      clearTimeout(timer);
      inflight?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    }

    document.addEventListener('visibilitychange', onVisibility);
    refresh();
    return stop;
  },
};

function renderActive() {
  if (!store.isLoaded()) {
    const err = store.loadError();
    return h('p', { class: err ? 'error-text' : 'dim' }, err ? `Downloads unavailable: ${err.message}` : 'Scanning…');
  }
  const list = store.all();
  const count = (st) => list.filter((d) => d.status === st).length;
  const running = list.filter((d) => d.status === 'downloading' || d.status === 'queued'
    || (d.status === 'paused' && d.paused_by === 'vpn'));
  const counters = h('div', { class: 'counters counters--four', id: 'active-counts' },
    [['Downloading', 'downloading'], ['Queued', 'queued'], ['Seeding', 'seeding'], ['Failed', 'failed']].map(([label, st]) =>
      h('div', { class: 'counter', dataset: { status: st } },
        h('span', { class: 'counter-value' }, String(count(st))),
        h('span', { class: 'counter-label' }, label))));
  if (!running.length) {
    return [counters, h('p', { class: 'dim active-none', id: 'active-none' }, 'No transfers in progress.')];
  }
  return [counters, h('ul', { class: 'active-list', id: 'active-list' },
    running.slice(0, ACTIVE_SHOWN).map((d) => {
      const fill = h('span', { class: `dl-bar-fill ${statusClass(d)}` });
      fill.style.width = `${(Math.min(1, Math.max(0, d.progress || 0)) * 100).toFixed(1)}%`;
      return h('li', { class: 'active-item', dataset: { id: String(d.id) } },
        h('div', { class: 'active-head' },
          h('span', { class: 'dl-name verbatim' }, d.name || `Download ${d.id}`),
          h('span', { class: `dl-status ${statusClass(d)}` }, statusLabel(d))),
        h('div', { class: 'dl-bar', 'aria-hidden': 'true' }, fill),
        h('p', { class: 'active-facts' }, `${formatPercent(d.progress)} · ↓ ${formatSpeed(d.download_speed)} · ↑ ${formatSpeed(d.upload_speed)}`));
    })),
  running.length > ACTIVE_SHOWN ? h('p', { class: 'dim' }, `and ${running.length - ACTIVE_SHOWN} more`) : null];
}
