import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing
@testable import Auth
@testable import Config
@testable import Daemon
@testable import Control
@testable import Persistence

/// The events socket is open to every local user (0666): a half-sent request is closed after the
/// request timeout and connections over the cap get 503 at once (issue 11, defect 2). Small limits
/// keep the test quick; waits are client timeouts, never measured durations.
@Suite(.serialized) struct EventServerLimitsTests {
    @Test func halfSentRequestsAreClosedAndConnectionsOverTheCapGet503() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-ev-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = try ConfigLoader.parse("""
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef-events"
            data_dir = "\(dir)"
            """, file: "events-test.toml")
        let database = try AppDatabase.open(config.database)
        try database.migrate()
        let path = dir + "/events.sock"
        let server = try await EventServer.start(path: path, hub: EventHub(), authorizer: EventAuthorizer(database: database, config: config),
                                                 logger: Logger(label: "test"),
                                                 // 3 s: long enough that all three are connected before the first
                                                 // is timed out on a loaded machine.
                                                 limits: ConnectionLimits(maxConnections: 2, requestTimeout: .seconds(3)))
        let halfSent = try RawSocket(path: path)
        try halfSent.send("GET /api/events?ticket=x HTTP/1.1\r\nHost: lcars\r\n")   // no blank line: the head never ends
        let second = try RawSocket(path: path)
        let third = try RawSocket(path: path)
        // Three connections, a cap of two: one is over it and gets a 503 at once. Which one is up to
        // the event loops (each accepted channel becomes active on its own loop, so the count need not
        // follow the connect order). The two others never complete a head and are closed by the
        // server (EOF) after the head timeout, well before the client's 20 s.
        var answers: [String] = []
        for socket in [third, halfSent, second] { answers.append(try await blocking { try socket.readAll() }) }
        #expect(answers.filter { $0.hasPrefix("HTTP/1.1 503") }.count == 1, "\(answers)")
        #expect(answers.filter { $0 == "" }.count == 2, "\(answers)")
        // Slots freed: a complete request is answered (401: no valid ticket).
        var answer = ""
        for _ in 0..<50 {
            let fresh = try RawSocket(path: path)
            try? fresh.send("GET /api/events?ticket=x HTTP/1.1\r\nHost: lcars\r\n\r\n")
            answer = try await blocking { try fresh.readAll() }
            if !answer.hasPrefix("HTTP/1.1 503") { break }   // the closed ones may take a moment to be counted out
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(answer.hasPrefix("HTTP/1.1 401"))
        await server.close()
    }

    /// A method other than GET is 405 naming the one it takes (RFC 9110: a 405 carries Allow).
    @Test func otherMethodsAre405WithAllow() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-ev-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = try ConfigLoader.parse("""
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef-events"
            data_dir = "\(dir)"
            """, file: "events-test.toml")
        let database = try AppDatabase.open(config.database)
        try database.migrate()
        let path = dir + "/events.sock"
        let server = try await EventServer.start(path: path, hub: EventHub(), authorizer: EventAuthorizer(database: database, config: config),
                                                 logger: Logger(label: "test"), limits: ConnectionLimits(maxConnections: 4, requestTimeout: .seconds(5)))
        let client = try RawSocket(path: path)
        try client.send("POST /api/events HTTP/1.1\r\nHost: lcars\r\nContent-Length: 0\r\n\r\n")
        let answer = try await blocking { try client.readAll() }
        #expect(answer.hasPrefix("HTTP/1.1 405"))
        #expect(answer.lowercased().contains("\r\nallow: get\r\n"), "\(answer)")
        await server.close()
    }
}

/// A Unix stream socket with a 20 s receive timeout: a server that never closes makes readAll throw.
final class RawSocket: @unchecked Sendable {
    let fd: Int32
    init(path: String) throws { fd = try UnixSocket.connect(path: path, timeout: 20) }
    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw UnixSocket.Failure(description: "short write") }
    }

    /// Everything until the server closes.
    func readAll() throws -> String {
        var out = [UInt8](), buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return String(decoding: out, as: UTF8.self) }
            guard n > 0 else { throw UnixSocket.Failure(description: "recv: \(String(cString: strerror(errno)))") }
            out += buffer[0..<n]
        }
    }
}
