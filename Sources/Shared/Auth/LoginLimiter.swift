import Foundation
import GRDB
import Config

/// Counts failed logins per username and per client address in a fixed window. Past the limit,
/// login answers 429 with the seconds left until the window ends, even for the right password,
/// so a guesser learns nothing. A successful login clears the username's count.
public struct LoginLimiter: Sendable {
    public let maxPerUser: Int
    public let maxPerAddress: Int
    public let window: TimeInterval

    public init(maxPerUser: Int, maxPerAddress: Int, window: TimeInterval) {
        self.maxPerUser = maxPerUser
        self.maxPerAddress = maxPerAddress
        self.window = window
    }

    public init(_ auth: LCARSConfig.Auth) {
        self.init(maxPerUser: auth.maxFailuresPerUser, maxPerAddress: auth.maxFailuresPerAddress,
                  window: TimeInterval(auth.failureWindowMinutes * 60))
    }

    private func keys(username: String, address: String) -> [(scope: String, key: String, limit: Int)] {
        var keys = [("user", username.lowercased(), maxPerUser)]
        if !address.isEmpty { keys.append(("address", address, maxPerAddress)) }
        return keys
    }

    /// Seconds to wait, or nil when a login attempt may go ahead.
    public func retryAfter(_ db: Database, username: String, address: String, now: Date = Date()) throws -> Int? {
        let t = now.timeIntervalSince1970
        var wait: TimeInterval = 0
        for k in keys(username: username, address: address) {
            let row = try Row.fetchOne(db, sql: "SELECT failures, window_started_at FROM login_failures WHERE scope = ? AND key = ?",
                                       arguments: [k.scope, k.key])
            guard let row else { continue }
            let failures: Int = row["failures"]
            let started: Double = row["window_started_at"]
            if failures >= k.limit, t - started < window { wait = max(wait, started + window - t) }
        }
        return wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
    }

    public func recordFailure(_ db: Database, username: String, address: String, now: Date = Date()) throws {
        let t = now.timeIntervalSince1970
        for k in keys(username: username, address: address) {
            // A window that has run out starts again at this failure.
            try db.execute(sql: """
                INSERT INTO login_failures (scope, key, failures, window_started_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (scope, key) DO UPDATE SET
                  failures = CASE WHEN ? - window_started_at >= ? THEN 1 ELSE failures + 1 END,
                  window_started_at = CASE WHEN ? - window_started_at >= ? THEN ? ELSE window_started_at END
                """, arguments: [k.scope, k.key, t, t, window, t, window, t])
        }
    }

    public func recordSuccess(_ db: Database, username: String) throws {
        try db.execute(sql: "DELETE FROM login_failures WHERE scope = 'user' AND key = ?", arguments: [username.lowercased()])
    }
}
