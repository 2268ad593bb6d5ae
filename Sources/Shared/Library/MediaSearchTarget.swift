import Foundation
import GRDB
import Core
import Releases

/// What to search for a library item, and how to rank what comes back: the indexer query (title,
/// ids, season/episode, artist/album), the ranking target (quality limit, year, runtime, alternate
/// titles) and the item the download will be linked to.
public struct MediaSearchTarget: Sendable {
    public var query: SearchQuery
    public var ranking: RankingTarget
    public var media: MediaReference?

    public init(query: SearchQuery, ranking: RankingTarget, media: MediaReference?) {
        self.query = query
        self.ranking = ranking
        self.media = media
    }

    public enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        public var description: String { if case .notFound(let m) = self { m } else { "" } }
    }

    public static func movie(_ db: Database, id: Int64) throws -> MediaSearchTarget {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM movies WHERE id = ?", arguments: [id]) else {
            throw Failure.notFound("movie \(id) does not exist")
        }
        let title: String = row["title"]
        let year: Int? = (row["year"] as Int?).flatMap { $0 > 0 ? $0 : nil }
        var ranking = RankingTarget(kind: .movie, title: title, year: year)
        ranking.alternateTitles = [row["original_title"] as String?].compactMap { $0 }.filter { $0 != title }
        ranking.videoLimit = VideoQuality(rawValue: row["quality_limit"] ?? "1080p") ?? .p1080
        ranking.runtimeMinutes = row["runtime_minutes"]
        let query = SearchQuery(query: [title, year.map(String.init)].compactMap { $0 }.joined(separator: " "), mediaType: .movie,
                                imdbId: row["imdb_id"], tmdbId: row["tmdb_id"], year: year)
        return MediaSearchTarget(query: query, ranking: ranking, media: MediaReference(type: .movie, id: id))
    }

    public static func episode(_ db: Database, showID: Int64, season: Int, episode: Int) throws -> MediaSearchTarget {
        guard let show = try Row.fetchOne(db, sql: "SELECT * FROM tv_shows WHERE id = ?", arguments: [showID]) else {
            throw Failure.notFound("show \(showID) does not exist")
        }
        guard let ep = try Row.fetchOne(db, sql: "SELECT * FROM episodes WHERE show_id = ? AND season_number = ? AND episode_number = ?",
                                        arguments: [showID, season, episode]) else {
            throw Failure.notFound("show \(showID) has no episode S\(String(format: "%02d", season))E\(String(format: "%02d", episode))")
        }
        let title: String = show["title"]
        var ranking = RankingTarget(kind: .episode, title: title, season: season, episode: episode)
        ranking.alternateTitles = [show["original_title"] as String?].compactMap { $0 }.filter { $0 != title }
        ranking.videoLimit = VideoQuality(rawValue: show["quality_limit"] ?? "1080p") ?? .p1080
        ranking.runtimeMinutes = ep["runtime_minutes"]
        let query = SearchQuery(query: title, mediaType: .tv, imdbId: show["imdb_id"], tmdbId: show["tmdb_id"],
                                season: season, episode: episode)
        return MediaSearchTarget(query: query, ranking: ranking, media: MediaReference(type: .episode, id: ep["id"]))
    }

    public static func album(_ db: Database, id: Int64) throws -> MediaSearchTarget {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT al.*, ar.name AS artist_name, COALESCE(al.quality_limit, ar.quality_limit) AS limit_text,
                   (SELECT SUM(duration_ms) FROM tracks WHERE album_id = al.id) AS total_ms
            FROM albums al JOIN artists ar ON ar.id = al.artist_id WHERE al.id = ?
            """, arguments: [id]) else { throw Failure.notFound("album \(id) does not exist") }
        let title: String = row["title"], artist: String = row["artist_name"]
        var ranking = RankingTarget(kind: .album, title: title, year: year(row["release_date"]), artist: artist)
        ranking.musicLimit = MusicQuality(limit: row["limit_text"] ?? "flac") ?? .flac
        ranking.runtimeMinutes = (row["total_ms"] as Int64?).map { Int(($0 + 59_999) / 60_000) }
        let query = SearchQuery(query: "\(artist) \(title)", mediaType: .music, mbid: row["mbid"], year: ranking.year,
                                artist: artist, album: title)
        return MediaSearchTarget(query: query, ranking: ranking, media: MediaReference(type: .album, id: id))
    }

    /// A track is found inside its album's releases: the search is the album's, the link the track's.
    public static func track(_ db: Database, id: Int64) throws -> MediaSearchTarget {
        guard let albumID = try Int64.fetchOne(db, sql: "SELECT album_id FROM tracks WHERE id = ?", arguments: [id]) else {
            throw Failure.notFound("track \(id) does not exist")
        }
        var target = try album(db, id: albumID)
        target.media = MediaReference(type: .track, id: id)
        return target
    }

    static func year(_ date: String?) -> Int? {
        guard let date, date.count >= 4 else { return nil }
        return Int(date.prefix(4))
    }
}
