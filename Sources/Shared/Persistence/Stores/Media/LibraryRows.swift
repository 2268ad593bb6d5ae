import GRDB
import Core

/// The writes movies, shows, artists and albums share, each inside the caller's transaction.
enum LibraryRows {
    /// Sets `monitored` and/or `quality_limit` (nil: unchanged); 404 when the row does not exist.
    static func update(_ db: Database, _ kind: MediaKind, id: Int64, monitored: Bool?, qualityLimit: String?) throws {
        try db.execute(sql: """
            UPDATE \(kind.table) SET monitored = COALESCE(?, monitored), quality_limit = COALESCE(?, quality_limit),
                   updated_at = datetime('now') WHERE id = ?
            """, arguments: [monitored, qualityLimit, id])
        guard db.changesCount > 0 else { throw DomainError.notFound(kind, id: id) }
    }

    /// Deletes the row (children cascade) and writes the `<kind>_deleted` activity; returns the file
    /// paths the row and its children pointed at (`filesSQL` selects them, one `?` = id).
    static func delete(_ db: Database, _ kind: MediaKind, id: Int64, nameColumn: String, filesSQL: String,
                       removingFiles: Bool, by userID: Int64?) throws -> [String] {
        guard let name = try String.fetchOne(db, sql: "SELECT \(nameColumn) FROM \(kind.table) WHERE id = ?", arguments: [id]) else {
            throw DomainError.notFound(kind, id: id)
        }
        let paths = try String.fetchAll(db, sql: filesSQL, arguments: [id])
        try db.execute(sql: "DELETE FROM \(kind.table) WHERE id = ?", arguments: [id])
        if let type = ActivityType.deleted(kind) {
            let suffix = removingFiles ? " and its files" : ""
            try ActivityLog.record(db, type, "Deleted \(kind.label) \(name)\(suffix)", media: MediaReference(type: kind, id: id), userID: userID)
        }
        return paths
    }

    /// Library ids by outside id (TMDB id or MBID, as text) for the given outside ids.
    static func ids(_ db: Database, _ kind: MediaKind, column: String, keys: [String]) throws -> [String: Int64] {
        guard !keys.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: "SELECT CAST(\(column) AS TEXT), id FROM \(kind.table) WHERE \(column) IN (\(marks))",
                                    arguments: StatementArguments(keys))
        return Dictionary(rows.map { ($0[0] as String, $0[1] as Int64) }, uniquingKeysWith: { first, _ in first })
    }
}
