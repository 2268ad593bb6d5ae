import Foundation
import Logging
import TorrentEngine
import Config
import Control
import Core
import Persistence

/// Owns the torrent session and keeps it and the `downloads` table in agreement: restores every
/// unfinished download at start, drains libtorrent's alerts, syncs progress once a second,
/// applies the seeding and stalled policies and the VPN kill switch, and saves resume data.
///
/// Concurrency (docs/concurrency.md): everything that touches libtorrent, the rows or the
/// mutable state below runs on `owner`, one serial queue — control commands (queued by the control server),
/// alerts and ticks (handed over by the alert loop thread), start and stop. That confinement is
/// why the class is `@unchecked Sendable` and needs no lock.
final class DownloadManager: @unchecked Sendable {
    let engine: TorrentEngine
    let store: DownloadStore
    let config: LCARSConfig.Torrent
    let hub: EventHub
    let logger: Logger
    let seeding: SeedingPolicy

    /// The queue that owns libtorrent, the `downloads` rows and the state below.
    let owner = OwnerQueue(label: "lcarsd.downloads")
    /// Counts and VPN state for `status`, readable from any thread.
    let snapshot: SystemSnapshot
    var killSwitch: KillSwitch
    /// Called (on the queue) with a linked download's id when its data is complete: post-processing.
    var onDataComplete: (@Sendable (Int64) -> Void)?
    private var loopThread: Thread?
    private var stopping = false
    private let loopDone = DispatchSemaphore(value: 0)

    init(config: LCARSConfig.Torrent, store: DownloadStore, hub: EventHub, logger: Logger) throws {
        self.config = config
        self.store = store
        self.hub = hub
        self.logger = logger
        seeding = SeedingPolicy(defaults: config.seeding)
        killSwitch = KillSwitch(interface: config.bindInterface)
        snapshot = SystemSnapshot(vpn: killSwitch.state)
        try FileManager.default.createDirectory(atPath: config.downloadDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: config.stateDir, withIntermediateDirectories: true)
        let state = FileManager.default.contents(atPath: Self.sessionStatePath(config))
        engine = try TorrentEngine(settings: Self.engineSettings(config), sessionState: state)
    }

    static func engineSettings(_ t: LCARSConfig.Torrent) -> EngineSettings {
        var s = EngineSettings()
        s.listenPortRange = t.portRange
        s.listenAddress = t.listenAddress.isEmpty ? nil : t.listenAddress
        s.bindInterface = t.bindInterface.isEmpty ? nil : t.bindInterface
        s.maxConnections = t.maxConnections
        s.downloadRateLimit = t.downloadRateLimitKiB * 1024
        s.uploadRateLimit = t.uploadRateLimitKiB * 1024
        s.rateLimitLocalPeers = true   // as qBittorrent does by default: a limit is a limit, LAN included
        s.enableDHT = t.enableDHT
        s.enablePEX = t.enablePEX
        s.enableLSD = t.enableLSD
        s.enableUPnP = t.enableUPnP
        s.enableNATPMP = t.enableNATPMP
        s.enableUTP = t.enableUTP
        s.userAgent = "LCARS/\(LCARSVersion.current)"
        return s
    }

    static func sessionStatePath(_ t: LCARSConfig.Torrent) -> String { "\(t.stateDir)/session.state" }

    // MARK: start and stop

    /// Re-adds every unfinished download, then starts the alert loop. With the VPN down the
    /// session is paused before the first torrent is added, so nothing ever starts on another route.
    func start() throws {
        try owner.sync {
            if vpnDown {
                engine.pauseSession()
                logger.warning("torrents held: \(killSwitch.downReason)")
            }
            // Decided before this run marks itself: whether the last one ended without saving.
            let afterCrash = markRunning()
            try restoreAll(afterCrash: afterCrash)
            publishSystemStatusIfChanged()
        }
        let thread = Thread { [self] in runAlertLoop() }
        thread.name = "lcarsd.torrent-alerts"
        loopThread = thread
        thread.start()
    }

    /// Stops the alert loop, saves resume data for every torrent (bounded wait) and the session state.
    func stop(timeout: TimeInterval = 10) {
        owner.sync { stopping = true }
        if loopThread != nil { loopDone.wait() }
        owner.sync {
            syncAll(now: Date())
            engine.pauseSession()
            let expected = engine.requestResumeDataForAll()
            let complete = collectResumeData(expected: expected, deadline: Date().addingTimeInterval(timeout))
            writeSessionState()
            // Resume data missing for some torrent: the next start checks the files as after a crash.
            if complete { markStopped() }
        }
    }

    var vpnDown: Bool { killSwitch.enabled && !killSwitch.connected }

    /// The VPN state as of the last poll, and the counts read now (rows change behind lcarsd's
    /// back only in tests, but `status` has always counted the table). Reads are safe off the
    /// owner's queue (WAL: they never wait for its writes); the snapshot's counts if the read fails.
    func systemNow() -> (vpn: VPNState, counts: DownloadCounts) {
        let last = snapshot.current
        return (last.vpn, (try? store.counts()) ?? last.counts)
    }

    /// Every unfinished row back into the session, all their changes in one transaction. After a
    /// crash the files are checked first for pieces the saved resume data does not list.
    private func restoreAll(afterCrash: Bool) throws {
        var rows: [DownloadRecord] = []
        var activity: [DownloadActivity] = []
        for var record in try store.inSessionWithBlobs() {
            do {
                if vpnDown && record.status != .paused {
                    try record.pause(by: .vpn, note: killSwitch.downReason)
                } else if record.status == .paused && record.pauseReason == .vpn && !vpnDown {
                    try record.requeue()
                }
                record.lastProgressAt = SQLiteTime.format(Date())   // downtime is not a stall
                let checked = afterCrash ? resumeDataCheckedAgainstFiles(record) : nil
                if let checked { record.resumeData = checked }     // not a live column: the row keeps its own
                try addToSession(record)
                if checked != nil { engine.requestResumeData(record.infoHash) }   // stored, so the next check is short
            } catch {
                let reason = "could not restart after lcarsd restarted: \(error)"
                if (try? record.fail(reason: reason)) != nil { activity.append(failedLine(record, reason)) }
            }
            rows.append(record)
        }
        try store.saveTick(rows, activity: activity)
        let restored = rows.filter { $0.status.isInSession }.count
        if restored > 0 { logger.notice("restored downloads", metadata: ["count": "\(restored)"]) }
    }

    /// Adds a row's torrent to the session from the best source it has: resume data (pieces
    /// already verified are kept), then the .torrent, then the magnet.
    /// `paused` overrides the row's own "paused by the user" (remove re-adds a finished torrent paused).
    func addToSession(_ record: DownloadRecord, paused: Bool? = nil) throws {
        let source: TorrentSource = record.torrentFile.map { .torrentFile($0) } ?? .magnet(record.magnet)
        let savePath = record.savePath ?? config.downloadDir
        let paused = paused ?? (record.status == .paused && record.pauseReason == .user)
        do {
            try engine.add(source, savePath: savePath, resumeData: record.resumeData, paused: paused)
        } catch let error where record.resumeData != nil {
            logger.warning("resume data rejected; re-adding without it (files will be rechecked)",
                           metadata: ["download": "\(record.id ?? 0)", "error": "\(error)"])
            try engine.add(source, savePath: savePath, resumeData: nil, paused: paused)
        }
    }

    // MARK: the alert loop

    /// The alert loop thread: waits for libtorrent's alerts (a blocking call, so not on the
    /// owner's queue) and hands them, with the timers that are due, to the owner's queue.
    private func runAlertLoop() {
        var nextSync = Date(), nextVPN = Date(), nextHeartbeat = Date().addingTimeInterval(15)
        var nextResume = Date().addingTimeInterval(TimeInterval(config.resumeSaveIntervalSeconds))
        while true {
            let alerts = engine.waitForAlerts(timeoutMilliseconds: 200)
            let done = owner.sync { () -> Bool in
                if stopping { return true }
                alerts.forEach(handle)
                let now = Date()
                if now >= nextVPN { checkKillSwitch(); nextVPN = now.addingTimeInterval(0.5) }
                if now >= nextSync { syncAll(now: now); nextSync = now.addingTimeInterval(1) }
                if now >= nextResume {
                    engine.requestResumeDataForAll()
                    nextResume = now.addingTimeInterval(TimeInterval(config.resumeSaveIntervalSeconds))
                }
                return false
            }
            if done { break }
            if Date() >= nextHeartbeat { hub.heartbeat(); nextHeartbeat = Date().addingTimeInterval(15) }
        }
        loopDone.signal()
    }

    private func handle(_ alert: TorrentAlert) {
        switch alert {
        case .metadataReceived(let hash, _), .finished(let hash):
            engine.requestResumeData(hash)     // keeps the info dict: a restart needs no peers for metadata
        case .resumeDataSaved(let hash, let data):
            do { try store.saveResumeData(infoHash: hash, data: data) }
            catch { logger.error("cannot save resume data", metadata: ["info_hash": "\(hash)", "error": "\(error)"]) }
        case .torrentError(let hash, let message):
            failInSession(infoHash: hash, reason: "torrent error: \(message)")
        case .listenFailed(let message):
            logger.warning("torrent listen socket failed", metadata: ["error": "\(message)"])
            killSwitch.listenFailed(message)
            checkBinding()
        case .listenSucceeded(let address, _):
            killSwitch.listening(on: address)
            checkBinding()
        case .resumeDataFailed(let hash, let message):
            logger.debug("resume data not saved", metadata: ["info_hash": "\(hash)", "reason": "\(message)"])
        case .deleteFailed(let hash, let message):
            logger.warning("files not deleted", metadata: ["info_hash": "\(hash)", "error": "\(message)"])
        case .addFailed(let hash, let message):
            logger.warning("torrent not added", metadata: ["info_hash": "\(hash ?? "?")", "error": "\(message)"])
        case .added, .stateChanged, .removed, .filesDeleted:
            break
        }
    }

    /// Whether every expected resume data arrived (and was stored) in time.
    private func collectResumeData(expected: Int, deadline: Date) -> Bool {
        var remaining = expected, stored = true
        while remaining > 0 && Date() < deadline {
            for alert in engine.waitForAlerts(timeoutMilliseconds: 200) {
                switch alert {
                case .resumeDataSaved(let hash, let data):
                    remaining -= 1
                    if (try? store.saveResumeData(infoHash: hash, data: data)) == nil { stored = false }
                case .resumeDataFailed:
                    remaining -= 1
                    stored = false
                default: break
                }
            }
        }
        if remaining > 0 { logger.warning("resume data missing for some torrents at shutdown", metadata: ["missing": "\(remaining)"]) }
        return remaining <= 0 && stored
    }

    /// Written to a temporary file and renamed, so a crash never leaves half a state file.
    private func writeSessionState() {
        let path = Self.sessionStatePath(config)
        do { try engine.sessionState().write(to: URL(fileURLWithPath: path), options: .atomic) }
        catch { logger.warning("cannot save torrent session state", metadata: ["path": "\(path)", "error": "\(error)"]) }
    }
}
