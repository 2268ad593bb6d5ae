-- V006: what release search needs of an indexer beyond the spec's columns.
-- username/password: sites that log in (Rutracker); never returned by the API.
-- next_request_at: the earliest time (unix seconds) the next request may go to this indexer, so the
-- per-indexer minimum interval holds across every responder and lcarsd.
ALTER TABLE indexers ADD COLUMN username TEXT;
ALTER TABLE indexers ADD COLUMN password TEXT;
ALTER TABLE indexers ADD COLUMN next_request_at REAL NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX idx_indexers_name ON indexers(name COLLATE NOCASE);
