// One small store per library resource: the calls a page needs, in one place, so pages never build
// URLs themselves. Every call answers the API's JSON or throws its ApiError (with the server's message).
import { api } from '../core/api.js';

const q = (params) => (params && String(params) ? `?${params}` : '');

function resource(base) {
  return {
    list: (params, signal) => api('GET', `${base}${q(params)}`, { signal }),
    get: (id, signal) => api('GET', `${base}/${id}`, { signal }),
    add: (body) => api('POST', base, { body }),
    update: (id, body) => api('PUT', `${base}/${id}`, { body }),
    refresh: (id) => api('POST', `${base}/${id}/refresh`),
    remove: (id, deleteFiles) => api('DELETE', `${base}/${id}${deleteFiles ? '?delete_files=true' : ''}`),
  };
}

/** GET /api/library/summary: counts, recent additions, free space per mount (every role). */
export const library = {
  summary: (signal) => api('GET', '/library/summary', { signal }),
};

export const movies = {
  ...resource('/movies'),
  lookup: (text, signal) => api('GET', `/search/tmdb/movies?${new URLSearchParams({ q: text })}`, { signal }),
  searchReleases: (id) => api('POST', `/movies/${id}/search`),
  grab: (id, releaseId) => api('POST', `/movies/${id}/download`, { body: { release_id: releaseId } }),
};

export const shows = {
  ...resource('/tv'),
  lookup: (text, signal) => api('GET', `/search/tmdb/tv?${new URLSearchParams({ q: text })}`, { signal }),
  setSeason: (id, season, monitored) => api('PUT', `/tv/${id}/season/${season}`, { body: { monitored } }),
  setEpisode: (id, season, episode, monitored) => api('PUT', `/tv/${id}/season/${season}/episode/${episode}`, { body: { monitored } }),
  searchReleases: (id, season, episode) => api('POST', `/tv/${id}/season/${season}/episode/${episode}/search`),
  grab: (id, season, episode, releaseId) => api('POST', `/tv/${id}/season/${season}/episode/${episode}/download`, { body: { release_id: releaseId } }),
};

export const artists = {
  ...resource('/artists'),
  lookup: (text, signal) => api('GET', `/search/musicbrainz/artists?${new URLSearchParams({ q: text })}`, { signal }),
};

export const albums = {
  ...resource('/albums'),
  searchReleases: (id) => api('POST', `/albums/${id}/search`),
  grab: (id, releaseId) => api('POST', `/albums/${id}/download`, { body: { release_id: releaseId } }),
};

export const tracks = {
  update: (id, body) => api('PUT', `/tracks/${id}`, { body }),
};

export const VIDEO_QUALITIES = ['2160p', '1080p', '720p', '480p'];
export const MUSIC_QUALITIES = ['flac', 'alac', '320', 'V0', '256', '192', '128'];
export const MOVIE_STATUSES = ['missing', 'searching', 'downloading', 'processing', 'available'];
export const SHOW_STATUSES = ['continuing', 'ended', 'canceled', 'upcoming'];
