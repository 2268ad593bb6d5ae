import Foundation
import Config
import Net

/// MusicBrainz ws/2 (JSON) and the Cover Art Archive. Every MusicBrainz request passes the shared
/// rate limiter (`musicbrainz.rate_limit_ms`, across all LCARS processes); a 503 from MusicBrainz
/// (its "slow down") is retried by the HTTP client after Retry-After or a backoff.
public struct MusicBrainzClient: Sendable {
    public let config: LCARSConfig.MusicBrainz
    let http: HTTPClient
    let coverArt: HTTPClient
    /// MusicBrainz's largest page for browse requests.
    static let pageSize = 100

    public init(config: LCARSConfig.MusicBrainz, http: HTTPClient, coverArt: HTTPClient) {
        self.config = config
        self.http = http
        self.coverArt = coverArt
    }

    public func searchArtists(_ text: String) throws -> [MBArtist] {
        try get(MBArtistSearch.self, ["artist"], [("query", LuceneQuery.field("artist", text)), ("limit", "25")], what: "artist search").artists
    }

    public func searchReleaseGroups(_ text: String, artistMBID: String?) throws -> [MBReleaseGroup] {
        var query = LuceneQuery.field("releasegroup", text)
        if let artistMBID { query += " AND arid:\(try MBID.require(artistMBID, field: "artist_mbid"))" }
        return try get(MBReleaseGroupSearch.self, ["release-group"], [("query", query), ("limit", "25")], what: "album search").releaseGroups
    }

    public func artist(_ mbid: String) throws -> MBArtist {
        try get(MBArtist.self, ["artist", try MBID.require(mbid, field: "mbid")], [], what: "artist \(mbid)")
    }

    public func releaseGroup(_ mbid: String) throws -> MBReleaseGroup {
        try get(MBReleaseGroup.self, ["release-group", try MBID.require(mbid, field: "mbid")], [("inc", "artist-credits")], what: "release group \(mbid)")
    }

    /// Every release group of the artist whose primary type is in `types`, page by page.
    public func releaseGroups(ofArtist mbid: String, types: [String]) throws -> [MBReleaseGroup] {
        let artist = try MBID.require(mbid, field: "mbid")
        var filter: [(String, String)] = []
        if !types.isEmpty { filter.append(("type", types.joined(separator: "|"))) }
        let all = try browse(MBReleaseGroupBrowse.self, ["release-group"], [("artist", artist)] + filter, what: "release groups of artist \(mbid)") {
            ($0.count, $0.releaseGroups)
        }
        let wanted = Set(types)
        return all.filter { wanted.isEmpty || wanted.contains(($0.primaryType ?? "").lowercased()) }
    }

    /// The releases (editions) of a release group, with their media (track counts, no tracks).
    public func releases(ofReleaseGroup mbid: String) throws -> [MBRelease] {
        let group = try MBID.require(mbid, field: "mbid")
        return try browse(MBReleaseBrowse.self, ["release"], [("release-group", group), ("inc", "media")], what: "releases of release group \(mbid)") {
            ($0.count, $0.releases)
        }
    }

    /// One release with its media and tracks (recording MBIDs, lengths).
    public func release(_ mbid: String) throws -> MBRelease {
        try get(MBRelease.self, ["release", try MBID.require(mbid, field: "mbid")], [("inc", "recordings")], what: "release \(mbid)")
    }

    /// The front cover of a release group from the Cover Art Archive (the 500 px thumbnail when
    /// there is one), or nil when it has none (404).
    public func cover(ofReleaseGroup mbid: String) throws -> String? {
        let url = try URLBuilder.url(config.coverArtURL, ["release-group", try MBID.require(mbid, field: "mbid")])
        let response: HTTPClientResponse
        do { response = try coverArt.send(HTTPClientRequest(url: url, headers: ["Accept": "application/json"])) }
        catch let error as HTTPClientError { throw MetadataError.upstream(error) }
        if response.status == 404 { return nil }
        guard response.isSuccess else { throw MetadataError.upstream(response.statusError()) }
        let index: CAAIndex
        do { index = try response.decode(CAAIndex.self) }
        catch let error as HTTPClientError { throw MetadataError.upstream(error) }
        let front = index.images.first { $0.front == true } ?? index.images.first
        return front?.thumbnails?["500"] ?? front?.thumbnails?["large"] ?? front?.image
    }

    /// Pages through a browse request (limit 100) until `count` items have arrived.
    private func browse<Page: Decodable, Item>(_ type: Page.Type, _ segments: [String], _ query: [(String, String)], what: String,
                                               items: (Page) -> (Int, [Item])) throws -> [Item] {
        var all: [Item] = []
        while true {
            let page = try get(Page.self, segments, query + [("limit", String(Self.pageSize)), ("offset", String(all.count))], what: what)
            let (count, batch) = items(page)
            all += batch
            if batch.isEmpty || all.count >= count { return all }
        }
    }

    private func get<T: Decodable>(_ type: T.Type, _ segments: [String], _ query: [(String, String)], what: String) throws -> T {
        let url = try URLBuilder.url(config.baseURL, segments, query: query + [("fmt", "json")])
        let response: HTTPClientResponse
        do { response = try http.send(HTTPClientRequest(url: url, headers: ["Accept": "application/json"])) }
        catch let error as HTTPClientError { throw MetadataError.upstream(error) }
        if response.status == 404 { throw MetadataError.notFound("MusicBrainz has no \(what)") }
        guard response.isSuccess else { throw MetadataError.upstream(response.statusError()) }
        do { return try response.decode(T.self) }
        catch let error as HTTPClientError { throw MetadataError.upstream(error) }
    }
}
