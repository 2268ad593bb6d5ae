// /tv/:id: the show's metadata and controls, then its seasons (accordion) with every episode.
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { mediaHeader } from '../../components/media-header.js';
import { linkButton } from '../../components/lcars-button.js';
import { shows, VIDEO_QUALITIES } from '../../stores/media.js';
import { seasonList } from './season-list.js';

export const showDetailView = {
  title: 'TV show',
  nav: '/tv',
  async mount(container, { params, navigate }) {
    const body = h('div', { id: 'show-detail' }, stateLine('Loading…'));
    container.append(h('p', { class: 'back-link' }, linkButton('All shows', '/tv', { color: 'lavender' })), body);
    let show;
    try {
      show = await shows.get(params.id);
    } catch (err) {
      body.replaceChildren(stateLine(err.message, 'error'));
      return undefined;
    }
    const paint = (s) => {
      document.title = `LCARS · ${s.title}`;
      const message = h('p', { class: 'form-error verbatim', role: 'alert', id: 'seasons-message' });
      body.replaceChildren(
        panel({ title: 'Show', accent: 'lavender', id: 'show-panel' }, mediaHeader({
          item: s, store: shows, title: s.title, kindLabel: 'show', listHref: '/tv', navigate, qualities: VIDEO_QUALITIES,
          onRefreshed: paint, filesNote: 'Also delete its episodes’ files from the library mounts',
          facts: [['Years', [s.year_start, s.year_end].filter(Boolean).join('–')], ['Original title', s.original_title !== s.title ? s.original_title : ''],
            ['TMDB', s.tmdb_id], ['IMDb', s.imdb_id], ['Added', s.added_at]],
        })),
        panel({ title: 'Seasons', accent: 'blue', id: 'show-seasons' }, message, seasonList(s, (text) => { message.textContent = text; })));
    };
    paint(show);
    return undefined;
  },
};
