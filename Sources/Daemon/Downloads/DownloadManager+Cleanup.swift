import Foundation
import Core
import Persistence

/// `cleanup_completed`'s part on the manager's queue: a finished download goes with its seeding
/// copy. The library keeps its own hardlink or copy, so only the download directory's names go.
extension DownloadManager {
    /// Deletes a completed download's files (the same checked path as `remove`), then its row with a
    /// `download_cleaned` line, and publishes `download:removed`. A refusal (files that would be
    /// deleted outside `torrent.download_dir`) throws and leaves the row and every file as they were.
    func cleanUp(_ id: Int64) throws {
        owner.assertOnQueue()
        let record = try store.existing(id: id, withBlobs: true)
        guard record.status == .completed else {
            throw DomainError.conflict("\(record.label) is \(record.status.rawValue); only completed downloads are cleaned up")
        }
        // Without resume data or the .torrent, libtorrent cannot be told which files are its: the
        // row stays rather than leave its files behind unnamed.
        guard try takeOutOfSession(record, deletingFiles: true) else {
            throw DomainError.conflict("\(record.label) kept neither resume data nor its .torrent, so its files cannot be found; "
                                       + "delete \(record.savePath ?? config.downloadDir)/\(record.name) by hand, then DELETE /api/downloads/\(id)")
        }
        try store.recordCleaned(id)
        hub.publish(.removed(id: id))
    }
}
