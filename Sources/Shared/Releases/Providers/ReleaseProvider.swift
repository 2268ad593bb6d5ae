import Foundation

/// What a search asks for (spec: Indexer Service, SearchQuery).
public struct SearchQuery: Sendable, Equatable {
    public enum MediaType: String, Sendable, Codable { case movie, tv, music }

    public var query: String
    public var mediaType: MediaType
    public var imdbId: String?
    public var tmdbId: Int?
    public var tvdbId: Int?
    public var mbid: String?
    public var year: Int?
    public var season: Int?
    public var episode: Int?
    public var artist: String?
    public var album: String?

    public init(query: String, mediaType: MediaType, imdbId: String? = nil, tmdbId: Int? = nil, tvdbId: Int? = nil,
                mbid: String? = nil, year: Int? = nil, season: Int? = nil, episode: Int? = nil,
                artist: String? = nil, album: String? = nil) {
        self.query = query
        self.mediaType = mediaType
        self.imdbId = imdbId
        self.tmdbId = tmdbId
        self.tvdbId = tvdbId
        self.mbid = mbid
        self.year = year
        self.season = season
        self.episode = episode
        self.artist = artist
        self.album = album
    }
}

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
