import Foundation
import GRDB

/// What a release search needs to know about a library item, read in one query: its titles, ids,
/// quality limit (the item's, else its parent's) and length. Decoded by position.
public struct SearchSubject: Sendable, Equatable {
    /// The item the search is for (for an episode: the episode; a track's search is its album's).
    public var id: Int64
    /// The movie's, show's or album's title.
    public var title: String
    public var originalTitle: String?
    /// The album's artist.
    public var artist: String?
    public var year: Int?
    /// An album's first release date (its first four characters are the year).
    public var releaseDate: String?
    public var qualityLimit: String?
    public var runtimeMinutes: Int?
    public var imdbID: String?
    public var tmdbID: Int?
    public var mbid: String?
    /// An album's tracks together (ms).
    public var totalDurationMs: Int64?

    public init(id: Int64, title: String) {
        self.id = id
        self.title = title
    }

    /// movies: id, title, original_title, year, quality_limit, runtime_minutes, imdb_id, tmdb_id.
    static func movie(_ row: Row) -> SearchSubject {
        var s = SearchSubject(id: row[0], title: row[1])
        s.originalTitle = row[2]; s.year = row[3]; s.qualityLimit = row[4]; s.runtimeMinutes = row[5]
        s.imdbID = row[6]; s.tmdbID = row[7]
        return s
    }

    /// episodes ⨝ tv_shows: episode id, show title, original_title, quality_limit, runtime_minutes, imdb_id, tmdb_id.
    static func episode(_ row: Row) -> SearchSubject {
        var s = SearchSubject(id: row[0], title: row[1])
        s.originalTitle = row[2]; s.qualityLimit = row[3]; s.runtimeMinutes = row[4]; s.imdbID = row[5]; s.tmdbID = row[6]
        return s
    }

    /// albums ⨝ artists: id, title, artist name, release_date, mbid, limit, total duration.
    static func album(_ row: Row) -> SearchSubject {
        var s = SearchSubject(id: row[0], title: row[1])
        s.artist = row[2]; s.releaseDate = row[3]; s.mbid = row[4]; s.qualityLimit = row[5]; s.totalDurationMs = row[6]
        return s
    }
}
