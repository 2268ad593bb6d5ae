// TrackList: an album's tracks by disc and position, each with its status, length and a
// monitoring toggle (saved through `setMonitored(track, next)` → the updated track).
import { h } from '../core/dom.js';
import { statusBadge } from './status-badge.js';
import { toggle } from './toggle.js';

export function trackList(tracks, { setMonitored, onError } = {}) {
  if (!tracks || !tracks.length) return h('p', { class: 'dim' }, 'No tracks listed yet.');
  const discs = new Set(tracks.map((t) => t.disc_number)).size > 1;
  return h('table', { class: 'track-list', id: 'track-list' },
    h('caption', { class: 'visually-hidden' }, 'Tracks'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Title'),
      h('th', { scope: 'col' }, 'Length'), h('th', { scope: 'col' }, 'Status'),
      setMonitored ? h('th', { scope: 'col' }, 'Monitoring') : null)),
    h('tbody', {}, tracks.map((t) => h('tr', {},
      h('td', { class: 'track-no' }, discs ? `${t.disc_number}-${t.track_number}` : String(t.track_number)),
      h('td', { class: 'verbatim track-title' }, t.title),
      h('td', { class: 'track-len' }, formatLength(t.duration_ms)),
      h('td', {}, statusBadge(t.status)),
      setMonitored ? h('td', {}, toggle({ id: `track-${t.id}-monitored`, label: t.title, pressed: t.monitored,
        save: async (next) => (await setMonitored(t, next)).monitored, onError })) : null))));
}

function formatLength(ms) {
  if (!ms) return '—';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
