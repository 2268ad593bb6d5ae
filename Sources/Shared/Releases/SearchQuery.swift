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
