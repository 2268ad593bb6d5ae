// /tv: the shows library as a poster grid, with filters, search-as-you-type and "Add show".
import { libraryGrid } from '../../components/library-grid.js';
import { mediaCard } from '../../components/media-card.js';
import { openSearchModal } from '../../components/search-modal.js';
import { shows, SHOW_STATUSES, VIDEO_QUALITIES } from '../../stores/media.js';

export const showsView = {
  title: 'TV',
  nav: '/tv',
  mount(container) {
    return libraryGrid(container, {
      id: 'shows', title: 'TV shows', noun: 'shows', accent: 'lavender', statuses: SHOW_STATUSES,
      list: shows.list,
      card: (s) => mediaCard({ href: `/tv/${s.id}`, id: s.id, title: s.title, subtitle: s.year_start ? String(s.year_start) : '', status: s.status, monitored: s.monitored }),
      addLabel: 'Add show',
      onAdd: (reload) => openSearchModal({
        id: 'add-show', title: 'Add show', searchLabel: 'Show title (TMDB)',
        search: shows.lookup,
        describe: (r) => ({ title: r.title, sub: [r.year, r.original_title && r.original_title !== r.title ? r.original_title : ''].filter(Boolean).join(' · '), inLibrary: r.in_library, libraryId: r.library_id }),
        qualities: VIDEO_QUALITIES, defaultQuality: '1080p',
        add: (r, choice) => shows.add({ tmdb_id: r.tmdb_id, ...choice }),
        href: (id) => `/tv/${id}`,
        onAdded: reload,
      }),
    });
  },
};
