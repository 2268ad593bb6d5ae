-- V001: the product spec's initial schema (shared/seeds/000, "migrations/V001__initial.sql"),
-- kept as the spec gives it. Later changes go into new V00N files, never into this one.

-- Users
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT UNIQUE NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'user')),
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);

-- Movies
CREATE TABLE movies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tmdb_id INTEGER UNIQUE NOT NULL,
    imdb_id TEXT,
    title TEXT NOT NULL,
    original_title TEXT,
    year INTEGER NOT NULL,
    overview TEXT,
    poster_path TEXT,
    backdrop_path TEXT,
    runtime_minutes INTEGER,
    genres TEXT,
    status TEXT NOT NULL DEFAULT 'missing'
        CHECK (status IN ('missing', 'searching', 'downloading', 'processing', 'available')),
    monitored INTEGER NOT NULL DEFAULT 1,
    quality_limit TEXT DEFAULT '1080p',
    file_path TEXT,
    file_size INTEGER,
    added_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now')),
    added_by INTEGER REFERENCES users(id)
);

CREATE VIRTUAL TABLE movies_fts USING fts5(
    title, original_title, overview,
    content='movies', content_rowid='id'
);

CREATE TRIGGER movies_ai AFTER INSERT ON movies BEGIN
    INSERT INTO movies_fts(rowid, title, original_title, overview)
    VALUES (new.id, new.title, new.original_title, new.overview);
END;

CREATE TRIGGER movies_ad AFTER DELETE ON movies BEGIN
    INSERT INTO movies_fts(movies_fts, rowid, title, original_title, overview)
    VALUES ('delete', old.id, old.title, old.original_title, old.overview);
END;

CREATE TRIGGER movies_au AFTER UPDATE ON movies BEGIN
    INSERT INTO movies_fts(movies_fts, rowid, title, original_title, overview)
    VALUES ('delete', old.id, old.title, old.original_title, old.overview);
    INSERT INTO movies_fts(rowid, title, original_title, overview)
    VALUES (new.id, new.title, new.original_title, new.overview);
END;

-- TV Shows
CREATE TABLE tv_shows (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tmdb_id INTEGER UNIQUE NOT NULL,
    imdb_id TEXT,
    title TEXT NOT NULL,
    original_title TEXT,
    year_start INTEGER,
    year_end INTEGER,
    overview TEXT,
    poster_path TEXT,
    backdrop_path TEXT,
    status TEXT NOT NULL DEFAULT 'continuing'
        CHECK (status IN ('continuing', 'ended', 'canceled', 'upcoming')),
    monitored INTEGER NOT NULL DEFAULT 1,
    quality_limit TEXT DEFAULT '1080p',
    added_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now')),
    added_by INTEGER REFERENCES users(id)
);

CREATE VIRTUAL TABLE tv_shows_fts USING fts5(
    title, original_title, overview,
    content='tv_shows', content_rowid='id'
);

CREATE TRIGGER tv_shows_ai AFTER INSERT ON tv_shows BEGIN
    INSERT INTO tv_shows_fts(rowid, title, original_title, overview)
    VALUES (new.id, new.title, new.original_title, new.overview);
END;

CREATE TRIGGER tv_shows_ad AFTER DELETE ON tv_shows BEGIN
    INSERT INTO tv_shows_fts(tv_shows_fts, rowid, title, original_title, overview)
    VALUES ('delete', old.id, old.title, old.original_title, old.overview);
END;

CREATE TRIGGER tv_shows_au AFTER UPDATE ON tv_shows BEGIN
    INSERT INTO tv_shows_fts(tv_shows_fts, rowid, title, original_title, overview)
    VALUES ('delete', old.id, old.title, old.original_title, old.overview);
    INSERT INTO tv_shows_fts(rowid, title, original_title, overview)
    VALUES (new.id, new.title, new.original_title, new.overview);
END;

-- Episodes
CREATE TABLE episodes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    show_id INTEGER NOT NULL REFERENCES tv_shows(id) ON DELETE CASCADE,
    tmdb_id INTEGER,
    season_number INTEGER NOT NULL,
    episode_number INTEGER NOT NULL,
    title TEXT,
    overview TEXT,
    air_date TEXT,
    runtime_minutes INTEGER,
    still_path TEXT,
    status TEXT NOT NULL DEFAULT 'missing'
        CHECK (status IN ('missing', 'searching', 'downloading', 'processing', 'available')),
    monitored INTEGER NOT NULL DEFAULT 1,
    file_path TEXT,
    file_size INTEGER,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE(show_id, season_number, episode_number)
);

CREATE INDEX idx_episodes_show ON episodes(show_id);
CREATE INDEX idx_episodes_status ON episodes(status);

-- Artists
CREATE TABLE artists (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mbid TEXT UNIQUE NOT NULL,           -- MusicBrainz artist ID
    name TEXT NOT NULL,
    sort_name TEXT,
    disambiguation TEXT,                  -- e.g., "UK rock band"
    artist_type TEXT,                     -- person, group, orchestra, choir, etc.
    country TEXT,                         -- ISO 3166-1 alpha-2
    begin_date TEXT,                      -- Formation/birth date
    end_date TEXT,                        -- Dissolution/death date
    overview TEXT,
    image_path TEXT,
    monitored INTEGER NOT NULL DEFAULT 1,
    quality_limit TEXT DEFAULT 'flac',
    added_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now')),
    added_by INTEGER REFERENCES users(id)
);

CREATE VIRTUAL TABLE artists_fts USING fts5(
    name, sort_name, disambiguation, overview,
    content='artists', content_rowid='id'
);

CREATE TRIGGER artists_ai AFTER INSERT ON artists BEGIN
    INSERT INTO artists_fts(rowid, name, sort_name, disambiguation, overview)
    VALUES (new.id, new.name, new.sort_name, new.disambiguation, new.overview);
END;

CREATE TRIGGER artists_ad AFTER DELETE ON artists BEGIN
    INSERT INTO artists_fts(artists_fts, rowid, name, sort_name, disambiguation, overview)
    VALUES ('delete', old.id, old.name, old.sort_name, old.disambiguation, old.overview);
END;

CREATE TRIGGER artists_au AFTER UPDATE ON artists BEGIN
    INSERT INTO artists_fts(artists_fts, rowid, name, sort_name, disambiguation, overview)
    VALUES ('delete', old.id, old.name, old.sort_name, old.disambiguation, old.overview);
    INSERT INTO artists_fts(rowid, name, sort_name, disambiguation, overview)
    VALUES (new.id, new.name, new.sort_name, new.disambiguation, new.overview);
END;

-- Albums (Release Groups in MusicBrainz terminology)
CREATE TABLE albums (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mbid TEXT UNIQUE NOT NULL,           -- MusicBrainz release group ID
    artist_id INTEGER NOT NULL REFERENCES artists(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    album_type TEXT,                      -- album, single, EP, compilation, soundtrack, etc.
    release_date TEXT,                    -- First release date
    overview TEXT,
    cover_path TEXT,
    total_tracks INTEGER,
    status TEXT NOT NULL DEFAULT 'missing'
        CHECK (status IN ('missing', 'searching', 'downloading', 'processing', 'partial', 'available')),
    monitored INTEGER NOT NULL DEFAULT 1,
    quality_limit TEXT DEFAULT 'flac',
    added_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE VIRTUAL TABLE albums_fts USING fts5(
    title, overview,
    content='albums', content_rowid='id'
);

CREATE TRIGGER albums_ai AFTER INSERT ON albums BEGIN
    INSERT INTO albums_fts(rowid, title, overview)
    VALUES (new.id, new.title, new.overview);
END;

CREATE TRIGGER albums_ad AFTER DELETE ON albums BEGIN
    INSERT INTO albums_fts(albums_fts, rowid, title, overview)
    VALUES ('delete', old.id, old.title, old.overview);
END;

CREATE TRIGGER albums_au AFTER UPDATE ON albums BEGIN
    INSERT INTO albums_fts(albums_fts, rowid, title, overview)
    VALUES ('delete', old.id, old.title, old.overview);
    INSERT INTO albums_fts(rowid, title, overview)
    VALUES (new.id, new.title, new.overview);
END;

CREATE INDEX idx_albums_artist ON albums(artist_id);
CREATE INDEX idx_albums_status ON albums(status);

-- Tracks
CREATE TABLE tracks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    mbid TEXT,                            -- MusicBrainz recording ID
    album_id INTEGER NOT NULL REFERENCES albums(id) ON DELETE CASCADE,
    artist_id INTEGER REFERENCES artists(id), -- For tracks with different artists
    title TEXT NOT NULL,
    track_number INTEGER NOT NULL,
    disc_number INTEGER DEFAULT 1,
    duration_ms INTEGER,
    status TEXT NOT NULL DEFAULT 'missing'
        CHECK (status IN ('missing', 'searching', 'downloading', 'processing', 'available')),
    monitored INTEGER NOT NULL DEFAULT 1,
    file_path TEXT,
    file_size INTEGER,
    audio_format TEXT,                    -- flac, mp3, aac, etc.
    bitrate INTEGER,                      -- kbps
    sample_rate INTEGER,                  -- Hz
    bit_depth INTEGER,                    -- 16, 24, etc.
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE(album_id, disc_number, track_number)
);

CREATE INDEX idx_tracks_album ON tracks(album_id);
CREATE INDEX idx_tracks_artist ON tracks(artist_id);
CREATE INDEX idx_tracks_status ON tracks(status);

-- Indexers
CREATE TABLE indexers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    indexer_type TEXT NOT NULL,
    url TEXT NOT NULL,
    api_key TEXT,
    enabled INTEGER NOT NULL DEFAULT 1,
    priority INTEGER NOT NULL DEFAULT 50,
    categories TEXT,
    last_check TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

INSERT INTO indexers (name, indexer_type, url, priority, categories) VALUES
    ('1337x', 'public', 'https://1337x.to', 50, '["movies", "tv", "music"]'),
    ('EZTV', 'public', 'https://eztv.re', 60, '["tv"]'),
    ('YTS', 'public', 'https://yts.mx', 40, '["movies"]'),
    ('Rutracker', 'public', 'https://rutracker.org', 70, '["music"]');

-- Downloads
CREATE TABLE downloads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    info_hash TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL CHECK (media_type IN ('movie', 'episode', 'album', 'track')),
    media_id INTEGER NOT NULL,
    magnet TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('queued', 'downloading', 'seeding', 'processing', 'completed', 'failed', 'paused')),
    progress REAL NOT NULL DEFAULT 0,
    download_speed INTEGER DEFAULT 0,
    upload_speed INTEGER DEFAULT 0,
    size_bytes INTEGER,
    downloaded_bytes INTEGER DEFAULT 0,
    uploaded_bytes INTEGER DEFAULT 0,
    ratio REAL DEFAULT 0,
    peers INTEGER DEFAULT 0,
    error_message TEXT,
    added_at TEXT NOT NULL DEFAULT (datetime('now')),
    started_at TEXT,
    completed_at TEXT
);

CREATE INDEX idx_downloads_status ON downloads(status);
CREATE INDEX idx_downloads_media ON downloads(media_type, media_id);

-- Activity log
CREATE TABLE activity (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_type TEXT NOT NULL,
    message TEXT NOT NULL,
    media_type TEXT,
    media_id INTEGER,
    download_id INTEGER,
    user_id INTEGER REFERENCES users(id),
    metadata TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE INDEX idx_activity_type ON activity(event_type);
CREATE INDEX idx_activity_created ON activity(created_at);

-- Sessions
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT UNIQUE NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE INDEX idx_sessions_user ON sessions(user_id);
CREATE INDEX idx_sessions_expires ON sessions(expires_at);
