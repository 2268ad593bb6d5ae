// Dashboard → Library, Recent additions, Disk space: one call to GET /api/library/summary (every
// role may make it). Each count links to its page; each addition to its detail page.
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { library } from '../../stores/media.js';
import { formatBytes, formatWhen, formatDateTime } from '../../core/format.js';

const WANTED = ['movies', 'episodes', 'albums'];   // what "missing" and "downloading" add up
const COUNTS = [
  ['Movies', '/movies', (c) => c.movies.total],
  ['Shows', '/tv', (c) => c.shows.total],
  ['Episodes', '/tv', (c) => c.episodes.total],
  ['Artists', '/music', (c) => c.artists.total],
  ['Albums', '/music', (c) => c.albums.total],
  ['Missing', '/movies', (c) => sumStatus(c, 'missing')],
  ['Downloading', '/downloads', (c) => sumStatus(c, 'downloading')],
];
const DETAIL = { movie: (id) => `/movies/${id}`, tv: (id) => `/tv/${id}`, artist: (id) => `/music/artists/${id}` };
const KIND = { movie: 'Movie', tv: 'Show', artist: 'Artist' };

const sumStatus = (counts, status) => WANTED.reduce((n, kind) => n + (counts[kind].by_status[status] || 0), 0);

/** The three panels, filled when the summary arrives. */
export function libraryStats() {
  const values = COUNTS.map(() => h('span', { class: 'counter-value' }, '…'));
  const cards = COUNTS.map(([label, href], i) =>
    h('a', { class: 'counter stat-card', href, 'data-link': true }, values[i], h('span', { class: 'counter-label' }, label)));
  const recentBody = h('div', { class: 'recent-body' }, stateLine('Scanning…'));
  const mountsBody = h('div', { class: 'mounts-body' }, stateLine('Scanning…'));

  library.summary().then((s) => {
    COUNTS.forEach(([, , read], i) => { values[i].textContent = String(read(s.counts)); });
    recentBody.replaceChildren(renderRecent(s.recent));
    mountsBody.replaceChildren(renderMounts(s.mounts));
  }).catch((err) => {
    values.forEach((v) => { v.textContent = '—'; });
    if (err.status === 401) return;   // app.js takes us to the login form
    recentBody.replaceChildren(stateLine(err.message, 'error'));
    mountsBody.replaceChildren(stateLine(err.message, 'error'));
  }).finally(() => performance.mark('lcars:dashboard:data'));   // for bench/ui.sh

  return [
    panel({ title: 'Library', accent: 'peach', id: 'library-stats' }, h('div', { class: 'counters stat-cards' }, cards)),
    panel({ title: 'Recent additions', accent: 'orange', id: 'recent-additions' }, recentBody),
    panel({ title: 'Disk space', accent: 'blue', id: 'disk-space' }, mountsBody),
  ];
}

function renderRecent(recent) {
  if (!recent.length) return stateLine('Nothing added yet.');
  return h('ul', { class: 'recent-list' }, recent.map((item) =>
    h('li', { class: 'recent-item', dataset: { type: item.type, id: String(item.id) } },
      thumbnail(item.poster),
      h('a', { href: DETAIL[item.type](item.id), 'data-link': true, class: 'recent-title' }, item.title),
      h('span', { class: 'recent-kind' }, KIND[item.type]),
      h('time', { datetime: item.added_at, title: formatDateTime(item.added_at), class: 'recent-when' }, formatWhen(item.added_at)))));
}

// Our own /api/images/… address only (CSP img-src 'self'); gone again if it fails to load.
function thumbnail(src) {
  if (typeof src !== 'string' || !src.startsWith('/api/images/')) return h('span', { class: 'recent-thumb recent-thumb--none', 'aria-hidden': 'true' });
  const img = h('img', { class: 'recent-thumb', src, alt: '', loading: 'lazy', decoding: 'async' });
  img.addEventListener('error', () => img.replaceWith(h('span', { class: 'recent-thumb recent-thumb--none', 'aria-hidden': 'true' })), { once: true });
  return img;
}

function renderMounts(mounts) {
  if (!mounts.length) return stateLine('No storage mounts configured.');
  return h('ul', { class: 'mount-list' }, mounts.map((m) => {
    const hasSize = typeof m.total_bytes === 'number' && m.total_bytes > 0;
    const used = hasSize ? (m.total_bytes - m.free_bytes) / m.total_bytes : 0;
    return h('li', { class: 'mount-item', dataset: { mount: m.name, available: String(m.available) } },
      h('span', { class: 'mount-name verbatim' }, m.name),
      h('span', { class: 'mount-type' }, m.type),
      h('span', { class: `mount-state ${m.available ? 'state--ok' : 'state--bad'}` }, m.available ? 'Online' : 'Unavailable'),
      hasSize
        ? h('span', { class: 'mount-free' }, `${formatBytes(m.free_bytes)} free of ${formatBytes(m.total_bytes)}`)
        : h('span', { class: 'mount-free dim' }, 'No size'),
      hasSize ? h('meter', { class: 'mount-meter', min: '0', max: '1', value: String(used), 'aria-label': `${m.name} used` }) : null);
  }));
}
