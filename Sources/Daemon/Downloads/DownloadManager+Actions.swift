import Foundation
import TorrentEngine
import Control
import Core
import Persistence

/// What the control socket asks of the manager (docs/ipc.md), run on the manager's queue.
/// Failures are `DomainError`s; ControlErrorCode maps them onto the wire codes in one place.
/// Nothing is half-done on failure: libtorrent is asked first, the row written last.
extension DownloadManager {
    typealias Code = ControlErrorCode

    func add(_ args: DownloadCommand.AddArgs, userID: Int64? = nil) throws -> DownloadView {
        owner.assertOnQueue()
        let (source, torrentBytes) = try Self.source(of: args)
        let descriptor = try Self.inspect(source)
        try Self.checkLimits(args)
        if let media = args.media, !(try store.mediaExists(media)) {
            throw DomainError.notFound("\(media.type.rawValue) \(media.id) does not exist; add it to the library first")
        }
        if let existing = try store.find(infoHash: descriptor.infoHash) {
            throw DomainError.conflict("this torrent is already download \(existing.id ?? 0) (\(existing.name))",
                                       code: Code.duplicate.rawValue, existingID: existing.id,
                                       details: try JSONValue(encoding: DownloadView(existing)))
        }
        var record = DownloadRecord(infoHash: descriptor.infoHash, name: descriptor.name ?? descriptor.infoHash,
                                    magnet: descriptor.magnet, media: args.media, savePath: config.downloadDir,
                                    sizeBytes: descriptor.totalSize, torrentFile: torrentBytes)
        record.seedRatioLimit = args.seed_ratio_limit
        record.seedTimeLimitHours = args.seed_time_limit_hours
        if vpnDown { try record.pause(by: .vpn, note: killSwitch.downReason) }
        do { try addToSession(record) }
        catch { throw DomainError.badRequest("libtorrent refused the torrent: \(error)", code: Code.invalidTorrent.rawValue) }
        do { record = try store.recordAdded(record, by: userID) }
        catch { removeFromSession(record.infoHash); throw error }
        let view = DownloadView(record)
        hub.publish(.added(view))
        publishSystemStatusIfChanged()
        return view
    }

    func list(status: DownloadStatus?) throws -> [DownloadView] {
        try store.list(status: status).map(DownloadView.init)
    }

    func get(_ id: Int64) throws -> DownloadView { DownloadView(try store.existing(id: id)) }

    func files(_ id: Int64) throws -> [DownloadCommand.FileView] {
        let record = try store.existing(id: id)
        guard record.status.isInSession else {
            throw DomainError.conflict("download \(id) is \(record.status.rawValue) and no longer in the torrent session")
        }
        return engine.files(record.infoHash).map {
            DownloadCommand.FileView(index: $0.index, path: $0.path, size_bytes: $0.size, downloaded_bytes: $0.bytesDone)
        }
    }

    /// Paused by the user (idempotent); a download held by the VPN becomes paused by the user.
    func pause(_ id: Int64) throws -> DownloadView {
        let record = try inSession(id)
        guard record.pauseReason != .user else { return DownloadView(record) }
        try libtorrent { try engine.pause(record.infoHash) }
        engine.requestResumeData(record.infoHash)
        return changed(from: record, to: try store.markPaused(id, by: .user))
    }

    /// A user-paused download goes back to `queued`, or stays held while the VPN is down.
    func resume(_ id: Int64) throws -> DownloadView {
        let record = try inSession(id)
        guard record.status == .paused, record.pauseReason == .user else { return DownloadView(record) }
        try libtorrent { try engine.resume(record.infoHash) }
        let resumed = vpnDown ? try store.markPaused(id, by: .vpn, note: killSwitch.downReason) : try store.markResumed(id)
        return changed(from: record, to: resumed)
    }

    /// A failed download goes back into the session from what it kept (resume data, the .torrent
    /// or the magnet); pieces on disk are verified, not fetched again.
    func retry(_ id: Int64) throws -> DownloadView {
        var record = try store.existing(id: id, withBlobs: true)
        guard record.status == .failed else {
            throw DomainError.conflict("download \(id) is \(record.status.rawValue); only failed downloads can be retried")
        }
        // Left the session without saving: its resume data is as old as the last periodic save.
        if let checked = resumeDataCheckedAgainstFiles(record) { record.resumeData = checked }
        do { try addToSession(record, paused: false) }
        catch { throw DomainError.conflict("libtorrent refused the torrent again: \(error)") }
        return changed(from: record, to: try store.markRetried(id, heldBy: vpnDown ? killSwitch.downReason : nil))
    }

    /// Removes the download; with `deleteFiles` libtorrent deletes exactly the torrent's files.
    func remove(_ id: Int64, deleteFiles: Bool) throws -> DownloadCommand.RemoveResult {
        let record = try store.existing(id: id, withBlobs: true)
        let deleted = try takeOutOfSession(record, deletingFiles: deleteFiles)
        try store.recordRemoved(id, deletedFiles: deleted)
        hub.publish(.removed(id: id))
        publishSystemStatusIfChanged()
        return DownloadCommand.RemoveResult(success: true, deleted_files: deleted)
    }

    /// Takes the torrent out of the session; with `deletingFiles` libtorrent deletes exactly its
    /// files, once DownloadFilesCheck found them inside `torrent.download_dir` (a refusal is a
    /// conflict and nothing is done). A finished torrent is no longer in the session, so it is
    /// re-added paused to do that. Returns whether files were deleted.
    func takeOutOfSession(_ record: DownloadRecord, deletingFiles: Bool) throws -> Bool {
        let check = DownloadFilesCheck(downloadDir: config.downloadDir)
        if deletingFiles, let reason = check.refusal(savePath: record.savePath ?? config.downloadDir, name: record.name) {
            throw DomainError.conflict("\(record.label)'s files were not deleted: \(reason); remove it without deleting files and delete them by hand")
        }
        if engine.status(record.infoHash) != nil {
            try libtorrent { try engine.remove(record.infoHash, deleteFiles: deletingFiles) }
            return deletingFiles
        }
        guard deletingFiles, record.resumeData != nil || record.torrentFile != nil else { return false }
        try libtorrent {
            try addToSession(record, paused: true)
            try engine.remove(record.infoHash, deleteFiles: true)
        }
        return true
    }

    // MARK: helpers

    /// The row, if its torrent is in the session (what pause and resume act on).
    private func inSession(_ id: Int64) throws -> DownloadRecord {
        let record = try store.existing(id: id)
        guard record.status.isInSession else {
            throw DomainError.conflict("download \(id) is \(record.status.rawValue); this needs one in the torrent session")
        }
        return record
    }

    /// libtorrent saying no to a change is a conflict with the torrent's state.
    private func libtorrent(_ body: () throws -> Void) throws {
        do { try body() } catch { throw DomainError.conflict("libtorrent: \(error)") }
    }

    /// Publishes a status change (and the new counts) and answers with the row.
    private func changed(from before: DownloadRecord, to after: DownloadRecord) -> DownloadView {
        if after.status != before.status {
            hub.publish(.status(after))
            if after.status == .failed || before.status == .failed { publishItemStatus(of: after) }   // a retry relinks the item
        }
        publishSystemStatusIfChanged()
        return DownloadView(after)
    }
}
