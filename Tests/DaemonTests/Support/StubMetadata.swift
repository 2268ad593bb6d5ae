import Foundation
@testable import Net

/// TMDB and MusicBrainz at the HTTP transport for lcarsd's jobs (as FCGIAppTests' StubServices):
/// answers by longest path prefix, 404 otherwise; the production clients run unchanged over it.
final class StubMetadata: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [(prefix: String, answer: HTTPTransportAnswer)] = []
    private var log: [String] = []

    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    func answer(_ prefix: String, status: Int = 200, json: String) {
        let answer = HTTPTransportAnswer(status: status, headers: ["content-type": "application/json"], body: Data(json.utf8))
        lock.withLock {
            replies.removeAll { $0.prefix == prefix }
            replies.append((prefix, answer))
            replies.sort { $0.prefix.count > $1.prefix.count }
        }
    }

    func answer(_ prefix: String, fixture: String) throws { answer(prefix, json: try Self.fixture(fixture)) }

    /// Paths asked for, in order.
    var paths: [String] { lock.withLock { log } }

    func perform(_ request: HTTPClientRequest, settings: HTTPClientSettings) -> Result<HTTPTransportAnswer, HTTPTransportFailure> {
        let answer = lock.withLock { () -> HTTPTransportAnswer? in
            log.append(request.url.path)
            return replies.first { request.url.path.hasPrefix($0.prefix) }?.answer
        }
        return .success(answer ?? HTTPTransportAnswer(status: 404, headers: ["content-type": "application/json"], body: Data("{}".utf8)))
    }
}
