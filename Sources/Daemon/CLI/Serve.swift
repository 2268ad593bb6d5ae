import ArgumentParser
import Dispatch
import Foundation
import Logging
import Auth
import Config
import Core
import Library
import Persistence

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the daemon: migrate, then serve the control socket until SIGTERM.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let config = try options.load()
        try PrivateFiles.secureDirectory(config.server.dataDir)   // 0700 (issue 11): secrets inside
        let logger = LogSetup.bootstrap(level: config.server.logLevel, label: "lcarsd")
        do {   // not fatal: the mount shows unavailable, saying why, and torrents still run
            for path in try OwnLibraryDirectories.create(for: config.storage.mounts, dataDir: config.server.dataDir) {
                logger.notice("created the library directory", metadata: ["path": "\(path)"])
            }
        } catch { logger.warning("cannot create the library directory", metadata: ["error": "\(error)"]) }
        let descriptors = DescriptorLimit.raiseToHard()
        logger.info("descriptor limit", metadata: ["nofile": "\(descriptors)"])
        do { try ControlServer.refuseIfRunning(path: config.daemon.socket) } catch { throw fail("\(error)") }
        let database = try AppDatabase.open(config.database)
        let applied = try database.migrate()
        if !applied.isEmpty { logger.notice("applied migrations", metadata: ["migrations": "\(applied)"]) }

        let state = DaemonState(startedAt: Date(), schemaVersion: Migrations.latestVersion)
        let hub = EventHub()
        let downloads: DownloadManager
        do {
            downloads = try DownloadManager(config: config.torrent, store: database.downloads, hub: hub, logger: logger)
        } catch {
            throw fail("cannot start the torrent session: \(error)")
        }
        let imports: ImportQueue
        do { imports = try ImportQueue.forDaemon(config: config, database: database, hub: hub, downloads: downloads, logger: logger) }
        catch { throw fail("cannot start post-processing: \(error)") }
        do {
            try downloads.start()
            imports.start()
        } catch {
            throw fail("cannot start the torrent session: \(error)")
        }
        // search_missing adds what it grabs to this session directly, on the manager's queue.
        let grab: MissingSearch.Grab = { args in try downloads.owner.sync { try downloads.add(args) } }
        let scheduler = Scheduler(jobs: try JobCatalog.jobs(config: config, database: database, grab: grab, downloads: downloads,
                                                             publish: { hub.publish($0) }),
                                  store: database.jobs,
                                  publish: { hub.publish($0) }, logger: logger)
        do { try scheduler.start() } catch {
            downloads.stop()
            throw fail("cannot start the scheduler: \(error)")
        }
        let server: ControlServer
        let events: EventServer
        do {
            server = try await ControlServer.start(path: config.daemon.socket,
                                                  commands: .lcarsd(state: state, downloads: downloads, scheduler: scheduler,
                                                                    mounts: config.storage.mounts), logger: logger)
            let authorizer = EventAuthorizer(database: database, config: config)
            events = try await EventServer.start(path: config.daemon.eventsSocket, hub: hub, authorizer: authorizer, logger: logger)
        } catch {
            scheduler.stop(waitingUpTo: 5)
            downloads.stop()
            throw fail("cannot serve the control socket: \(error)")
        }
        logger.notice("lcarsd ready", metadata: ["socket": "\(config.daemon.socket)", "events": "\(config.daemon.eventsSocket)",
                                                 "version": "\(LCARSVersion.current)"])
        let signal = await StopSignal.wait()
        logger.notice("stopping", metadata: ["signal": "\(signal)"])
        await events.close()
        await server.close()
        scheduler.stop(waitingUpTo: 5)
        imports.stop()
        downloads.stop()
    }
}

/// Waits for SIGTERM or SIGINT (delivered to a dispatch source instead of killing the process).
enum StopSignal {
    static func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let once = Once()
            for signo in [SIGTERM, SIGINT] {
                signal(signo, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
                source.setEventHandler { if once.fire() { continuation.resume(returning: signo) } }
                source.resume()
                Sources.keep(source)
            }
        }
    }

    /// Dispatch sources must stay alive for as long as the process runs.
    private enum Sources {
        nonisolated(unsafe) static var all: [DispatchSourceSignal] = []
        static func keep(_ source: DispatchSourceSignal) { all.append(source) }
    }

    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var fired = false
        func fire() -> Bool { lock.withLock { defer { fired = true }; return !fired } }
    }
}

/// The soft limit on open descriptors (often 1024) up to the hard one (systemd: LimitNOFILE), so
/// the sockets' connection caps, and not the descriptor table, are what turns clients away.
enum DescriptorLimit {
    /// The soft limit in force afterwards.
    @discardableResult
    static func raiseToHard() -> UInt64 {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 { getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) }
        }
        return UInt64(limit.rlim_cur)
    }
}
