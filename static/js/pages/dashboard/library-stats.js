// Dashboard → Library: counts of movies, shows, artists and albums, and what is missing, each a
// link to its page. Read from the list routes' `total` (limit=1) until the API has a summary route.
import { h } from '../../core/dom.js';
import { panel } from '../../components/lcars-panel.js';
import { movies, shows, artists, albums } from '../../stores/media.js';

const COUNTS = [
  ['Movies', '/movies', () => movies.list(new URLSearchParams({ limit: '1' }))],
  ['Shows', '/tv', () => shows.list(new URLSearchParams({ limit: '1' }))],
  ['Artists', '/music', () => artists.list(new URLSearchParams({ limit: '1' }))],
  ['Albums', '/music', () => albums.list(new URLSearchParams({ limit: '1' }))],
  ['Movies missing', '/movies', () => movies.list(new URLSearchParams({ limit: '1', status: 'missing', monitored: 'true' }))],
  ['Albums missing', '/music', () => albums.list(new URLSearchParams({ limit: '1', status: 'missing', monitored: 'true' }))],
];

export function libraryStats() {
  let pending = COUNTS.length;
  const settled = () => { if (--pending === 0) performance.mark('lcars:dashboard:data'); }; // for bench/ui.sh
  const cards = COUNTS.map(([label, href, load]) => {
    const value = h('span', { class: 'counter-value' }, '…');
    load().then((page) => { value.textContent = String(page.total); }).catch(() => { value.textContent = '—'; }).finally(settled);
    return h('a', { class: 'counter stat-card', href, 'data-link': true }, value, h('span', { class: 'counter-label' }, label));
  });
  return panel({ title: 'Library', accent: 'peach', id: 'library-stats' }, h('div', { class: 'counters stat-cards' }, cards));
}
