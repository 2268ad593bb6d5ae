-- V005: release search state.
-- blocklist: releases that must never be grabbed again (marked bad by an admin, later: failed
-- downloads). Matched by info hash when known, else by exact release title.
CREATE TABLE blocklist (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    info_hash TEXT CHECK (info_hash IS NULL OR (length(info_hash) = 40 AND info_hash NOT GLOB '*[^0-9a-f]*')),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
    indexer TEXT,
    media_type TEXT CHECK (media_type IS NULL OR media_type IN ('movie', 'episode', 'album', 'track')),
    media_id INTEGER,
    reason TEXT NOT NULL,
    added_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE UNIQUE INDEX idx_blocklist_info_hash ON blocklist(info_hash) WHERE info_hash IS NOT NULL;
CREATE INDEX idx_blocklist_title ON blocklist(title);

-- release_cache: ranked search results kept server-side for a while, so a release_id returned
-- by one responder can be downloaded through any other (responders hold no state).
CREATE TABLE release_cache (
    id TEXT PRIMARY KEY,                  -- the release_id clients send back (random, 32 hex)
    payload TEXT NOT NULL,                -- the RankedRelease as JSON
    media_type TEXT,
    media_id INTEGER,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX idx_release_cache_expires_at ON release_cache(expires_at);
