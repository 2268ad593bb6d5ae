// TrackList: an album's tracks by disc and position, each with its status and length.
import { h } from '../core/dom.js';
import { statusBadge } from './status-badge.js';

export function trackList(tracks) {
  if (!tracks || !tracks.length) return h('p', { class: 'dim' }, 'No tracks listed yet.');
  const discs = new Set(tracks.map((t) => t.disc_number)).size > 1;
  return h('table', { class: 'track-list', id: 'track-list' },
    h('caption', { class: 'visually-hidden' }, 'Tracks'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Title'),
      h('th', { scope: 'col' }, 'Length'), h('th', { scope: 'col' }, 'Status'))),
    h('tbody', {}, tracks.map((t) => h('tr', {},
      h('td', { class: 'track-no' }, discs ? `${t.disc_number}-${t.track_number}` : String(t.track_number)),
      h('td', { class: 'verbatim track-title' }, t.title),
      h('td', { class: 'track-len' }, formatLength(t.duration_ms)),
      h('td', {}, statusBadge(t.status))))));
}

function formatLength(ms) {
  if (!ms) return '—';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
