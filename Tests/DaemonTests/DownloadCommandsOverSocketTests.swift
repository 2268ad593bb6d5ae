import Foundation
import Logging
import NIOPosix
import Testing
@testable import Daemon
@testable import Core
@testable import Config
@testable import Persistence
@testable import Control

/// lcarsd's real command table over a real socket, with a real download manager (a loopback-only
/// libtorrent session) and a migrated database in a temp dir: `status` and `ping` answer while
/// the manager's queue is blocked, and download errors arrive with their wire codes.
@Suite(.serialized) final class DownloadCommandsOverSocketTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-dl-\(UUID().uuidString.prefix(8))").path
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let database: AppDatabase
    let manager: DownloadManager
    var server: ControlServer?
    var socket: String { dir + "/ctl.sock" }

    init() throws {
        database = try makeDownloadsDatabase()
        let port = Int.random(in: 42000...48000)
        let config = try ConfigLoader.parse("""
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef"
            data_dir = "\(dir)"
            [torrent]
            listen_address = "127.0.0.1"
            port_range = [\(port), \(port + 20)]
            enable_dht = false
            enable_pex = false
            enable_utp = false
            """, file: "test.toml")
        manager = try DownloadManager(config: config.torrent, store: database.downloads, hub: EventHub(), logger: Logger(label: "test"))
        try manager.start()
    }

    deinit {
        manager.stop(timeout: 1)
        try? group.syncShutdownGracefully()
    }

    func start() async throws {
        let commands = ControlCommands.lcarsd(state: DaemonState(startedAt: Date(), schemaVersion: Migrations.latestVersion),
                                              downloads: manager)
        server = try await ControlServer.start(path: socket, commands: commands, logger: Logger(label: "test"), group: group)
    }

    func call(_ cmd: String, _ args: JSONValue = .object([:])) async throws -> JSONValue {
        let socket = socket
        return try await blocking { try ControlClient(socketPath: socket, timeout: 2).call(cmd, args: args) }
    }

    func failure(_ cmd: String, _ args: JSONValue) async -> ControlErrorBody? {
        do { _ = try await call(cmd, args); return nil }
        catch let failure as ControlClient.Failure { if case .daemon(let body) = failure { return body }; return nil }
        catch { return nil }
    }

    @Test func statusAndPingAnswerWhileTheManagerIsBusy() async throws {
        try await start()
        _ = try database.downloads.recordAdded(newDownload("c"))   // counted by status, not in the session
        let busy = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        manager.owner.submit { busy.signal(); release.wait() }
        defer { release.signal() }   // a failed expectation must not leave the manager's queue blocked
        #expect(await blocking { busy.wait(timeout: .now() + 5) == .success })
        let waiting = try RawControlClient(path: socket)
        try waiting.send(ControlRequest(id: 5, cmd: DownloadCommand.list))

        // The manager's queue stays blocked until both answers are in: had either command waited for
        // it, the client's 2 s receive timeout would throw here. (No wall-clock bound: on a loaded
        // machine the test's own task may resume late, which says nothing about lcarsd.)
        let socket = socket
        let (status, pong) = try await blocking {
            let client = ControlClient(socketPath: socket, timeout: 2)
            return (try client.call("status", args: .object([:])), try client.call("ping", args: .object([:])))
        }
        #expect(try status.decode(DaemonStatus.self).downloads == DownloadCounts(active: 0, queued: 1, seeding: 0))
        #expect(try pong.decode([String: JSONValue].self)["pong"] == .bool(true))

        release.signal()
        let listed = try #require(try await blocking { try waiting.receive() })
        let rows = try #require(listed.result).decode([DownloadView].self)
        #expect(listed.id == 5 && rows.count == 1)
        await server?.close()
    }

    @Test func downloadErrorsKeepTheirWireCodes() async throws {
        try await start()
        #expect(await failure(DownloadCommand.get, .object(["id": .number(99)])) == ControlErrorBody(code: "not_found", message: "download 99 does not exist"))
        #expect(await failure(DownloadCommand.add, .object([:]))?.code == "invalid_argument")
        let badMagnet = await failure(DownloadCommand.add, .object(["magnet": .string("magnet:?xt=nonsense")]))
        #expect(badMagnet?.code == "invalid_magnet")
        // Said once: what, which input, what to do — not "invalid magnet link: Invalid magnet link: …".
        #expect(badMagnet?.message.lowercased().components(separatedBy: "invalid magnet link").count == 2)
        #expect(badMagnet?.message.contains("magnet:?xt=nonsense") == true)
        #expect(await failure(DownloadCommand.add, .object(["torrent": .string("***")]))?.code == "invalid_torrent")
        #expect(await failure(DownloadCommand.pause, .object(["id": .string("one")]))?.code == "invalid_argument")
        await server?.close()
    }

    @Test func stateConflictsAndRemoval() async throws {
        try await start()
        let id = try database.downloads.recordAdded(newDownload("d")).id!
        try database.downloads.markFailed(id, reason: "disk full")
        let resume = await failure(DownloadCommand.resume, .object(["id": .number(Double(id))]))
        #expect(resume?.code == "conflict" && resume?.message.contains("is failed") == true)
        let removed = try await call(DownloadCommand.remove, .object(["id": .number(Double(id))]))
        #expect(try removed.decode(DownloadCommand.RemoveResult.self).deleted_files == false)
        #expect(try database.downloads.find(id: id) == nil)
        #expect(try database.downloads.history(of: id).map(\.type) == [.downloadAdded, .downloadFailed, .blocklisted, .downloadRemoved])
        await server?.close()
    }

    // MARK: issue 11

    @Test func anAddTheClientGaveUpOnIsNotCarriedOutSoTheRetrySucceeds() async throws {
        try await start()
        let busy = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        manager.owner.submit { busy.signal(); release.wait() }
        defer { release.signal() }
        #expect(await blocking { busy.wait(timeout: .now() + 5) == .success })
        let socket = socket, magnet = JSONValue.object(["magnet": .string("magnet:?xt=urn:btih:\(String(repeating: "7", count: 40))&dn=late")])
        // The API's view: lcarsd did not answer within the IPC timeout, so the add failed (503).
        let first = await blocking { () -> ControlClient.Failure? in
            do { _ = try ControlClient(socketPath: socket, timeout: 0.3).call(DownloadCommand.add, args: magnet); return nil }
            catch let failure as ControlClient.Failure { return failure }
            catch { return nil }
        }
        #expect(first == .timedOut)
        release.signal()
        // The user's retry: the first add must not have happened behind the API's back (409 duplicate).
        let retried = try await blocking { try ControlClient(socketPath: socket, timeout: 5).call(DownloadCommand.add, args: magnet) }
        #expect(try retried.decode(DownloadView.self).name == "late")
        #expect(try database.downloads.list(status: nil).count == 1)
        await server?.close()
    }

    @Test func aTorrentOfOneAndAHalfMegabytesIsAdded() async throws {
        try await start()
        let torrent = Self.bigTorrent(pieces: 75_000)   // 1.5 MB of piece hashes: 2 MB in base64
        #expect(torrent.count > 1_500_000)
        let added = try await call(DownloadCommand.add, .object(["torrent": .string(torrent.base64EncodedString())]))
        #expect(try added.decode(DownloadView.self).name == "big")
        await server?.close()
    }

    @Test func aRequestOverTheFrameLimitIsRefusedByTheClientSayingTheLimit() async throws {
        try await start()
        let socket = socket, huge = JSONValue.object(["torrent": .string(String(repeating: "A", count: ControlProtocol.maxFrameBytes))])
        let failure = await blocking { () -> ControlClient.Failure? in
            do { _ = try ControlClient(socketPath: socket, timeout: 5).call(DownloadCommand.add, args: huge); return nil }
            catch let failure as ControlClient.Failure { return failure }
            catch { return nil }
        }
        guard case .tooLarge(let bytes, let limit)? = failure else { Issue.record("expected tooLarge, got \(String(describing: failure))"); return }
        #expect(bytes > limit && limit == 16 << 20)
        #expect(try await call("ping").decode([String: JSONValue].self)["pong"] == .bool(true))
        await server?.close()
    }

    @Test func statusSaysTheSessionIsBoundWithNoInterfaceConfigured() async throws {
        try await start()
        let status = try await call("status").decode(DaemonStatus.self)
        #expect(status.vpn.enabled == false && status.vpn.bound == true)
        await server?.close()
    }

    /// A single-file v1 .torrent with `pieces` 16 KiB pieces (only the metainfo: no data exists).
    static func bigTorrent(pieces: Int) -> Data {
        var hashes = [UInt8](repeating: 0, count: pieces * 20)
        for i in hashes.indices { hashes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) }
        var data = Data("d4:infod6:lengthi\(pieces * 16384)e4:name3:big12:piece lengthi16384e6:pieces\(hashes.count):".utf8)
        data.append(contentsOf: hashes)
        data.append(contentsOf: Array("ee".utf8))
        return data
    }
}
