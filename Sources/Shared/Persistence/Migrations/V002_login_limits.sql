-- V002: failed-login bookkeeping for the login limiter. It lives in SQLite because responders are
-- stateless and share nothing else: every worker process sees the same counters.
CREATE TABLE login_failures (
    scope TEXT NOT NULL CHECK (scope IN ('user', 'address')),
    key TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    window_started_at REAL NOT NULL,   -- unix seconds of the first failure in the window
    PRIMARY KEY (scope, key)
) WITHOUT ROWID;
