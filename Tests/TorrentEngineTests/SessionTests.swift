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
}
