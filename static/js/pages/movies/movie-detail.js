// /movies/:id: metadata, file, monitoring and quality, manual release search → grab, refresh, delete.
import { h } from '../../core/dom.js';
import { formatBytes } from '../../core/format.js';
import { panel } from '../../components/lcars-panel.js';
import { mediaHeader } from '../../components/media-header.js';
import { releaseSearch } from '../../components/release-list.js';
import { mountDetail, grabThenShowStatus } from '../../components/detail-page.js';
import { movies, VIDEO_QUALITIES } from '../../stores/media.js';
import { facts, mediaInfoFacts } from '../../components/facts.js';

export const movieDetailView = {
  title: 'Movie',
  nav: '/movies',
  mount(container, { params, navigate }) {
    return mountDetail(container, {
      id: 'movie-detail', back: ['All movies', '/movies', 'peach'], titleOf: (m) => m.title, mediaType: 'movie',
      load: () => movies.get(params.id),
      render: (m, repaint) => [
        panel({ title: 'Movie', accent: 'peach', id: 'movie-panel' }, mediaHeader({
          item: m, store: movies, title: m.title, kindLabel: 'movie', listHref: '/movies', navigate, qualities: VIDEO_QUALITIES,
          onRefreshed: repaint,
          facts: [['Year', m.year || '—'], ['Original title', m.original_title !== m.title ? m.original_title : ''],
            ['Runtime', m.runtime_minutes ? `${m.runtime_minutes} min` : ''], ['Genres', (m.genres || []).join(', ')],
            ['TMDB', m.tmdb_id], ['IMDb', m.imdb_id], ['Added', m.added_at]],
        })),
        panel({ title: 'File', accent: 'tan', id: 'movie-file' }, m.file_path
          ? facts([['Path', m.file_path, { class: 'verbatim' }], ['Size', formatBytes(m.file_size || 0)], ...mediaInfoFacts(m.media_info)])
          : h('p', { class: 'dim' }, 'No file yet.')),
        panel({ title: 'Manual search', accent: 'orange', id: 'movie-manual' },
          releaseSearch({ id: 'movie', search: () => movies.searchReleases(m.id), grab: (r) => grabThenShowStatus(movies, m.id, () => movies.grab(m.id, r.id)) }).el),
      ],
    });
  },
};
