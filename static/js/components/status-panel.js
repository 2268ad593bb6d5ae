// Renders the body of GET /api/system/status into DOM nodes. Pure: data in, nodes out.
// Values the server did not report render as "—", never as a guessed default.
import { h } from '../core/dom.js';
import { facts } from './facts.js';
import { formatBytes, formatUptime, formatCount, NONE } from '../core/format.js';

export function renderStatus(s) {
  const daemon = s.daemon || {};
  const downloads = s.downloads || {};
  const vpn = s.vpn || {};
  const mounts = (s.storage && Array.isArray(s.storage.mounts)) ? s.storage.mounts : [];

  return h('div', { class: 'status-grid' },
    card('Core', 'c-accent-orange',
      facts([
        ['Version', h('span', { id: 'status-version', class: 'verbatim' }, s.version ?? NONE)],
        ['Uptime', formatUptime(s.uptime_seconds)],
        ['Database', formatBytes(s.database_size_bytes)],
        ['Schema', formatCount(s.schema_version)],
      ])),
    card('Daemon', daemon.reachable ? 'c-accent-green' : 'c-accent-red',
      h('p', {
        id: 'status-daemon', class: `state ${daemon.reachable ? 'state--ok' : 'state--bad'}`,
        dataset: { reachable: String(Boolean(daemon.reachable)) },
      }, daemon.reachable ? 'Reachable' : 'Unreachable'),
      daemon.reachable
        ? facts([['Version', h('span', { class: 'verbatim' }, daemon.version ?? NONE)], ['Uptime', formatUptime(daemon.uptime_seconds)]])
        : h('p', { class: 'error-text verbatim' }, daemon.error || 'No reason given')),
    card('Downloads', 'c-accent-blue',
      h('div', { class: 'counters', id: 'status-downloads' },
        counter('Active', downloads.active),
        counter('Queued', downloads.queued),
        counter('Seeding', downloads.seeding))),
    card('VPN', 'c-accent-purple', vpnBody(vpn)),
    card('Storage', 'c-accent-peach wide',
      mounts.length
        ? h('ul', { class: 'mounts', id: 'status-mounts' }, mounts.map(mountRow))
        : h('p', { class: 'dim', id: 'status-mounts' }, 'No storage mounts configured')),
  );
}

function card(title, classes, ...body) {
  return h('section', { class: `card ${classes}` },
    h('h3', { class: 'card-title' }, title),
    h('div', { class: 'card-body' }, body));
}

function counter(label, value) {
  return h('div', { class: 'counter' },
    h('span', { class: 'counter-value' }, formatCount(value)),
    h('span', { class: 'counter-label' }, label));
}

function vpnBody(vpn) {
  if (!vpn.enabled) {
    return h('p', { id: 'status-vpn', class: 'state state--dim', dataset: { connected: 'disabled' } }, 'Disabled');
  }
  // connected: true / false / null (null = the daemon has not reported yet).
  const c = vpn.connected;
  const [text, cls, key] = c === true ? ['Connected', 'state--ok', 'true']
    : c === false ? ['Disconnected', 'state--bad', 'false']
      : ['Unknown', 'state--dim', 'unknown'];
  return [
    h('p', { id: 'status-vpn', class: `state ${cls}`, dataset: { connected: key } }, text),
    facts([['Interface', h('span', { class: 'verbatim' }, vpn.interface || NONE)]]),
  ];
}

function mountRow(m) {
  const head = h('div', { class: 'mount-head' },
    h('span', { class: 'mount-name verbatim' }, m.name ?? NONE),
    h('span', { class: 'tag' }, m.type ?? NONE),
    h('span', { class: `state state--small ${m.available ? 'state--ok' : 'state--bad'}` }, m.available ? 'Online' : 'Offline'));

  if (!m.available) {
    return h('li', { class: 'mount mount--down' }, head, h('p', { class: 'error-text verbatim' }, m.error || 'Unavailable'));
  }
  const total = m.total_bytes;
  const free = m.free_bytes;
  const known = typeof total === 'number' && total > 0 && typeof free === 'number';
  const bar = h('div', { class: 'usage', 'aria-hidden': 'true' }, h('span', { class: 'usage-fill' }));
  // CSSOM (not a style attribute) so a strict CSP still allows it.
  if (known) bar.firstChild.style.width = `${Math.min(100, Math.max(0, (1 - free / total) * 100)).toFixed(1)}%`;
  return h('li', { class: 'mount' }, head, bar,
    h('p', { class: 'mount-space' }, `${formatBytes(free)} free of ${formatBytes(total)}`));
}
