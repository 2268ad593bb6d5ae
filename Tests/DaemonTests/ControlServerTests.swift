import Foundation
import Logging
import NIOPosix
import Testing
@testable import Daemon
@testable import Core
@testable import Control

/// The control server over a real Unix socket, with a stand-in owner: an `OwnerQueue` whose
/// `slow` command blocks until the test lets it go. One event-loop thread, so a command run on
/// the loop would hold up every other connection and these tests would see it.
@Suite(.serialized) final class ControlServerTests {
    let path: String
    let owner = OwnerQueue(label: "test.owner")
    let slowStarted = DispatchSemaphore(value: 0)
    let releaseSlow = DispatchSemaphore(value: 0)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    var server: ControlServer?

    init() {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-ctl-\(UUID().uuidString.prefix(8))").path
        path = dir + "/ctl.sock"
    }

    deinit {
        releaseSlow.signal()
        try? group.syncShutdownGracefully()
        unlink(path)
    }

    func start() async throws {
        let owner = owner, started = slowStarted, release = releaseSlow
        let commands = ControlCommands([
            "ping": ControlCommand(.immediately) { _ in .object(["pong": .bool(true)]) },
            "slow": ControlCommand(.owner(owner)) { _ in
                started.signal()
                release.wait()
                return .string("done")
            },
            "refused": ControlCommand(.owner(owner)) { _ in
                throw DomainError.conflict("already there", code: "duplicate", details: .object(["id": .number(3)]))
            },
            "illegal": ControlCommand(.owner(owner)) { _ in
                throw DomainError.invalidTransition(of: "download 3", from: "completed", to: "queued", allowed: [])
            },
            "broken": ControlCommand(.immediately) { _ in throw CocoaError(.fileNoSuchFile) },
        ])
        server = try await ControlServer.start(path: path, commands: commands, logger: Logger(label: "test"), group: group)
    }

    func stop() async { await server?.close() }

    /// Waits for the stand-in owner to be busy with `slow`.
    func slowIsRunning() async -> Bool {
        let started = slowStarted
        return await blocking { started.wait(timeout: .now() + 5) == .success }
    }

    @Test func aSlowCommandDoesNotDelayPingOnAnotherConnection() async throws {
        try await start()
        let slow = try RawControlClient(path: path)
        try slow.send(ControlRequest(id: 9, cmd: "slow"))
        #expect(await slowIsRunning())
        let path = path
        // The slow command holds until the pong is in: a ping that waited for it would hit the
        // client's 2 s timeout and throw (no wall-clock bound, which a loaded machine could break).
        let pong = try await blocking { try ControlClient(socketPath: path, timeout: 2).call("ping") }
        #expect(pong == .object(["pong": .bool(true)]))
        releaseSlow.signal()
        let answer = try #require(try await blocking { try slow.receive() })
        #expect(answer.id == 9 && answer.result == .string("done"))
        await stop()
    }

    @Test func pipelinedAnswersComeBackInRequestOrder() async throws {
        try await start()
        let client = try RawControlClient(path: path)
        try client.send(ControlRequest(id: 1, cmd: "slow"))
        try client.send(ControlRequest(id: 2, cmd: "ping"))
        #expect(await slowIsRunning())
        releaseSlow.signal()
        let ids = try await blocking { [try client.receive()?.id, try client.receive()?.id] }
        #expect(ids == [1, 2])
        await stop()
    }

    @Test func aBadFrameIsAnsweredAndTheConnectionStaysUsable() async throws {
        try await start()
        let client = try RawControlClient(path: path)
        try client.sendFrame(Data("not json".utf8))
        let bad = try #require(try await blocking { try client.receive() })
        #expect(bad.id == 0 && bad.error?.code == "bad_request")
        try client.send(ControlRequest(id: 4, cmd: "ping"))
        #expect(try await blocking { try client.receive() }?.ok == true)
        await stop()
    }

    @Test func anOversizedFrameIsAnsweredThenTheConnectionCloses() async throws {
        try await start()
        let client = try RawControlClient(path: path)
        try client.sendBytes(Data([0x7f, 0xff, 0xff, 0xff]))
        #expect(try await blocking { try client.receive() }?.error?.code == "frame_too_large")
        #expect(try await blocking { try client.receive() } == nil)
        let path = path
        #expect(try await blocking { try ControlClient(socketPath: path, timeout: 2).call("ping") } == .object(["pong": .bool(true)]))
        await stop()
    }

    @Test func unknownCommandsAndErrorsUseTheWireCodes() async throws {
        try await start()
        let client = ControlClient(socketPath: path, timeout: 2)
        func failure(_ cmd: String) async -> ControlErrorBody? {
            await blocking { () -> ControlErrorBody? in
                do throws(ControlClient.Failure) {
                    _ = try client.call(cmd)
                    return nil
                } catch .daemon(let body) {
                    return body
                } catch {
                    return nil
                }
            }
        }
        let unknown = await failure("warp")
        #expect(unknown?.code == "unknown_command")
        #expect(unknown?.message.contains("known: broken, illegal, ping, refused, slow") == true)
        #expect(await failure("refused") == ControlErrorBody(code: "duplicate", message: "already there", details: .object(["id": .number(3)])))
        #expect(await failure("illegal")?.code == "conflict")
        #expect(await failure("broken")?.code == "internal_error")
        await stop()
    }
}

/// Runs blocking socket or semaphore work on a Dispatch thread, so the test never holds one of
/// the few cooperative threads the server's command tasks need.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result(catching: body)) }
    }
}

func blocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}
