import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Testing
@testable import Daemon
@testable import Core
@testable import Control

/// What keeps the control socket usable under misuse (issue 11): a request whose client stopped
/// waiting is not run, a connection that sends no request in time is closed, and connections over
/// the cap are closed at once — while `ping` keeps answering. Small limits so the tests are quick;
/// every wait is a client timeout, never a measured duration.
@Suite(.serialized) final class ControlLimitsTests {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("lcarsd-lim-\(UUID().uuidString.prefix(8))").path + "/ctl.sock"
    let owner = OwnerQueue(label: "test.limits.owner")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let busy = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
    let runs = Counter()
    var server: ControlServer?

    final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        func add() { value.add(1, ordering: .relaxed) }
        var count: Int { value.load(ordering: .relaxed) }
    }

    deinit {
        release.signal()
        try? group.syncShutdownGracefully()
        unlink(path)
    }

    func start(_ limits: ConnectionLimits = .standard) async throws {
        let owner = owner, runs = runs, busy = busy, release = release
        let commands = ControlCommands([
            "ping": ControlCommand(.immediately) { _ in .object(["pong": .bool(true)]) },
            "block": ControlCommand(.owner(owner)) { _ in busy.signal(); release.wait(); return .string("unblocked") },
            "count": ControlCommand(.owner(owner)) { _ in runs.add(); return .number(Double(runs.count)) },
        ])
        server = try await ControlServer.start(path: path, commands: commands, logger: Logger(label: "test"), limits: limits, group: group)
    }

    func ping() async throws -> JSONValue {
        let path = path
        return try await blocking { try ControlClient(socketPath: path, timeout: 5).call("ping") }
    }

    @Test func aRequestWhoseDeadlinePassesWhileQueuedIsAnsweredExpiredAndNotRun() async throws {
        try await start()
        let client = try RawControlClient(path: path)
        try client.send(ControlRequest(id: 1, cmd: "block"))
        let busy = busy
        #expect(await blocking { busy.wait(timeout: .now() + 5) == .success })
        let deadline = Date().addingTimeInterval(0.3)
        try client.send(ControlRequest(id: 2, cmd: "count", deadline: deadline))
        // The owner stays blocked until the deadline is behind us: "count" can only start after it.
        while Date() <= deadline.addingTimeInterval(0.05) { try await Task.sleep(for: .milliseconds(50)) }
        release.signal()
        let first = try #require(try await blocking { try client.receive() })
        let second = try #require(try await blocking { try client.receive() })
        #expect(first.id == 1 && first.result == .string("unblocked"))
        #expect(second.id == 2 && second.ok == false && second.error?.code == "expired")
        #expect(runs.count == 0)
        // A request with time left, or with no deadline at all, runs.
        try client.send(ControlRequest(id: 3, cmd: "count", deadline: Date().addingTimeInterval(30)))
        try client.send(ControlRequest(id: 4, cmd: "count"))
        #expect(try await blocking { try client.receive() }?.result == .number(1))
        #expect(try await blocking { try client.receive() }?.result == .number(2))
        await server?.close()
    }

    @Test func aHalfSentFrameIsClosedAfterTheRequestTimeoutAndPingStillAnswers() async throws {
        try await start(ConnectionLimits(maxConnections: 8, requestTimeout: .milliseconds(300)))
        let halfSent = try RawControlClient(path: path, timeout: 20)
        try halfSent.sendBytes(Data([0, 0, 0, 40]) + Data("{\"v\":1,".utf8))   // 40 bytes promised, 7 sent
        let idle = try RawControlClient(path: path, timeout: 20)
        #expect(try await ping() == .object(["pong": .bool(true)]))
        // The server hangs up (receive: nil) long before the client's own 20 s timeout would throw.
        #expect(try await blocking { try halfSent.receive() } == nil)
        #expect(try await blocking { try idle.receive() } == nil)
        await server?.close()
    }

    @Test func aConnectionWaitingForASlowAnswerIsNotTimedOut() async throws {
        try await start(ConnectionLimits(maxConnections: 8, requestTimeout: .milliseconds(200)))
        let client = try RawControlClient(path: path, timeout: 20)
        try client.send(ControlRequest(id: 1, cmd: "block"))
        let busy = busy
        #expect(await blocking { busy.wait(timeout: .now() + 5) == .success })
        try await Task.sleep(for: .milliseconds(600))   // three request timeouts while the answer is due
        release.signal()
        #expect(try await blocking { try client.receive() }?.result == .string("unblocked"))
        await server?.close()
    }

    @Test func connectionsOverTheCapAreClosedAtOnce() async throws {
        try await start(ConnectionLimits(maxConnections: 3, requestTimeout: .seconds(30)))
        let held = try (0..<3).map { _ in try RawControlClient(path: path, timeout: 20) }
        // Held connections answer; a fourth is closed without an answer.
        try held[0].send(ControlRequest(id: 1, cmd: "ping"))
        #expect(try await blocking { try held[0].receive() }?.id == 1)
        let extra = try RawControlClient(path: path, timeout: 20)
        try? extra.send(ControlRequest(id: 2, cmd: "ping"))
        // Either the read fails (connection closed) or it ends without a response: never an answer.
        let answer = try? await blocking { try extra.receive() }
        #expect(answer.flatMap { $0 } == nil)
        withExtendedLifetime(held) {}
        await server?.close()
    }
}
