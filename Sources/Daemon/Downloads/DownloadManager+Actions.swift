import Foundation
import TorrentEngine
import Control
import Core
import Persistence

/// What the control socket asks of the manager (docs/ipc.md). Each failure is an `IPCErrorBody`
/// whose code the responders map onto an HTTP status; nothing is half-written on failure.
extension DownloadManager {
    typealias Failure = IPCErrorBody
    typealias Code = DownloadCommand.ErrorCode

    func add(_ args: DownloadCommand.AddArgs, userID: Int64? = nil) throws -> DownloadView {
        let (source, torrentBytes) = try Self.source(of: args)
        let descriptor = try Self.inspect(source)
        try Self.checkLimits(args)
        if let media = args.media, !(try store.mediaExists(media)) {
            throw Failure(code: Code.notFound, message: "\(media.type.rawValue) \(media.id) does not exist; add it to the library first")
        }
        return try lock.withLock {
            if let existing = try store.find(infoHash: descriptor.infoHash) {
                throw Failure(code: Code.duplicate, message: "this torrent is already download \(existing.id ?? 0) (\(existing.name))",
                              details: try JSONValue(encoding: DownloadView(existing)))
            }
            var record = DownloadRecord(infoHash: descriptor.infoHash, name: descriptor.name ?? descriptor.infoHash,
                                        magnet: descriptor.magnet, media: args.media, savePath: config.downloadDir,
                                        sizeBytes: descriptor.totalSize, torrentFile: torrentBytes)
            record.seedRatioLimit = args.seed_ratio_limit
            record.seedTimeLimitHours = args.seed_time_limit_hours
            if killSwitch.enabled && !killSwitch.connected { hold(&record, reason: killSwitch.downReason) }
            record = try store.insert(record, activity: "Added download \(record.name)", userID: userID)
            do {
                try addToSession(record)
            } catch {
                try? store.delete(record, activity: "Discarded download \(record.name): \(error)")
                throw Failure(code: Code.invalidTorrent, message: "libtorrent refused the torrent: \(error)")
            }
            let view = DownloadView(record)
            hub.publish(.added(view))
            return view
        }
    }

    func list(status: DownloadStatus?) throws -> [DownloadView] {
        try store.list(status: status).map(DownloadView.init)
    }

    func get(_ id: Int64) throws -> DownloadView { DownloadView(try existing(id)) }

    func files(_ id: Int64) throws -> [DownloadCommand.FileView] {
        let record = try existing(id)
        guard record.status.isInSession else {
            throw Failure(code: Code.conflict, message: "download \(id) is \(record.status.rawValue) and no longer in the torrent session")
        }
        return engine.files(record.infoHash).map {
            DownloadCommand.FileView(index: $0.index, path: $0.path, size_bytes: $0.size, downloaded_bytes: $0.bytesDone)
        }
    }

    func pause(_ id: Int64) throws -> DownloadView {
        try change(id, allowed: [.queued, .downloading, .seeding, .paused]) { record in
            guard record.pauseReason != .user else { return }
            try engine.pause(record.infoHash)
            engine.requestResumeData(record.infoHash)
            record.status = .paused
            record.pauseReason = .user
            record.errorMessage = nil
            record.downloadSpeed = 0
            record.uploadSpeed = 0
        }
    }

    func resume(_ id: Int64) throws -> DownloadView {
        try change(id, allowed: [.queued, .downloading, .seeding, .paused]) { record in
            guard record.status == .paused, record.pauseReason == .user else { return }
            try engine.resume(record.infoHash)
            if killSwitch.enabled && !killSwitch.connected { hold(&record, reason: killSwitch.downReason) }
            else { release(&record) }
        }
    }

    /// A failed download goes back into the session from what it kept (resume data, the .torrent
    /// or the magnet); pieces on disk are verified, not fetched again.
    func retry(_ id: Int64) throws -> DownloadView {
        try lock.withLock {
            guard var record = try store.find(id: id, withBlobs: true) else { throw notFound(id) }
            guard record.status == .failed else {
                throw Failure(code: Code.conflict, message: "download \(id) is \(record.status.rawValue); only failed downloads can be retried")
            }
            release(&record)
            if killSwitch.enabled && !killSwitch.connected { hold(&record, reason: killSwitch.downReason) }
            do { try addToSession(record) }
            catch { throw Failure(code: Code.conflict, message: "libtorrent refused the torrent again: \(error)") }
            try store.saveLive([record], events: [(.downloadRetried, "Retrying \(record.name)", record)])
            hub.publish(.status(record))
            return DownloadView(record)
        }
    }

    /// Removes the download; with `deleteFiles` libtorrent deletes exactly the torrent's files.
    /// A finished torrent is no longer in the session, so it is re-added paused to do that.
    func remove(_ id: Int64, deleteFiles: Bool) throws -> DownloadCommand.RemoveResult {
        try lock.withLock {
            guard let record = try store.find(id: id, withBlobs: true) else { throw notFound(id) }
            var deleted = false
            if engine.status(record.infoHash) != nil {
                try engine.remove(record.infoHash, deleteFiles: deleteFiles)
                deleted = deleteFiles
            } else if deleteFiles, record.resumeData != nil || record.torrentFile != nil {
                var paused = record
                paused.status = .paused
                paused.pauseReason = .user
                try addToSession(paused)
                try engine.remove(record.infoHash, deleteFiles: true)
                deleted = true
            }
            let what = deleted ? "Removed download \(record.name) and its files" : "Removed download \(record.name)"
            try store.delete(record, activity: what)
            hub.publish(.removed(id: id))
            return DownloadCommand.RemoveResult(success: true, deleted_files: deleted)
        }
    }

    var counts: DownloadCounts { (try? store.counts()) ?? DownloadCounts(active: 0, queued: 0, seeding: 0) }
    var vpnState: VPNState { lock.withLock { killSwitch.state } }

    // MARK: helpers

    private func change(_ id: Int64, allowed: [DownloadStatus], _ body: (inout DownloadRecord) throws -> Void) throws -> DownloadView {
        try lock.withLock {
            guard var record = try store.find(id: id) else { throw notFound(id) }
            guard allowed.contains(record.status) else {
                throw Failure(code: Code.conflict, message: "download \(id) is \(record.status.rawValue); this needs one in the torrent session")
            }
            let before = record.status
            do { try body(&record) }
            catch { throw Failure(code: Code.conflict, message: "libtorrent: \(error)") }
            try store.saveLive([record])
            if record.status != before { hub.publish(.status(record)) }
            return DownloadView(record)
        }
    }

    private func existing(_ id: Int64) throws -> DownloadRecord {
        guard let record = try store.find(id: id) else { throw notFound(id) }
        return record
    }

    private func notFound(_ id: Int64) -> Failure {
        Failure(code: Code.notFound, message: "download \(id) does not exist")
    }

    static func source(of args: DownloadCommand.AddArgs) throws -> (TorrentSource, Data?) {
        switch (args.magnet, args.torrent) {
        case (let magnet?, nil):
            return (.magnet(magnet.trimmingCharacters(in: .whitespacesAndNewlines)), nil)
        case (nil, let base64?):
            let compact = base64.filter { !$0.isWhitespace }
            guard let bytes = Data(base64Encoded: compact), !bytes.isEmpty else {
                throw Failure(code: Code.invalidTorrent, message: "torrent must be the .torrent file's bytes in base64; this is not base64")
            }
            return (.torrentFile(bytes), bytes)
        default:
            throw Failure(code: Code.invalidArgument, message: "send exactly one of magnet (a magnet: URI) or torrent (a .torrent file in base64)")
        }
    }

    static func inspect(_ source: TorrentSource) throws -> TorrentDescriptor {
        do { return try TorrentEngine.inspect(source) }
        catch {
            if case .magnet = source { throw Failure(code: Code.invalidMagnet, message: "invalid magnet link: \(error)") }
            throw Failure(code: Code.invalidTorrent, message: "invalid .torrent file: \(error)")
        }
    }

    static func checkLimits(_ args: DownloadCommand.AddArgs) throws {
        for (name, value) in [("seed_ratio_limit", args.seed_ratio_limit), ("seed_time_limit_hours", args.seed_time_limit_hours)] {
            if let value, !(value >= 0 && value <= 1_000_000) {
                throw Failure(code: Code.invalidArgument, message: "\(name) must be between 0 (no limit) and 1000000, found \(value)")
            }
        }
    }
}
