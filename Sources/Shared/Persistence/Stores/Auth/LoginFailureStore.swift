import Foundation
import GRDB

extension AppDatabase {
    /// The failed-login counters (`login_failures`).
    public var loginFailures: LoginFailureStore { LoginFailureStore(pool: pool) }
}

/// The owner of `login_failures`: per key, the failures counted in a fixed window that starts at
/// the first failure. It lives in SQLite because responders share nothing else. The limits are
/// Auth's `LoginLimiter`'s business; this only counts.
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

    /// Counts one failed login against every key, in one transaction. A window that has run out
    /// (`window` seconds after its first failure) starts again at this failure, and rows whose window
    /// ran out are deleted here: they no longer limit anyone, and nothing else would ever remove them.
    public func recordFailedLogin(_ keys: [LoginFailureKey], window: TimeInterval, now: Date = Date()) throws {
        let t = now.timeIntervalSince1970
        try pool.write { db in
            try db.execute(sql: "DELETE FROM login_failures WHERE window_started_at <= ?", arguments: [t - window])
            for key in keys {
                try db.execute(sql: """
                    INSERT INTO login_failures (scope, key, failures, window_started_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT (scope, key) DO UPDATE SET
                      failures = CASE WHEN ? - window_started_at >= ? THEN 1 ELSE failures + 1 END,
                      window_started_at = CASE WHEN ? - window_started_at >= ? THEN ? ELSE window_started_at END
                    """, arguments: [key.scope.rawValue, key.key, t, t, window, t, window, t])
            }
        }
    }

    /// Forgets a username's failures (after a successful login). Its address counter stays.
    public func clearFailures(username: String) throws {
        let key = LoginFailureKey.user(username)
        try pool.write {
            try $0.execute(sql: "DELETE FROM login_failures WHERE scope = ? AND key = ?", arguments: [key.scope.rawValue, key.key])
        }
    }
}
