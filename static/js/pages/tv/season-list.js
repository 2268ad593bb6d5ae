// A show's seasons as an accordion (<details>): each season's monitoring toggle and every episode
// with its status, monitoring toggle and a manual search → grab.
import { h } from '../../core/dom.js';
import { statusBadge } from '../../components/status-badge.js';
import { toggle } from '../../components/toggle.js';
import { button } from '../../components/lcars-button.js';
import { releaseSearch } from '../../components/release-list.js';
import { shows } from '../../stores/media.js';

export function seasonList(show, say) {
  return h('div', { class: 'seasons', id: 'seasons' }, (show.seasons || []).map((season) => seasonBlock(show, season, say)));
}

function seasonBlock(show, season, say) {
  const n = season.season_number;
  const name = n === 0 ? 'Specials' : `Season ${n}`;
  const episodes = season.episodes || [];
  const rows = new Map();
  const allMonitored = episodes.length > 0 && episodes.every((e) => e.monitored);
  const seasonToggle = toggle({
    id: `season-${n}-monitored`, label: name, pressed: allMonitored, labelOn: 'Season monitored', labelOff: 'Season unmonitored',
    save: async (next) => {
      const updated = await shows.setSeason(show.id, n, next);
      for (const e of updated) { const t = rows.get(e.episode_number); if (t) t.setPressed(e.monitored); }
      return next;
    },
    onError: (err) => say(err.message),
  });
  return h('details', { class: 'season', id: `season-${n}` },
    h('summary', { class: 'season-summary' },
      h('span', { class: 'season-name' }, name),
      h('span', { class: 'season-count' }, `${season.available_count} / ${season.episode_count} available`)),
    h('div', { class: 'season-body' },
      h('div', { class: 'season-actions' }, seasonToggle),
      h('ol', { class: 'episode-list' }, episodes.map((e) => episodeRow(show, e, rows, say)))));
}

function episodeRow(show, e, rows, say) {
  const code = `S${String(e.season_number).padStart(2, '0')}E${String(e.episode_number).padStart(2, '0')}`;
  const t = toggle({
    id: `episode-${e.season_number}-${e.episode_number}-monitored`, label: code, pressed: e.monitored,
    save: async (next) => (await shows.setEpisode(show.id, e.season_number, e.episode_number, next)).monitored,
    onError: (err) => say(err.message),
  });
  rows.set(e.episode_number, t);
  const searchSlot = h('div', { class: 'episode-search' });
  const open = button('Search', { small: true, color: 'peach', 'aria-label': `Search releases for ${code}`, 'aria-expanded': 'false', onClick: () => {
    const expanded = open.getAttribute('aria-expanded') === 'true';
    open.setAttribute('aria-expanded', String(!expanded));
    if (expanded) { searchSlot.replaceChildren(); return; }
    const s = releaseSearch({ id: `ep-${e.id}`, label: 'Search again',
      search: () => shows.searchReleases(show.id, e.season_number, e.episode_number),
      grab: (r) => shows.grab(show.id, e.season_number, e.episode_number, r.id) });
    searchSlot.replaceChildren(s.el);
    s.run();
  } });
  return h('li', { class: 'episode', id: `episode-${e.season_number}-${e.episode_number}` },
    h('div', { class: 'episode-head' },
      episodeStill(e),
      h('span', { class: 'episode-code' }, code),
      h('span', { class: 'episode-title verbatim' }, e.title || 'TBA'),
      h('span', { class: 'episode-air dim' }, e.air_date || ''),
      statusBadge(e.status),
      h('span', { class: 'episode-actions' }, t, open)),
    searchSlot);
}

// The episode's still from our origin; lazy, so a closed season loads none of its stills. A still
// that fails to load is removed (the row reads the same without it).
function episodeStill(e) {
  if (!e.still_path) return null;
  const img = h('img', { class: 'episode-still', src: e.still_path, alt: '', loading: 'lazy', decoding: 'async', width: 112, height: 63 });
  img.addEventListener('error', () => img.remove(), { once: true });
  return img;
}
