// The list page of a TMDB-backed library (movies, shows): a LibraryGrid of MediaCards whose
// "add" button opens a SearchModal on TMDB with monitoring and a video quality limit.
import { libraryGrid } from './library-grid.js';
import { mediaCard } from './media-card.js';
import { openSearchModal } from './search-modal.js';
import { VIDEO_QUALITIES } from '../stores/media.js';

/** tmdbLibraryView({route, title, heading, id, noun, accent, statuses, store, yearOf, kind}) → a router view */
export function tmdbLibraryView({ route, title, heading, id, noun, accent, statuses, store, yearOf, kind }) {
  const href = (itemId) => `${route}/${itemId}`;
  return {
    title,
    nav: route,
    mount(container) {
      return libraryGrid(container, {
        id, title: heading, noun, accent, statuses,
        list: store.list,
        card: (x) => mediaCard({ href: href(x.id), id: x.id, title: x.title, subtitle: yearOf(x) ? String(yearOf(x)) : '', status: x.status, monitored: x.monitored, image: x.poster_path }),
        addLabel: `Add ${kind}`,
        onAdd: (reload) => openSearchModal({
          id: `add-${kind}`, title: `Add ${kind}`, searchLabel: `${kind} title (TMDB)`,
          search: store.lookup,
          describe: (r) => ({ title: r.title, sub: [r.year, r.original_title && r.original_title !== r.title ? r.original_title : ''].filter(Boolean).join(' · '), inLibrary: r.in_library, libraryId: r.library_id }),
          qualities: VIDEO_QUALITIES, defaultQuality: '1080p',
          add: (r, choice) => store.add({ tmdb_id: r.tmdb_id, ...choice }),
          href,
          onAdded: reload,
        }),
      });
    },
  };
}
