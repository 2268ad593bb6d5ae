import Foundation
import GRDB
import Core

/// The blocklist's side of a download's failure and retry, run inside DownloadStore's
/// transaction so the entry exists exactly when the failure does.
extension BlocklistStore {
    /// A failed download's release: listed by its info hash and name with the failure's reason
    /// (once: a hash already listed keeps its entry). Returns whether an entry was added.
    @discardableResult
    public static func listFailed(_ db: Database, _ download: DownloadRecord, reason: String) throws -> Bool {
        let hash = download.infoHash.lowercased()
        guard try BlocklistEntry.filter(Column("info_hash") == hash).fetchCount(db) == 0 else { return false }
        var entry = BlocklistEntry(infoHash: hash, title: String(download.name.prefix(1000)), mediaType: download.mediaType?.rawValue,
                                   mediaId: download.mediaId, reason: String("download failed: \(reason)".prefix(500)))
        try entry.insert(db)
        return true
    }

    /// Retrying a download on purpose allows its release again: its hash's entries go.
    /// Returns how many were removed.
    @discardableResult
    public static func unlist(_ db: Database, infoHash: String) throws -> Int {
        try BlocklistEntry.filter(Column("info_hash") == infoHash.lowercased()).deleteAll(db)
    }
}
