import ArgumentParser
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif
import Core
import Config
import Persistence

/// lcars-fcgi: the API's FastCGI responder pool. Under a web server as CGI it answers one request.
/// Run by the one-line main in Sources/Executables/lcars-fcgi.
public struct FCGIMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lcars-fcgi",
        abstract: "LCARS API responders: a pre-forked FastCGI pool (or one CGI request).")

    @Option(help: "Configuration file (default: $LCARS_CONFIG, then ./data/config.toml).")
    var config: String?

    @Option(help: "Unix socket to listen on (overrides fcgi.socket).")
    var socket: String?

    @Option(help: "Number of workers (overrides fcgi.workers; 0 = one per CPU).")
    var workers: Int?

    public init() {}

    /// Workers read the database through a memory map (see `AppDatabase.open`): a page of 50 movies
    /// touches ~50 pages of the file; through SQLite's own 2 MB cache most were a pread() each.
    static let memoryMapBytes = 256 << 20

    public func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let settings: LCARSConfig
        do {
            settings = try ConfigLoader.load(explicit: config, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("lcars-fcgi: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let logger = LogSetup.bootstrap(level: settings.server.logLevel, label: "lcars-fcgi")
        // Each worker opens its own database connection after fork: connections must not cross fork().
        let makeResponder = { () throws -> APIResponder in
            APIResponder(app: AppContext(config: settings, database: try AppDatabase.open(settings.database, memoryMapBytes: Self.memoryMapBytes)),
                         logger: logger)
        }

        if environment["GATEWAY_INTERFACE"] != nil {
            CGIResponder.serveOne(responder: try makeResponder(), maxBody: settings.fcgi.maxBodyBytes)
            return
        }

        let listen: ListenSocket
        do {
            listen = try ListenSocket.obtain(path: socket ?? settings.fcgi.socket, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("lcars-fcgi: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let requested = workers ?? settings.fcgi.workers
        let count = requested > 0 ? requested : ProcessInfo.processInfo.activeProcessorCount
        let master = PoolMaster(count: count, grace: TimeInterval(settings.fcgi.shutdownGraceSeconds), logger: logger) {
            do {
                let worker = FastCGIWorker(listenFD: listen.fd, responder: try makeResponder(),
                                           maxRequests: settings.fcgi.maxRequests, maxBody: settings.fcgi.maxBodyBytes)
                return worker.run()
            } catch {
                logger.error("worker cannot start", metadata: ["error": "\(error)"])
                return 1
            }
        }
        let status = master.run()
        if let path = listen.ownedPath { unlink(path) }
        if status != 0 { throw ExitCode(status) }
    }
}
