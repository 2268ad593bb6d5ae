@testable import Core
@testable import Net
import Foundation
import Testing

/// The client's own failure paths against loopback sockets (the answering cases run against the
/// fixture services in Tests/system).
@Suite struct HTTPClientTransferTests {
    func client(retries: Int, timeout: TimeInterval = 5) -> HTTPClient {
        HTTPClient(service: "Test", settings: HTTPClientSettings(
            userAgent: "LCARS/test", connectTimeout: 1, timeout: timeout,
            retry: RetryPolicy(retries: retries, base: 0.01, maxWait: 1)))
    }

    /// A listening TCP socket on a free loopback port that never accepts: connections complete in
    /// the backlog, requests are sent, and no answer ever comes.
    func silentPort() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    @Test func refusedConnectionsAreRetriedThenReported() throws {
        let (fd, port) = try silentPort()
        close(fd)   // nothing listens there any more
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/ws/2/artist?query=x&api_key=SECRET"))
        let error = try #require(throws: HTTPClientError.self) { try client(retries: 2).get(url) }
        #expect(error.attempts == 3 && error.path == "/ws/2/artist")
        guard case .connection = error.kind else { Issue.record("expected a connection failure, got \(error.kind)"); return }
        #expect(!error.description.contains("SECRET"))
    }

    @Test func aSilentServerTimesOutWithoutRetrying() throws {
        let (fd, port) = try silentPort()
        defer { close(fd) }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/slow"))
        let started = Date()
        let error = try #require(throws: HTTPClientError.self) { try client(retries: 3, timeout: 0.3).get(url) }
        #expect(error.isTimeout && error.attempts == 1)
        #expect(error.description == "Test: GET /slow: no complete answer within 0.3 s")
        #expect(Date().timeIntervalSince(started) < 2)
    }
}
