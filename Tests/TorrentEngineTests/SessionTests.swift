import Foundation
import Testing
import TorrentEngine

/// Session-wide behaviour: listening, re-binding, pause, saved state, interface binding.
@Suite(.timeLimit(.minutes(1)))
struct SessionTests {
    @Test func applyRebindsAndStateRoundTrips() throws {
        let engine = try TorrentEngine(settings: loopbackSettings())
        let first = try awaitAlert(engine, "listening") { alert -> Int? in
            if case .listenSucceeded("127.0.0.1", let port) = alert { return port }
            return nil
        }
        #expect(engine.listenPort() == first)

        var moved = loopbackSettings()
        moved.listenAddress = "127.0.0.2"
        try engine.apply(moved)
        try awaitAlert(engine, "re-bound") { if case .listenSucceeded("127.0.0.2", _) = $0 { () } else { nil } }

        engine.pauseSession()
        #expect(engine.isSessionPaused)
        engine.resumeSession()
        #expect(!engine.isSessionPaused)

        let state = engine.sessionState()
        #expect(!state.isEmpty)
        _ = try TorrentEngine(settings: loopbackSettings(), sessionState: state)
        #expect(throws: EngineError.self) { try TorrentEngine(settings: loopbackSettings(), sessionState: Data("garbage".utf8)) }
        #expect(throws: EngineError.self) { try engine.apply(EngineSettings(maxConnections: 0)) }
    }

    @Test func busyPortFailsWithoutFallbackAndRangeMovesOn() throws {
        let first = try TorrentEngine(settings: loopbackSettings())
        var taken: Int?
        try eventually("the first session to listen") {
            taken = first.listenPort()
            return taken != nil
        }
        let port = taken!

        var same = loopbackSettings()
        same.listenPortRange = port...port
        let blocked = try TorrentEngine(settings: same)
        try awaitAlert(blocked, "listen failure") { if case .listenFailed = $0 { () } else { nil } }
        #expect(blocked.listenPort() == nil)

        var range = loopbackSettings()
        range.listenPortRange = port...(port + 5)
        let moved = try TorrentEngine(settings: range)
        try eventually("the next port in the range") { moved.listenPort().map { (port + 1)...(port + 5) ~= $0 } ?? false }
    }

    @Test func waitingForAlertsDoesNotBlockCommands() throws {
        let engine = try TorrentEngine(settings: loopbackSettings())
        try eventually("startup alerts to drain") { engine.waitForAlerts(timeoutMilliseconds: 50).isEmpty }
        let waited = DispatchSemaphore(value: 0)
        let waiter = Thread {
            _ = engine.waitForAlerts(timeoutMilliseconds: 3000)
            waited.signal()
        }
        waiter.start()
        Thread.sleep(forTimeInterval: 0.2)
        let start = Date()
        _ = engine.allStatuses()
        _ = engine.listenPort()
        engine.pauseSession()
        engine.resumeSession()
        #expect(Date().timeIntervalSince(start) < 1.0)
        // The waiter finishes before the engine goes away with the test.
        #expect(waited.wait(timeout: .now() + 5) == .success)
    }
}
