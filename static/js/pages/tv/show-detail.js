// /tv/:id: the show's metadata and controls, then its seasons (accordion) with every episode.
import { h } from '../../core/dom.js';
import { panel } from '../../components/lcars-panel.js';
import { mediaHeader } from '../../components/media-header.js';
import { mountDetail } from '../../components/detail-page.js';
import { shows, VIDEO_QUALITIES } from '../../stores/media.js';
import { seasonList } from './season-list.js';

export const showDetailView = {
  title: 'TV show',
  nav: '/tv',
  mount(container, { params, navigate }) {
    return mountDetail(container, {
      id: 'show-detail', back: ['All shows', '/tv', 'lavender'], titleOf: (s) => s.title,
      load: () => shows.get(params.id),
      render: (s, repaint) => {
        const message = h('p', { class: 'form-error verbatim', role: 'alert', id: 'seasons-message' });
        return [
          panel({ title: 'Show', accent: 'lavender', id: 'show-panel' }, mediaHeader({
            item: s, store: shows, title: s.title, kindLabel: 'show', listHref: '/tv', navigate, qualities: VIDEO_QUALITIES,
            onRefreshed: repaint, filesNote: 'Also delete its episodes’ files from the library mounts',
            facts: [['Years', [s.year_start, s.year_end].filter(Boolean).join('–')], ['Original title', s.original_title !== s.title ? s.original_title : ''],
              ['TMDB', s.tmdb_id], ['IMDb', s.imdb_id], ['Added', s.added_at]],
          })),
          panel({ title: 'Seasons', accent: 'blue', id: 'show-seasons' }, message, seasonList(s, (text) => { message.textContent = text; })),
        ];
      },
    });
  },
};
