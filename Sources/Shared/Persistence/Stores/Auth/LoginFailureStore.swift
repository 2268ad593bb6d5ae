import Foundation
import GRDB

extension AppDatabase {
    /// The failed-login counters (`login_failures`).
    public var loginFailures: LoginFailureStore { LoginFailureStore(pool: pool) }
}

/// The owner of `login_failures`: per key, the failures counted in its window. It lives in SQLite
/// because responders share nothing else. The delays and limits are Auth's `LoginLimiter`'s
/// business; this only counts.
///
/// An address's window is fixed: it starts at the first failure and the count starts over once
/// it has run out. A name+address pair's window slides: each failure starts it again and keeps
/// the count, so a guesser who keeps going stays at the longest delay, and the count is
/// forgotten `window` seconds after the pair's last failure.
public struct LoginFailureStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The counters of `keys` that exist (a key without failures has no row).
    public func counts(for keys: [LoginFailureKey]) throws -> [LoginFailureRecord] {
        try pool.read { db in
            try keys.compactMap { key in
                try LoginFailureRecord.fetchOne(db, sql: """
                    SELECT \(LoginFailureRecord.columns) FROM login_failures WHERE scope = ? AND key = ?
                    """, arguments: [key.scope.rawValue, key.key])
            }
        }
    }

    /// Counts one failed login against every key, in one transaction. Rows whose window ran out
    /// (`window` seconds after it started) are deleted here first: they no longer limit anyone,
    /// and nothing else would ever remove them.
    public func recordFailedLogin(_ keys: [LoginFailureKey], window: TimeInterval, now: Date = Date()) throws {
        let t = now.timeIntervalSince1970
        try pool.write { db in
            try db.execute(sql: "DELETE FROM login_failures WHERE window_started_at <= ?", arguments: [t - window])
            for key in keys {
                // A fixed window keeps its start; a sliding one starts again at this failure.
                let start = key.scope == .address ? "window_started_at" : "excluded.window_started_at"
                try db.execute(sql: """
                    INSERT INTO login_failures (scope, key, failures, window_started_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT (scope, key) DO UPDATE SET
                      failures = CASE WHEN ? - window_started_at >= ? THEN 1 ELSE failures + 1 END,
                      window_started_at = CASE WHEN ? - window_started_at >= ? THEN ? ELSE \(start) END
                    """, arguments: [key.scope.rawValue, key.key, t, t, window, t, window, t])
            }
        }
    }

    /// Forgets one key's failures (a pair's, after a successful login). The address counter stays.
    public func clearFailures(_ key: LoginFailureKey) throws {
        try pool.write {
            try $0.execute(sql: "DELETE FROM login_failures WHERE scope = ? AND key = ?", arguments: [key.scope.rawValue, key.key])
        }
    }
}
