import Foundation
import Core
import Persistence

/// What post-processing asks of the download manager, on its queue.
extension DownloadManager {
    /// The download's files were refused by post-processing: the torrent leaves the session (its
    /// files stay for inspection) and the row fails with the reason (`DownloadStore.markFailed`).
    /// `cannotFail` runs when the row can no longer fail (its seeding already ended).
    func failImport(_ id: Int64, reason: String, cannotFail: @escaping @Sendable () -> Void) {
        owner.submit { [self] in
            guard let record = try? store.find(id: id) else { return }
            if record.status.isInSession { removeFromSession(record.infoHash) }
            do {
                let failed = try store.markFailed(id, reason: reason)
                hub.publish(.status(failed))
                publishItemStatus(of: failed)   // back to missing: the next search_missing run grabs another
                publishSystemStatusIfChanged()
            } catch {
                logger.error("cannot mark the download failed", metadata: ["download": "\(id)", "error": "\(error)"])
                cannotFail()
            }
        }
    }
}
