// /tv: the shows library as a poster grid, with filters, search-as-you-type and "Add show".
import { tmdbLibraryView } from '../../components/tmdb-library.js';
import { shows, SHOW_STATUSES } from '../../stores/media.js';

export const showsView = tmdbLibraryView({
  route: '/tv', title: 'TV', heading: 'TV shows', id: 'shows', noun: 'shows', accent: 'lavender',
  statuses: SHOW_STATUSES, store: shows, yearOf: (s) => s.year_start, kind: 'show',
});
