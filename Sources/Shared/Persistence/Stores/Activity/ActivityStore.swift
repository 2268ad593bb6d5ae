import GRDB
import Core

/// One `activity` row as the admin's log shows it, with the acting user's name.
public struct ActivityEntry: Sendable, Equatable {
    public let id: Int64, eventType: String, message: String
    public let mediaType: String?, mediaID: Int64?, downloadID: Int64?
    public let userID: Int64?, username: String?
    /// SQLite time text (UTC).
    public let createdAt: String
}

/// Reads the `activity` log (rows are written by ActivityLog inside each change's transaction).
public struct ActivityStore: Sendable {
    let pool: DatabasePool

    /// Newest first; `type` filters by event type, `before` (an activity id) pages backwards.
    public func recent(type: ActivityType? = nil, before: Int64? = nil, limit: Int) throws -> [ActivityEntry] {
        var filters: [(String, any DatabaseValueConvertible)] = []
        if let type { filters.append(("a.event_type = ?", type.rawValue)) }
        if let before { filters.append(("a.id < ?", before)) }
        let whereSQL = filters.isEmpty ? "" : "WHERE " + filters.map(\.0).joined(separator: " AND ")
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.event_type, a.message, a.media_type, a.media_id, a.download_id, a.user_id, u.username, a.created_at
                FROM activity a LEFT JOIN users u ON u.id = a.user_id
                \(whereSQL) ORDER BY a.id DESC LIMIT ?
                """, arguments: StatementArguments(filters.map { $0.1 as (any DatabaseValueConvertible)? }) + [limit])
            .map { r in
                ActivityEntry(id: r[0], eventType: r[1], message: r[2], mediaType: r[3], mediaID: r[4], downloadID: r[5],
                              userID: r[6], username: r[7], createdAt: r[8])
            }
        }
    }
}

extension AppDatabase {
    public var activity: ActivityStore { ActivityStore(pool: pool) }
}
