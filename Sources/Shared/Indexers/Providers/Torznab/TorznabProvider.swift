import Foundation
import Releases

/// A Torznab indexer (Jackett, Prowlarr, or a site that speaks it): reads caps once, then
/// searches with the most specific function and ids the caps allow.
public actor TorznabProvider: ReleaseProvider {
    public nonisolated let name: String
    public nonisolated let supportsMovies: Bool
    public nonisolated let supportsTV: Bool
    public nonisolated let supportsMusic: Bool
    let baseURL: URL
    let apiKey: String
    let trackers: [String]
    let transport: ReleaseTransport
    private var caps: TorznabCaps?

    public init(name: String, baseURL: URL, apiKey: String, transport: ReleaseTransport, trackers: [String] = [],
                movies: Bool = true, tv: Bool = true, music: Bool = true) {
        self.name = name
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.transport = transport
        self.trackers = trackers
        supportsMovies = movies
        supportsTV = tv
        supportsMusic = music
    }

    public func capabilities() async throws -> TorznabCaps {
        if let caps { return caps }
        let response = try await fetch(transport, TransportRequest(url: url(["t": "caps"])))
        let parsed = try TorznabCaps.parse(response.body, indexer: name)
        caps = parsed
        return parsed
    }

    public func search(_ query: SearchQuery) async throws -> [ReleaseCandidate] {
        let params = TorznabQuery.parameters(for: query, caps: try await capabilities())
        let response = try await fetch(transport, TransportRequest(url: url(params)))
        return try FeedParser.parse(response.body, indexer: name, trackers: trackers)
    }

    func url(_ params: [String: String]) -> URL {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        if !components.path.hasSuffix("/api") { components.path = (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path) + "/api" }
        var all = params
        if !apiKey.isEmpty { all["apikey"] = apiKey }
        components.queryItems = all.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.url!
    }
}

/// Which Torznab function and parameters a query becomes, given what the indexer supports.
enum TorznabQuery {
    static func parameters(for q: SearchQuery, caps: TorznabCaps) -> [String: String] {
        var p: [String: String] = [:]
        let mode: String
        switch q.mediaType {
        case .movie: mode = caps.supports("movie-search") ? "movie-search" : "search"
        case .tv: mode = caps.supports("tv-search") ? "tv-search" : "search"
        case .music: mode = caps.musicMode ?? "search"
        }
        p["t"] = ["movie-search": "movie", "tv-search": "tvsearch", "music-search": "music", "audio-search": "music"][mode] ?? "search"
        func set(_ key: String, _ value: String?) {
            if let value, !value.isEmpty, caps.supports(mode, param: key) { p[key] = value }
        }
        set("imdbid", q.imdbId.map { $0.hasPrefix("tt") ? String($0.dropFirst(2)) : $0 })
        set("tmdbid", q.tmdbId.map(String.init))
        set("tvdbid", q.tvdbId.map(String.init))
        set("season", q.season.map(String.init))
        set("ep", q.episode.map(String.init))
        set("artist", q.artist)
        set("album", q.album)
        set("year", q.year.map(String.init))
        // Ids find the item better than words; the words stay when no id could be sent.
        let sentId = ["imdbid", "tmdbid", "tvdbid"].contains { p[$0] != nil }
        if !sentId || mode == "search" { p["q"] = searchText(q, mode: mode, sent: p) }
        p["cat"] = categories(q.mediaType, caps: caps)
        return p.filter { !$0.value.isEmpty }
    }

    /// With plain `t=search`, season/episode and artist/album go into the words.
    private static func searchText(_ q: SearchQuery, mode: String, sent: [String: String]) -> String {
        var words = q.query
        if mode == "search" || sent["season"] == nil, let s = q.season {
            words += q.episode.map { String(format: " S%02dE%02d", s, $0) } ?? String(format: " S%02d", s)
        }
        if q.mediaType == .music, sent["artist"] == nil, let artist = q.artist, !words.localizedCaseInsensitiveContains(artist) {
            words = artist + " " + words
        }
        return words.trimmingCharacters(in: .whitespaces)
    }

    /// Standard Newznab category roots the indexer has: 2000 movies, 5000 TV, 3000 audio.
    private static func categories(_ type: SearchQuery.MediaType, caps: TorznabCaps) -> String {
        let root = type == .movie ? 2000 : type == .tv ? 5000 : 3000
        let ids = caps.categories.keys.filter { $0 == root || ($0 > root && $0 < root + 1000) }.sorted()
        return ids.isEmpty ? String(root) : ids.map(String.init).joined(separator: ",")
    }
}
