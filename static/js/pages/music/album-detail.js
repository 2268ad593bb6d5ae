// /music/albums/:id: the album's facts and controls, its track list, and a manual release search.
import { panel } from '../../components/lcars-panel.js';
import { mediaHeader } from '../../components/media-header.js';
import { trackList } from '../../components/track-list.js';
import { releaseSearch } from '../../components/release-list.js';
import { linkButton } from '../../components/lcars-button.js';
import { mountDetail, grabThenShowStatus } from '../../components/detail-page.js';
import { albums, tracks, MUSIC_QUALITIES } from '../../stores/media.js';
import { h } from '../../core/dom.js';

export const albumDetailView = {
  title: 'Album',
  nav: '/music',
  mount(container, { params, navigate }) {
    return mountDetail(container, {
      id: 'album-detail', back: ['All artists', '/music', 'purple'], titleOf: (a) => a.title, mediaType: 'album',
      load: () => albums.get(params.id), // the first GET loads the tracks from MusicBrainz
      render: (a, repaint, backLink) => {
        const trackError = h('p', { class: 'form-error verbatim', role: 'alert' });
        backLink.replaceChildren(linkButton('Back to artist', `/music/artists/${a.artist_id}`, { color: 'purple' }));
        return [
          panel({ title: 'Album', accent: 'purple', id: 'album-panel' }, mediaHeader({
            item: a, store: albums, title: a.title, kindLabel: 'album', listHref: `/music/artists/${a.artist_id}`, navigate, qualities: MUSIC_QUALITIES,
            onRefreshed: repaint,
            facts: [['Type', a.album_type], ['Released', a.release_date], ['Tracks', a.total_tracks], ['MusicBrainz', a.mbid]],
          })),
          panel({ title: 'Tracks', accent: 'blue', id: 'album-tracks' }, trackError, trackList(a.tracks, {
            setMonitored: (t, monitored) => tracks.update(t.id, { monitored }),
            onError: (err) => { trackError.textContent = err.message; },
          })),
          panel({ title: 'Manual search', accent: 'orange', id: 'album-manual' },
            releaseSearch({ id: 'album', search: () => albums.searchReleases(a.id), grab: (r) => grabThenShowStatus(albums, a.id, () => albums.grab(a.id, r.id)) }).el),
        ];
      },
    });
  },
};
