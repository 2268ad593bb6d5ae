// /movies: the movie library as a poster grid, with filters, search-as-you-type and "Add movie".
import { tmdbLibraryView } from '../../components/tmdb-library.js';
import { movies, MOVIE_STATUSES } from '../../stores/media.js';

export const moviesView = tmdbLibraryView({
  route: '/movies', title: 'Movies', heading: 'Movies', id: 'movies', noun: 'movies', accent: 'peach',
  statuses: MOVIE_STATUSES, store: movies, yearOf: (m) => m.year, kind: 'movie',
});
