// /music/artists/:id: the artist's facts and controls, and their albums grouped by type.
import { h } from '../../core/dom.js';
import { panel } from '../../components/lcars-panel.js';
import { mediaHeader } from '../../components/media-header.js';
import { mediaCard } from '../../components/media-card.js';
import { mountDetail } from '../../components/detail-page.js';
import { artists, MUSIC_QUALITIES } from '../../stores/media.js';

export const artistDetailView = {
  title: 'Artist',
  nav: '/music',
  mount(container, { params, navigate }) {
    return mountDetail(container, {
      id: 'artist-detail', back: ['All artists', '/music', 'purple'], titleOf: (a) => a.name,
      load: () => artists.get(params.id),
      render: (a, repaint) => [
        panel({ title: 'Artist', accent: 'purple', id: 'artist-panel' }, mediaHeader({
          item: a, store: artists, title: a.name, kindLabel: 'artist', listHref: '/music', navigate, qualities: MUSIC_QUALITIES,
          onRefreshed: repaint, filesNote: 'Also delete all its tracks’ files from the library mounts',
          facts: [['Type', a.artist_type], ['Country', a.country], ['Active', [a.begin_date, a.end_date].filter(Boolean).join(' – ')],
            ['About', a.disambiguation], ['MusicBrainz', a.mbid], ['Added', a.added_at]],
        })),
        ...albumGroups(a.albums || []),
      ],
    });
  },
};

// Albums, EPs, singles … each type its own panel, in release-date order (as the API sends them).
function albumGroups(albums) {
  if (!albums.length) return [panel({ title: 'Albums', accent: 'blue', id: 'artist-albums' }, h('p', { class: 'dim' }, 'No releases found.'))];
  const groups = new Map();
  for (const a of albums) {
    const type = a.album_type || 'other';
    if (!groups.has(type)) groups.set(type, []);
    groups.get(type).push(a);
  }
  return [...groups].map(([type, list]) => panel({ title: `${type}s`, accent: 'blue', id: `albums-${type.toLowerCase().replace(/[^a-z]/g, '')}` },
    h('ul', { class: 'media-grid' }, list.map((a) => mediaCard({ href: `/music/albums/${a.id}`, id: a.id, title: a.title,
      subtitle: a.release_date ? a.release_date.slice(0, 4) : '', status: a.status, monitored: a.monitored, image: a.cover_path })))));
}
