import Foundation
import GRDB
import Core

/// The owner of `downloads`: reads, and lcarsd's writes with the activity rows they cause.
/// Responders only read this table; every change goes through lcarsd.
public struct DownloadStore: Sendable {
    let db: DatabasePool

    public init(db: DatabasePool) { self.db = db }

    /// What the once-a-second sync writes: everything that moves, nothing the user set.
    public static let liveColumns = [
        "name", "status", "progress", "download_speed", "upload_speed", "size_bytes", "downloaded_bytes",
        "uploaded_bytes", "ratio", "peers", "seeds", "seeding_seconds", "eta_seconds", "error_message",
        "started_at", "completed_at", "pause_reason", "last_progress_at",
    ]

    public func find(id: Int64, withBlobs: Bool = false) throws -> DownloadRecord? {
        try db.read { db in
            withBlobs ? try DownloadRecord.fetchOne(db, key: id)
                : try DownloadRecord.select(DownloadRecord.viewColumns).filter(Column("id") == id).fetchOne(db)
        }
    }

    public func find(infoHash: String) throws -> DownloadRecord? {
        try db.read { try DownloadRecord.select(DownloadRecord.viewColumns).filter(Column("info_hash") == infoHash).fetchOne($0) }
    }

    public func list(status: DownloadStatus? = nil) throws -> [DownloadRecord] {
        try list(statuses: status.map { [$0] })
    }

    /// Rows with one of `statuses` (all rows for nil), oldest first.
    public func list(statuses: [DownloadStatus]?) throws -> [DownloadRecord] {
        try db.read { db in
            var request = DownloadRecord.select(DownloadRecord.viewColumns).order(Column("id"))
            if let statuses { request = request.filter(statuses.map(\.rawValue).contains(Column("status"))) }
            return try request.fetchAll(db)
        }
    }

    /// Rows whose torrent belongs in the session, with resume data and .torrent bytes for re-adding.
    public func inSessionWithBlobs() throws -> [DownloadRecord] {
        try db.read { try DownloadRecord.filter(DownloadStatus.inSession.map(\.rawValue).contains(Column("status"))).order(Column("id")).fetchAll($0) }
    }

    public func insert(_ record: DownloadRecord, activity: String, userID: Int64? = nil) throws -> DownloadRecord {
        try db.write { db in
            var record = record
            try record.insert(db)
            try Self.log(db, .downloadAdded, activity, record, userID: userID)
            return record
        }
    }

    public func delete(_ record: DownloadRecord, activity: String) throws {
        try db.write { db in
            _ = try DownloadRecord.deleteOne(db, key: record.id)
            try Self.log(db, .downloadRemoved, activity, record, userID: nil)
        }
    }

    /// Writes the live columns of many rows in one transaction (one fsync for the whole tick).
    public func saveLive(_ records: [DownloadRecord], events: [(type: ActivityType, message: String, record: DownloadRecord)] = []) throws {
        guard !records.isEmpty || !events.isEmpty else { return }
        try db.write { db in
            for record in records { try record.update(db, columns: Self.liveColumns) }
            for event in events { try Self.log(db, event.type, event.message, event.record, userID: nil) }
        }
    }

    public func saveResumeData(infoHash: String, data: Data) throws {
        try db.write { try $0.execute(sql: "UPDATE downloads SET resume_data = ? WHERE info_hash = ?", arguments: [data, infoHash]) }
    }

    public func counts() throws -> DownloadCounts {
        try db.read(DownloadCounts.read)
    }

    /// Whether the media item a download is for exists (a manual add may name none).
    public func mediaExists(_ media: MediaReference) throws -> Bool {
        try db.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM \(media.table) WHERE id = ?)", arguments: [media.id]) ?? false }
    }

    private static func log(_ db: Database, _ type: ActivityType, _ message: String, _ record: DownloadRecord, userID: Int64?) throws {
        let media = record.mediaType.flatMap { type in record.mediaId.map { MediaReference(type: type, id: $0) } }
        try ActivityLog.record(db, type, message, media: media, downloadID: record.id, userID: userID)
    }
}
