// /movies: the movie library as a poster grid, with filters, search-as-you-type and "Add movie".
import { libraryGrid } from '../../components/library-grid.js';
import { mediaCard } from '../../components/media-card.js';
import { openSearchModal } from '../../components/search-modal.js';
import { movies, MOVIE_STATUSES, VIDEO_QUALITIES } from '../../stores/media.js';

export const moviesView = {
  title: 'Movies',
  nav: '/movies',
  mount(container) {
    return libraryGrid(container, {
      id: 'movies', title: 'Movies', noun: 'movies', accent: 'peach', statuses: MOVIE_STATUSES,
      list: movies.list,
      card: (m) => mediaCard({ href: `/movies/${m.id}`, id: m.id, title: m.title, subtitle: m.year ? String(m.year) : '', status: m.status, monitored: m.monitored }),
      addLabel: 'Add movie',
      onAdd: (reload) => openSearchModal({
        id: 'add-movie', title: 'Add movie', searchLabel: 'Movie title (TMDB)',
        search: movies.lookup,
        describe: (r) => ({ title: r.title, sub: [r.year, r.original_title && r.original_title !== r.title ? r.original_title : ''].filter(Boolean).join(' · '), inLibrary: r.in_library, libraryId: r.library_id }),
        qualities: VIDEO_QUALITIES, defaultQuality: '1080p',
        add: (r, choice) => movies.add({ tmdb_id: r.tmdb_id, ...choice }),
        href: (id) => `/movies/${id}`,
        onAdded: reload,
      }),
    });
  },
};
