-- V007: v2-only torrents are keyed by their full v2 info hash (64 hex digits; v1 and hybrid
-- torrents by their v1 hash, 40), so the blocklist takes either length. SQLite cannot alter a
-- CHECK constraint: the table is rebuilt with its rows, indexes and ids.
CREATE TABLE blocklist_v7 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    info_hash TEXT CHECK (info_hash IS NULL OR (length(info_hash) IN (40, 64) AND info_hash NOT GLOB '*[^0-9a-f]*')),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
    indexer TEXT,
    media_type TEXT CHECK (media_type IS NULL OR media_type IN ('movie', 'episode', 'album', 'track')),
    media_id INTEGER,
    reason TEXT NOT NULL,
    added_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
INSERT INTO blocklist_v7 (id, info_hash, title, indexer, media_type, media_id, reason, added_by, created_at)
SELECT id, info_hash, title, indexer, media_type, media_id, reason, added_by, created_at FROM blocklist;
DROP TABLE blocklist;
ALTER TABLE blocklist_v7 RENAME TO blocklist;
CREATE UNIQUE INDEX idx_blocklist_info_hash ON blocklist(info_hash) WHERE info_hash IS NOT NULL;
CREATE INDEX idx_blocklist_title ON blocklist(title);
