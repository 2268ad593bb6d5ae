@testable import Core
@testable import Indexers
import Foundation

/// Fixture files under Tests/Fixtures/indexers/.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/indexers").standardizedFileURL

    static func data(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }
}

/// A transport that answers from fixtures by URL path (and records what was asked), standing in
/// for the shared HTTP client.
final class FixtureTransport: ReleaseTransport, @unchecked Sendable {
    struct Route {
        let matches: @Sendable (TransportRequest) -> Bool
        let response: TransportResponse
    }

    private let lock = NSLock()
    private var routes: [Route] = []
    private var sent: [TransportRequest] = []

    var requests: [TransportRequest] { lock.withLock { sent } }

    func on(_ pathSuffix: String, method: String = "GET", status: Int = 200, headers: [String: String] = [:], fixture: String? = nil, body: Data = Data()) throws {
        let data = try fixture.map(Fixture.data) ?? body
        let route = Route(matches: { $0.method == method && $0.url.absoluteString.components(separatedBy: "?")[0].hasSuffix(pathSuffix) },
                          response: TransportResponse(status: status, headers: headers, body: data))
        lock.withLock { routes.append(route) }
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let route = lock.withLock { () -> Route? in
            sent.append(request)
            return routes.last { $0.matches(request) }
        }
        guard let route else { throw URLError(.resourceUnavailable) }
        return route.response
    }
}
