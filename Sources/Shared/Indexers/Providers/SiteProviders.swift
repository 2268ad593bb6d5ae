import Foundation
import Releases

/// Sites whose search results carry only a link to a detail page; the magnet is read from that
/// page for the release actually chosen, not for every result.
public protocol MagnetResolving: ReleaseProvider {
    func resolveMagnet(_ candidate: ReleaseCandidate) async throws -> String
}

/// Public trackers most magnets from YTS/EZTV-style hashes announce to; an indexer's own list
/// (from its settings) replaces this.
public enum DefaultTrackers {
    public static let list = [
        "udp://tracker.opentrackr.org:1337/announce", "udp://open.demonii.com:1337/announce",
        "udp://open.stealth.si:80/announce", "udp://tracker.torrent.eu.org:451/announce",
        "udp://exodus.desync.com:6969/announce", "udp://tracker.openbittorrent.com:6969/announce",
    ]
}

/// Where a JSON-API site lives and how to reach it.
public struct SiteEndpoint: Sendable {
    public let name: String
    public let baseURL: URL
    public let transport: ReleaseTransport
    /// Announced in magnets built from bare info hashes.
    public let trackers: [String]

    public init(name: String, baseURL: URL, transport: ReleaseTransport, trackers: [String] = DefaultTrackers.list) {
        self.name = name
        self.baseURL = baseURL
        self.transport = transport
        self.trackers = trackers
    }

    /// baseURL + path + query.
    func url(_ path: String, _ query: [(String, String)]) -> URL {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.url!
    }
}

/// YTS (movies only): `/api/v2/list_movies.json?query_term=<imdb id or words>`.
public struct YTSProvider: ReleaseProvider {
    public let site: SiteEndpoint
    public var name: String { site.name }
    public let supportsMovies = true, supportsTV = false, supportsMusic = false

    public init(name: String = "YTS", baseURL: URL, transport: ReleaseTransport, trackers: [String] = DefaultTrackers.list) {
        site = SiteEndpoint(name: name, baseURL: baseURL, transport: transport, trackers: trackers)
    }

    public func search(_ query: SearchQuery) async throws -> [ReleaseCandidate] {
        guard query.mediaType == .movie else { return [] }
        let url = site.url("api/v2/list_movies.json", [("query_term", query.imdbId ?? query.query), ("limit", "50")])
        let response = try await fetch(site.transport, TransportRequest(url: url))
        return try YTSParser.parse(response.body, indexer: name, trackers: site.trackers)
    }
}

/// EZTV (TV only): `/api/get-torrents?imdb_id=<digits>`; it cannot search by words.
public struct EZTVProvider: ReleaseProvider {
    public let site: SiteEndpoint
    public var name: String { site.name }
    public let supportsMovies = false, supportsTV = true, supportsMusic = false

    public init(name: String = "EZTV", baseURL: URL, transport: ReleaseTransport, trackers: [String] = DefaultTrackers.list) {
        site = SiteEndpoint(name: name, baseURL: baseURL, transport: transport, trackers: trackers)
    }

    /// Star Trek (1966): EZTV only searches by IMDb id.
    public var testQuery: SearchQuery { SearchQuery(query: "Star Trek", mediaType: .tv, imdbId: "tt0060028") }

    public func search(_ query: SearchQuery) async throws -> [ReleaseCandidate] {
        guard query.mediaType == .tv else { return [] }
        guard let imdb = query.imdbId else {
            throw ProviderError.notSupported(site: name, detail: "EZTV searches by IMDb id only; the show has none")
        }
        let digits = imdb.hasPrefix("tt") ? String(imdb.dropFirst(2)) : imdb
        let response = try await fetch(site.transport, TransportRequest(url: site.url("api/get-torrents", [("imdb_id", digits), ("limit", "100")])))
        return try EZTVParser.parse(response.body, indexer: name, trackers: site.trackers, season: query.season, episode: query.episode)
    }
}

/// A plain RSS (or Torznab-RSS) feed: every fetch returns the feed's current items.
public struct RSSProvider: ReleaseProvider {
    public let name: String
    public let supportsMovies: Bool, supportsTV: Bool, supportsMusic: Bool
    let feedURL: URL
    let trackers: [String]
    let transport: ReleaseTransport

    public init(name: String, feedURL: URL, transport: ReleaseTransport, trackers: [String] = DefaultTrackers.list,
                movies: Bool = true, tv: Bool = true, music: Bool = true) {
        self.name = name
        self.feedURL = feedURL
        self.transport = transport
        self.trackers = trackers
        supportsMovies = movies
        supportsTV = tv
        supportsMusic = music
    }

    public func search(_ query: SearchQuery) async throws -> [ReleaseCandidate] {
        let response = try await fetch(transport, TransportRequest(url: feedURL))
        return try FeedParser.parse(response.body, indexer: name, trackers: trackers)
    }
}

/// 1337x: HTML search, magnet from the torrent's page.
public struct X1337Provider: MagnetResolving {
    public let name: String
    public let supportsMovies = true, supportsTV = true, supportsMusic = true
    let baseURL: URL
    let transport: ReleaseTransport

    public init(name: String = "1337x", baseURL: URL, transport: ReleaseTransport) {
        self.name = name
        self.baseURL = baseURL
        self.transport = transport
    }

    public func search(_ query: SearchQuery) async throws -> [ReleaseCandidate] {
        var words = query.query
        if let s = query.season { words += query.episode.map { String(format: " S%02dE%02d", s, $0) } ?? String(format: " S%02d", s) }
        let category = ["movie": "Movies", "tv": "TV", "music": "Music"][query.mediaType.rawValue]!
        let path = "category-search/\(words.trimmingCharacters(in: .whitespaces))/\(category)/1/"
        guard let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed),
              let url = URL(string: escaped, relativeTo: baseURL) else {
            throw ProviderError.notSupported(site: name, detail: "cannot build a search address for \"\(words)\"")
        }
        let response = try await fetch(transport, TransportRequest(url: url))
        return try X1337Parser.parseSearch(response.body, indexer: name, baseURL: baseURL)
    }

    public func resolveMagnet(_ candidate: ReleaseCandidate) async throws -> String {
        if let magnet = candidate.magnet { return magnet }
        guard let page = candidate.detailsURL.flatMap(URL.init(string:)) else {
            throw ProviderError.unexpectedPage(site: name, detail: "the result has no torrent page to read the magnet from")
        }
        let response = try await fetch(transport, TransportRequest(url: page))
        return try X1337Parser.parseDetail(response.body, indexer: name)
    }
}
