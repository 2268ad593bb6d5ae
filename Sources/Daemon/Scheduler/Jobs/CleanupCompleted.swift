import Foundation
import Core
import Persistence

/// The `cleanup_completed` job: finished downloads (the seeding policy met, the torrent out of the
/// session) go, with their files in the download directory, once nothing needs those files — the
/// download was for no item, or its item is imported (`available` / `partial`: the library holds
/// its own hardlink or copy). A download whose item still waits for its import keeps its row and
/// files. Items processed = downloads cleaned; any refusal makes the run `failed` with the reasons.
struct CleanupCompleted: Sendable {
    let store: DownloadStore
    let downloads: DownloadManager

    static let reasonsShown = 3

    func run(_ run: JobRun) throws -> Int {
        let rows = try store.cleanable()
        var cleaned = 0
        var reasons: [String] = []
        for row in rows {
            if run.isStopping { throw JobRun.Stopped() }
            guard let id = row.id else { continue }
            do {
                try downloads.owner.sync { try downloads.cleanUp(id) }
                cleaned += 1
            } catch let error as DomainError where error.kind == .notFound {
                continue   // removed since the list was read: nothing left to clean
            } catch {
                reasons.append("\(row.label) (\(row.name)): \(Scheduler.message(error))")
            }
            run.progress(items: cleaned, total: rows.count)
        }
        guard reasons.isEmpty else {
            let shown = reasons.prefix(Self.reasonsShown).joined(separator: "; ")
            throw JobRun.Failed(items: cleaned, description: "\(reasons.count) of \(rows.count) cleanups failed: \(shown)")
        }
        return cleaned
    }
}
