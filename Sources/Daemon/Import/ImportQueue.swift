import Foundation
import Logging
import Config
import Core
import Library
import Persistence

/// lcarsd's post-processing, off the download manager's queue: placing a download may copy
/// gigabytes, and the once-a-second sync must not wait for it. One import at a time, in order;
/// imports waiting for a mount are tried again every `retryInterval`; at start, imports a crash
/// or a stop interrupted are queued again (placing is idempotent).
final class ImportQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "lcarsd.import")
    private let job: ImportJob
    private let database: AppDatabase
    private let hub: EventHub
    private let logger: Logger
    private let retryInterval: TimeInterval
    /// Fails a download whose files were refused (the manager takes it out of the session); the
    /// closure it is given runs when the row can no longer fail.
    private let failDownload: @Sendable (Int64, String, @escaping @Sendable () -> Void) -> Void
    // Confined to `queue`.
    private var queued: Set<Int64> = []
    private var waiting: Set<Int64> = []
    private var timer: DispatchSourceTimer?

    init(storage: LCARSConfig.Storage, database: AppDatabase, hub: EventHub, logger: Logger, retryInterval: TimeInterval = 60,
         failDownload: @escaping @Sendable (Int64, String, @escaping @Sendable () -> Void) -> Void) throws {
        // A pattern with an unknown placeholder stops lcarsd at start, naming the key.
        _ = try NamingPattern(storage.naming.moviePattern, key: "storage.naming.movie_pattern")
        _ = try NamingPattern(storage.naming.tvPattern, key: "storage.naming.tv_pattern")
        _ = try NamingPattern(storage.naming.musicPattern, key: "storage.naming.music_pattern")
        job = ImportJob(storage: storage, database: database, probe: MediaProbe())
        self.database = database
        self.hub = hub
        self.logger = logger
        self.retryInterval = retryInterval
        self.failDownload = failDownload
    }

    /// Queues what was left unplaced and starts the retry timer.
    func start() {
        do {
            let pending = try database.downloads.awaitingImport()
            if !pending.isEmpty { logger.notice("imports to finish after restart", metadata: ["count": "\(pending.count)"]) }
            pending.compactMap(\.id).forEach(enqueue)
        } catch {
            logger.error("cannot read the imports left to do", metadata: ["error": "\(error)"])
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + retryInterval, repeating: retryInterval)
        timer.setEventHandler { [weak self] in self?.retryWaiting() }
        timer.resume()
        queue.sync { self.timer = timer }
    }

    func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    /// A download's data is complete: place it (once, however often it is asked for).
    func enqueue(_ downloadID: Int64) {
        queue.async { [self] in
            guard queued.insert(downloadID).inserted else { return }
            waiting.remove(downloadID)
            queue.async { [self] in process(downloadID) }
        }
    }

    private func retryWaiting() {
        let ids = waiting
        waiting = []
        ids.forEach { id in queued.insert(id); process(id) }
    }

    /// The item goes back to missing when its download cannot be marked failed.
    private func abandon(_ download: DownloadRecord, reason: String) {
        guard let id = download.id, let type = download.mediaType, let mediaID = download.mediaId else { return }
        let media = MediaReference(type: type, id: mediaID)
        do {
            if let change = try database.mediaStatus.markImportAbandoned(media, reason: reason, downloadID: id) { hub.publish(.imported(change)) }
        } catch {
            logger.error("cannot put the item back to missing", metadata: ["download": "\(id)", "error": "\(error)"])
        }
    }

    private func process(_ id: Int64) {
        defer { queued.remove(id) }
        guard let download = try? database.downloads.find(id: id) else { return }
        guard download.status != .failed else { return }
        switch job.run(download, announce: { hub.publish(.imported($0)) }) {
        case .imported(let changes):
            changes.forEach { hub.publish(.imported($0)) }
            logger.notice("imported", metadata: ["download": "\(id)", "files": "\(changes.compactMap(\.filePath))"])
        case .waiting(let reason):
            waiting.insert(id)
            logger.warning("import waits", metadata: ["download": "\(id)", "reason": "\(reason)"])
        case .failed(let reason):
            logger.warning("import failed", metadata: ["download": "\(id)", "reason": "\(reason)"])
            failDownload(id, "import failed: \(reason)") { [self] in queue.async { [self] in abandon(download, reason: reason) } }
        case .skipped(let reason):
            logger.debug("nothing to import", metadata: ["download": "\(id)", "reason": "\(reason)"])
        }
    }
}

extension ImportQueue {
    /// The queue lcarsd runs, fed by the manager's completions and failing through it.
    static func forDaemon(config: LCARSConfig, database: AppDatabase, hub: EventHub, downloads: DownloadManager,
                          logger: Logger) throws -> ImportQueue {
        let queue = try ImportQueue(storage: config.storage, database: database, hub: hub, logger: logger,
                                    failDownload: { [weak downloads] id, reason, cannotFail in
                                        downloads?.failImport(id, reason: reason, cannotFail: cannotFail)
                                    })
        downloads.onDataComplete = { [weak queue] id in queue?.enqueue(id) }
        return queue
    }
}
