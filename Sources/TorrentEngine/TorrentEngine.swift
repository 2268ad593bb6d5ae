import CTorrent
import Foundation

/// The Swift face of one libtorrent session.
///
/// Threading: libtorrent's session API is thread-safe, but this type keeps a single owner: every
/// call into the session is serialized through `lock`. The one exception is the alert wait, which
/// blocks for up to its timeout and so runs outside `lock` (libtorrent allows it concurrently);
/// alerts have a single consumer, `waitForAlerts`.
public final class TorrentEngine: @unchecked Sendable {
    // @unchecked: `session` is only touched under `lock` (or by the thread-safe alert wait), and
    // deinit cannot overlap a method call.
    private let session: OpaquePointer
    private let lock = NSLock()
    private let alertConsumer = NSLock()

    /// Starts a session. `sessionState` is a previous `sessionState()` (DHT nodes etc.).
    public init(settings: EngineSettings, sessionState: Data? = nil) throws {
        try settings.validate()
        var error = ct_error()
        let created = settings.withCSettings { cSettings in
            withOptionalBytes(sessionState) { ct_session_create(cSettings, $0, $1, &error) }
        }
        guard let created else { throw EngineError(error) }
        session = created
    }

    deinit {
        // Blocks until libtorrent has closed its sockets and files.
        ct_session_destroy(session)
    }

    /// Applies new settings to the running session; listen changes re-bind (a bind failure then
    /// arrives as `.listenFailed`).
    public func apply(_ settings: EngineSettings) throws {
        try settings.validate()
        var error = ct_error()
        let code = locked { session in settings.withCSettings { ct_session_apply_settings(session, $0, &error) } }
        if code != 0 { throw EngineError(error) }
    }

    public func pauseSession() { locked { ct_session_pause($0) } }
    public func resumeSession() { locked { ct_session_resume($0) } }
    public var isSessionPaused: Bool { locked { ct_session_is_paused($0) != 0 } }

    /// The TCP port peers can reach us on; nil while the session has no listen socket.
    public func listenPort() -> Int? {
        let port = locked { ct_session_listen_port($0) }
        return port > 0 ? Int(port) : nil
    }

    /// Session state to pass to the next `init` (DHT routing table, extension state; never the
    /// settings). Empty only if libtorrent could not serialize it (out of memory); `init` treats
    /// empty as "no state".
    public func sessionState() -> Data {
        var bytes = ct_bytes()
        var error = ct_error()
        guard locked({ ct_session_save_state($0, &bytes, &error) }) == 0 else { return Data() }
        return takeData(&bytes)
    }

    /// Waits up to `timeoutMilliseconds` for alerts and returns the ones LCARS uses, oldest first.
    /// Single consumer: concurrent callers take turns.
    public func waitForAlerts(timeoutMilliseconds: Int) -> [TorrentAlert] {
        alertConsumer.lock()
        defer { alertConsumer.unlock() }
        // Outside `lock`: commands keep flowing while this thread sleeps.
        guard ct_session_wait_for_alert(session, Int32(clamping: timeoutMilliseconds)) != 0 else { return [] }
        return locked { session in
            takeArray({ ct_session_pop_alerts(session, &$0, &$1, &$2) }, free: { ct_free_alerts($0, $1) }, TorrentAlert.init)
        }
    }

    /// Runs `body` with the session while holding the single-owner lock.
    func locked<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(session)
    }
}

/// Lends optional bytes to C as pointer + length (NULL, 0 for nil or empty).
func withOptionalBytes<R>(_ data: Data?, _ body: (UnsafePointer<UInt8>?, Int) -> R) -> R {
    guard let data, !data.isEmpty else { return body(nil, 0) }
    return data.withUnsafeBytes { raw in body(raw.bindMemory(to: UInt8.self).baseAddress, raw.count) }
}
