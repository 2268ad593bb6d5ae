// /music/albums/:id: the album's facts and controls, its track list, and a manual release search.
import { h } from '../../core/dom.js';
import { panel, stateLine } from '../../components/lcars-panel.js';
import { mediaHeader } from '../../components/media-header.js';
import { trackList } from '../../components/track-list.js';
import { releaseSearch } from '../../components/release-list.js';
import { linkButton } from '../../components/lcars-button.js';
import { albums, MUSIC_QUALITIES } from '../../stores/media.js';

export const albumDetailView = {
  title: 'Album',
  nav: '/music',
  async mount(container, { params, navigate }) {
    const back = h('p', { class: 'back-link' }, linkButton('All artists', '/music', { color: 'purple' }));
    const body = h('div', { id: 'album-detail' }, stateLine('Loading tracks…'));
    container.append(back, body);
    let album;
    try {
      album = await albums.get(params.id);
    } catch (err) {
      body.replaceChildren(stateLine(err.message, 'error'));
      return undefined;
    }
    back.replaceChildren(linkButton('Artist', `/music/artists/${album.artist_id}`, { color: 'purple' }));
    const paint = (a) => {
      document.title = `LCARS · ${a.title}`;
      body.replaceChildren(
        panel({ title: 'Album', accent: 'purple', id: 'album-panel' }, mediaHeader({
          item: a, store: albums, title: a.title, kindLabel: 'album', listHref: `/music/artists/${a.artist_id}`, navigate, qualities: MUSIC_QUALITIES,
          onRefreshed: paint,
          facts: [['Type', a.album_type], ['Released', a.release_date], ['Tracks', a.total_tracks], ['MusicBrainz', a.mbid]],
        })),
        panel({ title: 'Tracks', accent: 'blue', id: 'album-tracks' }, trackList(a.tracks)),
        panel({ title: 'Manual search', accent: 'orange', id: 'album-manual' },
          releaseSearch({ id: 'album', search: () => albums.searchReleases(a.id), grab: (r) => albums.grab(a.id, r.id) }).el));
    };
    paint(album);
    return undefined;
  },
};
