@testable import Core
@testable import Net
@testable import Indexers
import Foundation
import Testing

/// The adapter from providers to the libcurl client, against a one-shot loopback server: status,
/// lower-cased headers, every Set-Cookie joined with "\n" (Rutracker's login reads bb_session from it).
@Suite struct HTTPReleaseTransportTests {
    /// Accepts one connection, reads the request head, answers `response`, and returns what it read.
    func oneShotServer(_ response: String) throws -> (port: UInt16, request: @Sendable () -> String) {
        let (fd, port) = try HTTPClientTransferTests().silentPort()
        let received = ReceivedText()
        let thread = Thread {
            let client = accept(fd, nil, nil)
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = read(client, &buffer, buffer.count)
            received.set(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self))
            _ = response.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
            close(client)
            close(fd)
        }
        thread.start()
        return (port, { received.get() })
    }

    @Test func setCookieHeadersAreJoinedAndTheBodyArrives() async throws {
        let body = "<html>ok</html>"
        let (port, request) = try oneShotServer("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nSet-Cookie: bb_guid=abc; path=/\r\n"
            + "Set-Cookie: bb_session=0-123-xyz; path=/forum/; HttpOnly\r\nX-Thing: 1\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        let client = HTTPClient(service: "Rutracker", settings: HTTPClientSettings(
            userAgent: "LCARS/test", connectTimeout: 1, timeout: 3, retry: RetryPolicy(retries: 0, base: 0.01, maxWait: 1)))
        let transport = HTTPReleaseTransport(client: client, timeout: 3)
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/forum/login.php"))
        let answer = try await transport.send(TransportRequest(url: url, method: "POST", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                               body: Data("login_username=a".utf8)))
        #expect(answer.status == 200 && String(decoding: answer.body, as: UTF8.self) == body && answer.headers["x-thing"] == "1")
        #expect(answer.headers["set-cookie"] == "bb_guid=abc; path=/\nbb_session=0-123-xyz; path=/forum/; HttpOnly")
        #expect(RutrackerForm.sessionCookie(answer.headers["set-cookie"]) == "bb_session=0-123-xyz")
        let sent = request()
        #expect(sent.hasPrefix("POST /forum/login.php HTTP/1.1"))
    }
}

final class ReceivedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ value: String) { lock.withLock { text = value } }
    func get() -> String { lock.withLock { text } }
}
