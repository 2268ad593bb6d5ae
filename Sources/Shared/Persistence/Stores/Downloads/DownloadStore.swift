import Foundation
import GRDB
import Core

/// The owner of `downloads`: reads for both processes, and lcarsd's writes (DownloadStore+Writes)
/// with the activity rows they cause. Responders only read this table; every change goes
/// through lcarsd.
public struct DownloadStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// What the once-a-second sync writes: everything that moves, nothing the user set.
    public static let liveColumns = [
        "name", "status", "progress", "download_speed", "upload_speed", "size_bytes", "downloaded_bytes",
        "uploaded_bytes", "ratio", "peers", "seeds", "seeding_seconds", "eta_seconds", "error_message",
        "started_at", "completed_at", "pause_reason", "last_progress_at",
    ]

    public func find(id: Int64, withBlobs: Bool = false) throws -> DownloadRecord? {
        try pool.read { try Self.fetch($0, id: id, withBlobs: withBlobs) }
    }

    /// The row, or the one 404 text for a download.
    public func existing(id: Int64, withBlobs: Bool = false) throws -> DownloadRecord {
        guard let record = try find(id: id, withBlobs: withBlobs) else { throw Self.notFound(id) }
        return record
    }

    public func find(infoHash: String) throws -> DownloadRecord? {
        try pool.read { try DownloadRecord.select(DownloadRecord.viewColumns).filter(Column("info_hash") == infoHash).fetchOne($0) }
    }

    public func list(status: DownloadStatus? = nil) throws -> [DownloadRecord] {
        try list(statuses: status.map { [$0] })
    }

    /// Rows with one of `statuses` (all rows for nil), oldest first.
    public func list(statuses: [DownloadStatus]?) throws -> [DownloadRecord] {
        try pool.read { db in
            var request = DownloadRecord.select(DownloadRecord.viewColumns).order(Column("id"))
            if let statuses { request = request.filter(statuses.map(\.rawValue).contains(Column("status"))) }
            return try request.fetchAll(db)
        }
    }

    /// Rows with this status (all for nil), newest first, as the API lists them.
    public func newestFirst(status: DownloadStatus? = nil) throws -> [DownloadRecord] {
        try pool.read { db in
            var request = DownloadRecord.select(DownloadRecord.viewColumns).order(Column("id").desc)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// Rows whose torrent belongs in the session, with resume data and .torrent bytes for re-adding.
    public func inSessionWithBlobs() throws -> [DownloadRecord] {
        try pool.read { try DownloadRecord.filter(DownloadStatus.inSession.map(\.rawValue).contains(Column("status"))).order(Column("id")).fetchAll($0) }
    }

    /// Active/queued/seeding counts from the rows (the responders' answer when lcarsd cannot be asked).
    public func counts() throws -> DownloadCounts {
        try pool.read { db in
            let statuses = try String.fetchAll(db, sql: "SELECT status FROM downloads WHERE status IN ('downloading', 'queued', 'seeding')")
            return DownloadCounts(statuses: statuses.compactMap(DownloadStatus.init(rawValue:)))
        }
    }

    /// Whether the media item a download is for exists (a manual add may name none).
    public func mediaExists(_ media: MediaReference) throws -> Bool {
        try pool.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM \(media.table) WHERE id = ?)", arguments: [media.id]) ?? false }
    }

    /// The status of the item a download brings, read back after a change of the download moved it
    /// (a failure sends it back to missing, a retry to downloading); nil when none is linked or it is gone.
    public func itemStatus(of media: MediaReference) throws -> MediaStatus? {
        try pool.read { db in try? MediaStatusStore.status(of: media, in: db) }
    }

    /// The activity lines written about one download, oldest first (what happened to it, and when).
    public func history(of id: Int64) throws -> [(type: ActivityType, message: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT event_type, message FROM activity WHERE download_id = ? ORDER BY id", arguments: [id])
                .compactMap { row in ActivityType(rawValue: row[0]).map { ($0, row[1]) } }
        }
    }

    static func fetch(_ db: Database, id: Int64, withBlobs: Bool) throws -> DownloadRecord? {
        withBlobs ? try DownloadRecord.fetchOne(db, key: id)
            : try DownloadRecord.select(DownloadRecord.viewColumns).filter(Column("id") == id).fetchOne(db)
    }

    static func notFound(_ id: Int64) -> DomainError { .notFound("download \(id) does not exist") }
}

extension AppDatabase {
    /// The `downloads` table's store.
    public var downloads: DownloadStore { DownloadStore(pool: pool) }
}
