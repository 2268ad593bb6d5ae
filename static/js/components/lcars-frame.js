// The static LCARS frame in index.html: page title, sidebar state, logged-in/out look, and the
// live bits every page shares: the VPN-down banner, the VPN line in the bottom bar and the count
// of active downloads on the Downloads pill (all from the system:status event).
import { navigate } from '../core/router.js';
import { on } from '../core/events.js';
import { h } from '../core/dom.js';

const SITE = 'LCARS';
const DEFAULT_BAR_TEXT = 'Media access and retrieval';

export function initFrame() {
  // Sidebar buttons navigate to their page.
  document.querySelector('.nav-list').addEventListener('click', (ev) => {
    const btn = ev.target.closest('button.nav-pill');
    if (!btn) return;
    navigate(btn.dataset.route);
  });
  on('system:status', showSystem);
  on('connection', (c) => {
    if (c.state === 'closed') showSystem(null); // logged out: nothing of the old session stays
    if (c.state === 'retrying') {
      // The VPN state is lcarsd's to tell; without the stream it is unknown until it comes back
      // (system:status is the first event on every connection).
      const barText = document.getElementById('frame-link');
      barText.dataset.vpn = 'unknown';
      barText.textContent = 'Live link lost · reconnecting';
    }
  });
}

export function setFrame({ title, nav = null, anon = false }) {
  document.title = title ? `${SITE} · ${title}` : SITE;
  document.getElementById('page-title').textContent = title || SITE;
  document.body.classList.toggle('is-anon', anon);
  for (const btn of document.querySelectorAll('.nav-pill[data-route]')) {
    if (btn.dataset.route === nav) btn.setAttribute('aria-current', 'page');
    else btn.removeAttribute('aria-current');
  }
}

// system:status = {vpn_connected, active_downloads, vpn: {enabled, interface, connected, addresses}, downloads}
function showSystem(s) {
  const banner = document.getElementById('vpn-banner');
  const barText = document.getElementById('frame-link');
  const count = document.getElementById('nav-downloads-count');
  if (!s) {
    banner.hidden = true;
    banner.replaceChildren();
    delete banner.dataset.vpn;
    barText.textContent = DEFAULT_BAR_TEXT;
    delete barText.dataset.vpn;
    count.hidden = true;
    return;
  }
  const vpn = s.vpn || {};
  const connected = typeof vpn.connected === 'boolean' ? vpn.connected : s.vpn_connected;
  const iface = vpn.interface || '';
  const down = Boolean(vpn.enabled) && connected === false;

  banner.dataset.vpn = down ? 'down' : 'up';
  if (down) {
    banner.replaceChildren(
      h('p', { class: 'alert-head' }, 'VPN down'),
      h('p', { class: 'alert-detail' },
        'Interface ', h('strong', { class: 'verbatim' }, iface || '?'),
        ' is not usable. The kill switch has paused all torrent traffic; downloads resume by themselves when it is back.'));
  } else {
    banner.replaceChildren();
  }
  banner.hidden = !down;

  const key = !vpn.enabled ? 'off' : connected ? 'up' : 'down';
  barText.dataset.vpn = key;
  barText.textContent = key === 'off' ? 'VPN off · default route'
    : key === 'up' ? `VPN ${iface} · secure${vpn.addresses && vpn.addresses.length ? ` · ${vpn.addresses[0]}` : ''}`
      : `VPN ${iface} · down`;

  const active = typeof s.active_downloads === 'number' ? s.active_downloads : null;
  count.hidden = !active;
  count.textContent = active ? ` ${active} active` : ''; // leading space: "Downloads 3 active" when read aloud
}
