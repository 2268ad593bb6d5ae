import Foundation
@testable import Control
@testable import Core

/// Stands in for lcarsd on the control channel: each command answers what the test set up
/// (a result or an error body), and every call is recorded so a test can assert what was asked.
/// A command nobody set up answers like a daemon that is down.
final class StubDaemon: DaemonChannel, @unchecked Sendable {
    typealias Handler = @Sendable (JSONValue) throws(ControlClient.Failure) -> JSONValue
    private let lock = NSLock()
    private var handlers: [String: Handler] = [:]
    private var log: [(cmd: String, args: JSONValue)] = []

    func on(_ cmd: String, _ handler: @escaping Handler) {
        lock.withLock { handlers[cmd] = handler }
    }

    /// Answers `cmd` with `result` encoded.
    func answer(_ cmd: String, with result: some Encodable & Sendable) {
        let value = try! JSONValue(encoding: result)
        on(cmd) { _ in value }
    }

    /// Answers `cmd` with lcarsd's error body.
    func fail(_ cmd: String, code: String, message: String, details: JSONValue? = nil) {
        on(cmd) { _ throws(ControlClient.Failure) in throw .daemon(ControlErrorBody(code: code, message: message, details: details)) }
    }

    var calls: [(cmd: String, args: JSONValue)] { lock.withLock { log } }

    func call(_ cmd: String, args: JSONValue) throws(ControlClient.Failure) -> JSONValue {
        let handler = lock.withLock { () -> Handler? in
            log.append((cmd, args))
            return handlers[cmd]
        }
        guard let handler else { throw .unreachable("connect: No such file or directory (stub: no handler for \(cmd))") }
        return try handler(args)
    }
}
