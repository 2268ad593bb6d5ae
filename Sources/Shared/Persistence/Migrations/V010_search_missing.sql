-- V010: when search_missing last searched an item, so each bounded run takes the least recently
-- searched first (NULL = never searched, first of all) and a long wanted list is covered over runs.
ALTER TABLE movies ADD COLUMN last_searched_at TEXT;
ALTER TABLE episodes ADD COLUMN last_searched_at TEXT;
ALTER TABLE albums ADD COLUMN last_searched_at TEXT;
CREATE INDEX idx_movies_search ON movies(status, last_searched_at, id);
CREATE INDEX idx_episodes_search ON episodes(status, last_searched_at, id);
CREATE INDEX idx_albums_search ON albums(status, last_searched_at, id);
