import Foundation
@testable import Net

/// Stands in for TMDB, MusicBrainz, the Cover Art Archive and indexers at the HTTP transport:
/// the production clients (retries, gates, error wording) run unchanged over canned answers.
/// Answers are matched by URL path prefix (longest first); an unmatched request is a 404, as a
/// real service answers an unknown path. Every request is recorded.
final class StubServices: HTTPTransport, @unchecked Sendable {
    enum Reply {
        case answer(HTTPTransportAnswer)
        case failure(HTTPTransportFailure)
    }

    private let lock = NSLock()
    private var replies: [(prefix: String, reply: Reply)] = []
    private var log: [HTTPClientRequest] = []

    /// Answers requests whose path starts with `pathPrefix` (e.g. "/3/movie/603").
    func answer(_ pathPrefix: String, status: Int = 200, json: String, headers: [String: String] = [:]) {
        var all = headers
        all["content-type"] = all["content-type"] ?? "application/json"
        set(pathPrefix, .answer(HTTPTransportAnswer(status: status, headers: all, body: Data(json.utf8))))
    }

    /// Answers with a fixture file from Tests/Fixtures (e.g. "tmdb/movie_603.json").
    func answer(_ pathPrefix: String, status: Int = 200, fixture: String, headers: [String: String] = [:]) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures/\(fixture)")
        try answer(pathPrefix, status: status, json: String(contentsOf: url, encoding: .utf8), headers: headers)
    }

    func fail(_ pathPrefix: String, _ failure: HTTPTransportFailure) { set(pathPrefix, .failure(failure)) }

    private func set(_ prefix: String, _ reply: Reply) {
        lock.withLock {
            replies.removeAll { $0.prefix == prefix }
            replies.append((prefix, reply))
            replies.sort { $0.prefix.count > $1.prefix.count }
        }
    }

    var requests: [HTTPClientRequest] { lock.withLock { log } }

    func perform(_ request: HTTPClientRequest, settings: HTTPClientSettings) -> Result<HTTPTransportAnswer, HTTPTransportFailure> {
        let reply = lock.withLock { () -> Reply? in
            log.append(request)
            return replies.first { request.url.path.hasPrefix($0.prefix) }?.reply
        }
        switch reply {
        case .answer(let answer): return .success(answer)
        case .failure(let failure): return .failure(failure)
        case nil: return .success(HTTPTransportAnswer(status: 404, headers: ["content-type": "application/json"], body: Data(#"{"status_code":34}"#.utf8)))
        }
    }
}
