-- Downloads become lcarsd's own: a manual add has no media item yet, and the daemon keeps what it
-- needs to restart a torrent without asking the network again (resume data, the .torrent itself),
-- per-download seeding limits, and why a torrent is paused.
-- SQLite cannot relax NOT NULL in place, so the table is rebuilt (no other table references it).
CREATE TABLE downloads_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    info_hash TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT CHECK (media_type IN ('movie', 'episode', 'album', 'track')),
    media_id INTEGER,
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
    completed_at TEXT,
    -- lcarsd's bookkeeping, not part of the API model
    save_path TEXT,
    seeds INTEGER DEFAULT 0,
    seeding_seconds INTEGER DEFAULT 0,
    eta_seconds INTEGER,
    seed_ratio_limit REAL,                 -- NULL = [torrent.seeding] ratio_limit
    seed_time_limit_hours REAL,            -- NULL = [torrent.seeding] time_limit_hours
    pause_reason TEXT CHECK (pause_reason IN ('user', 'vpn')),
    last_progress_at TEXT,                 -- when verified bytes last grew (stalled detection)
    resume_data BLOB,                      -- libtorrent's bencoded resume data, saved periodically
    torrent_file BLOB,                     -- the .torrent a manual add brought, if any
    CHECK ((media_type IS NULL) = (media_id IS NULL))
);

INSERT INTO downloads_v3 (id, info_hash, name, media_type, media_id, magnet, status, progress, download_speed,
                          upload_speed, size_bytes, downloaded_bytes, uploaded_bytes, ratio, peers, error_message,
                          added_at, started_at, completed_at)
SELECT id, info_hash, name, media_type, media_id, magnet, status, progress, download_speed,
       upload_speed, size_bytes, downloaded_bytes, uploaded_bytes, ratio, peers, error_message,
       added_at, started_at, completed_at
FROM downloads;

DROP TABLE downloads;
ALTER TABLE downloads_v3 RENAME TO downloads;
CREATE INDEX idx_downloads_status ON downloads(status);
CREATE INDEX idx_downloads_media ON downloads(media_type, media_id);

-- One-use tickets that let a browser open the event stream (EventSource cannot send headers,
-- and the long-lived login token must not appear in a URL). Only the SHA-256 is stored.
CREATE TABLE event_tickets (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
);
