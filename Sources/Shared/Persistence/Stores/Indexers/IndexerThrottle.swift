import Foundation
import GRDB

/// The per-indexer minimum interval, shared by every process through the database: a request
/// reserves the next free slot (`indexers.next_request_at`) in one write transaction, then waits
/// for it. Reserving is atomic, so two responders never take the same slot.
public struct IndexerThrottle: Sendable {
    let pool: DatabasePool
    public let interval: TimeInterval

    public init(pool: DatabasePool, interval: TimeInterval) {
        self.pool = pool
        self.interval = interval
    }

    /// Reserves a slot for the indexer and returns when it starts (now, or later). A slot further
    /// away than `within` is not taken: nil, and nothing changes.
    /// Async: the task waits for SQLite's lock without holding the thread it runs on.
    public func reserve(indexerID: Int64, within: TimeInterval, now: Date = Date()) async throws -> Date? {
        guard interval > 0 else { return now }
        let current = now.timeIntervalSince1970, interval = self.interval
        return try await pool.write { db -> Date? in
            let next = try Double.fetchOne(db, sql: "SELECT next_request_at FROM indexers WHERE id = ?", arguments: [indexerID]) ?? 0
            let slot = max(current, next)
            guard slot - current <= within else { return nil }
            try db.execute(sql: "UPDATE indexers SET next_request_at = ? WHERE id = ?", arguments: [slot + interval, indexerID])
            return Date(timeIntervalSince1970: slot)
        }
    }

    /// Seconds until the indexer's next free slot (0 when it may be asked now).
    public func wait(indexerID: Int64, now: Date = Date()) async throws -> TimeInterval {
        let next = try await pool.read { try Double.fetchOne($0, sql: "SELECT next_request_at FROM indexers WHERE id = ?", arguments: [indexerID]) } ?? 0
        return max(0, next - now.timeIntervalSince1970)
    }
}

extension AppDatabase {
    /// The shared minimum interval between two requests to one indexer.
    public func indexerThrottle(interval: TimeInterval) -> IndexerThrottle { IndexerThrottle(pool: pool, interval: interval) }
}
