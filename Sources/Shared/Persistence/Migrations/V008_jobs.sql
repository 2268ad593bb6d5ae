-- V008: jobs, one row per run of a scheduled job (lcarsd's scheduler; docs/api.md "Jobs").
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    items INTEGER NOT NULL DEFAULT 0 CHECK (items >= 0),
    error TEXT,
    CHECK ((status = 'running') = (finished_at IS NULL))
);
CREATE INDEX idx_jobs_name ON jobs(name, id);
CREATE INDEX idx_jobs_running ON jobs(status) WHERE status = 'running';
