// /music: the artists grid, with filters, search-as-you-type and "Add artist" (MusicBrainz).
import { libraryGrid } from '../../components/library-grid.js';
import { mediaCard } from '../../components/media-card.js';
import { openSearchModal } from '../../components/search-modal.js';
import { artists, MUSIC_QUALITIES } from '../../stores/media.js';

export const artistsView = {
  title: 'Music',
  nav: '/music',
  mount(container) {
    return libraryGrid(container, {
      id: 'artists', title: 'Artists', noun: 'artists', accent: 'purple', statuses: null,
      list: artists.list,
      card: (a) => mediaCard({ href: `/music/artists/${a.id}`, id: a.id, title: a.name, subtitle: [a.artist_type, a.country].filter(Boolean).join(' · '), monitored: a.monitored }),
      addLabel: 'Add artist',
      onAdd: (reload) => openSearchModal({
        id: 'add-artist', title: 'Add artist', searchLabel: 'Artist name (MusicBrainz)',
        search: artists.lookup,
        describe: (r) => ({ title: r.name, sub: [r.disambiguation, r.artist_type, r.country, r.begin_date].filter(Boolean).join(' · '), inLibrary: r.in_library, libraryId: r.library_id }),
        qualities: MUSIC_QUALITIES, defaultQuality: 'flac',
        add: (r, choice) => artists.add({ mbid: r.mbid, ...choice }),
        href: (id) => `/music/artists/${id}`,
        onAdded: reload,
      }),
    });
  },
};
