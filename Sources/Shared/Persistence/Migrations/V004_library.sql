-- V004: what the library API needs beyond the spec's schema.

-- The release (one edition of a release group) whose tracklist an album shows; NULL until the
-- album's tracks were loaded (first GET or a refresh). See docs/api.md, "Canonical release".
ALTER TABLE albums ADD COLUMN release_mbid TEXT;

-- Lists are sorted by title (case-insensitive) and paged: these keep a page an index walk
-- instead of a sort of the whole table.
CREATE INDEX idx_movies_title ON movies(title COLLATE NOCASE, id);
CREATE INDEX idx_movies_status_title ON movies(status, title COLLATE NOCASE, id);
CREATE INDEX idx_tv_shows_title ON tv_shows(title COLLATE NOCASE, id);
CREATE INDEX idx_artists_name ON artists(name COLLATE NOCASE, id);
CREATE INDEX idx_albums_artist_date ON albums(artist_id, release_date, id);
CREATE INDEX idx_tracks_album_order ON tracks(album_id, disc_number, track_number);

-- Activity is paged newest first, optionally by type.
CREATE INDEX idx_activity_type_id ON activity(event_type, id);
