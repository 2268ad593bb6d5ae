import Foundation
import Releases

/// What `POST /api/indexers/:id/test` reports.
public struct IndexerTestResult: Sendable, Codable, Equatable {
    public var ok: Bool
    public var message: String
    public var resultCount: Int

    public init(ok: Bool, message: String, resultCount: Int) {
        self.ok = ok
        self.message = message
        self.resultCount = resultCount
    }
}

/// One indexer (spec: Indexer Service, IndexerProvider). Fetching goes through the injected
/// `ReleaseTransport`; turning responses into candidates is done by pure parsers, so every site
/// format is tested from fixtures without a network.
public protocol ReleaseProvider: Sendable {
    var name: String { get }
    var supportsMovies: Bool { get }
    var supportsTV: Bool { get }
    var supportsMusic: Bool { get }
    func search(_ query: SearchQuery) async throws -> [ReleaseCandidate]
    /// What `test()` searches for; sites that cannot search by words override it.
    var testQuery: SearchQuery { get }
}

extension ReleaseProvider {
    public func supports(_ type: SearchQuery.MediaType) -> Bool {
        switch type {
        case .movie: supportsMovies
        case .tv: supportsTV
        case .music: supportsMusic
        }
    }

    /// Something every indexer has.
    public var testQuery: SearchQuery {
        let type: SearchQuery.MediaType = supportsMovies ? .movie : supportsTV ? .tv : .music
        return SearchQuery(query: type == .music ? "beatles" : "star trek", mediaType: type)
    }

    /// A search for `testQuery`; success means the site answered in a form we read.
    public func test() async -> IndexerTestResult {
        do {
            let results = try await search(testQuery)
            return IndexerTestResult(ok: true, message: "\(name) answered with \(results.count) results", resultCount: results.count)
        } catch {
            return IndexerTestResult(ok: false, message: "\(error)", resultCount: 0)
        }
    }

    /// Sends a request and checks the answer is a page of results (not a challenge, not an error).
    func fetch(_ transport: ReleaseTransport, _ request: TransportRequest) async throws -> TransportResponse {
        let response = try await transport.send(request)
        try PageInspector.check(response, site: name)
        return response
    }
}
