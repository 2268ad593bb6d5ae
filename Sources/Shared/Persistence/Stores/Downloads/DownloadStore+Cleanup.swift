import Foundation
import GRDB
import Core

/// What `cleanup_completed` reads and writes: finished downloads (`completed`: the seeding policy
/// was met and the torrent left the session) whose files nobody needs any more, and their removal.
extension DownloadStore {
    /// The media statuses that mean "placed in the library": the library copy is a hardlink or a
    /// copy of the download's files, so deleting the download's files leaves it intact.
    static let importedStatuses = [MediaStatus.available, .partial].map(\.rawValue)

    /// Completed downloads that may go with their files, oldest first: those whose item is imported.
    /// A download linked to no item (added by hand) is the user's only copy, and one whose item was
    /// deleted may be what the user kept instead: both stay, as qBittorrent keeps finished torrents.
    /// A completed download whose item is still waiting for its import (or whose import failed)
    /// is not listed either: the import needs its files.
    public func cleanable() throws -> [DownloadRecord] {
        let itemStatus = MediaKind.downloadable.map { kind in
            "WHEN '\(kind.rawValue)' THEN (SELECT status FROM \(kind.table) WHERE id = downloads.media_id)"
        }.joined(separator: " ")
        let imported = Self.importedStatuses.map { "'\($0)'" }.joined(separator: ", ")
        return try pool.read { db in
            try DownloadRecord.select(DownloadRecord.viewColumns)
                .filter(Column("status") == DownloadStatus.completed.rawValue)
                .filter(sql: "media_type IS NOT NULL AND (CASE media_type \(itemStatus) END) IN (\(imported))")
                .order(Column("id"))
                .fetchAll(db)
        }
    }

    /// A finished download cleaned up (its files deleted): the row is gone, with its
    /// `download_cleaned` line (which keeps the download's id). Only a `completed` row is cleaned; anything else is a conflict.
    public func recordCleaned(_ id: Int64) throws {
        try pool.write { db in
            guard let record = try Self.fetch(db, id: id, withBlobs: false) else { throw Self.notFound(id) }
            guard record.status == .completed else {
                throw DomainError.conflict("\(record.label) is \(record.status.rawValue); only completed downloads are cleaned up")
            }
            _ = try DownloadRecord.deleteOne(db, key: id)
            try Self.log(db, DownloadActivity(.downloadCleaned, "Cleaned up \(record.name): seeding done, download files deleted", record),
                         userID: nil)
        }
    }
}
