import Foundation
import GRDB
import Core

/// The dashboard's read of the library (`GET /api/library/summary`): counts per kind and status
/// and the newest additions. Read-only, one snapshot, so the counts agree with each other.
extension MediaStatusStore {
    /// Kinds in the order the API lists them, with the table each is counted in.
    static let summaryKinds: [(kind: String, table: String)] = [
        ("movies", "movies"), ("shows", "tv_shows"), ("episodes", "episodes"),
        ("artists", "artists"), ("albums", "albums"), ("tracks", "tracks"),
    ]

    /// `recentLimit`: how many additions (movies, shows and artists together, newest first).
    public func librarySummary(recentLimit: Int) throws -> LibrarySummary {
        try pool.read { db in
            let counts = try Self.summaryKinds.map { try Self.kindCount(db, kind: $0.kind, table: $0.table) }
            return LibrarySummary(counts: counts, recent: try Self.recentAdditions(db, limit: max(0, recentLimit)))
        }
    }

    /// Artists have no status column: their total only.
    static func kindCount(_ db: Database, kind: String, table: String) throws -> LibrarySummary.KindCount {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        guard table != "artists" else { return .init(kind: kind, total: total, byStatus: [:]) }
        let rows = try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM \(table) GROUP BY status")
        let byStatus = Dictionary(uniqueKeysWithValues: rows.map { (row: Row) -> (String, Int) in (row["status"], row["n"]) })
        return .init(kind: kind, total: total, byStatus: byStatus)
    }

    /// Newest first across the three tables; ties (same second) by the larger id.
    static func recentAdditions(_ db: Database, limit: Int) throws -> [LibrarySummary.Addition] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM (
                SELECT 'movie' AS type, id, title, added_at, poster_path AS image FROM movies
                UNION ALL SELECT 'tv', id, title, added_at, poster_path FROM tv_shows
                UNION ALL SELECT 'artist', id, name, added_at, image_path FROM artists)
            ORDER BY added_at DESC, id DESC LIMIT ?
            """, arguments: [limit])
        return rows.map { .init(type: $0["type"], id: $0["id"], title: $0["title"], addedAt: $0["added_at"], image: $0["image"]) }
    }
}
