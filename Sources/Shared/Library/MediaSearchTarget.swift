import Foundation
import Core
import Persistence
import Releases

/// What to search for a library item, and how to rank what comes back: the indexer query (title,
/// ids, season/episode, artist/album), the ranking target (quality limit, year, runtime, alternate
/// titles) and the item the download will be linked to. Unknown items are 404 `DomainError`s.
public struct MediaSearchTarget: Sendable {
    public var query: SearchQuery
    public var ranking: RankingTarget
    public var media: MediaReference?

    public init(query: SearchQuery, ranking: RankingTarget, media: MediaReference?) {
        self.query = query
        self.ranking = ranking
        self.media = media
    }

    public static func movie(_ database: AppDatabase, id: Int64) throws -> MediaSearchTarget {
        let movie = try database.searchSubjects.movie(id: id)
        let year = movie.year.flatMap { $0 > 0 ? $0 : nil }
        var ranking = RankingTarget(kind: .movie, title: movie.title, year: year)
        ranking.alternateTitles = alternates(movie)
        ranking.videoLimit = videoLimit(movie.qualityLimit)
        ranking.runtimeMinutes = movie.runtimeMinutes
        let query = SearchQuery(query: [movie.title, year.map(String.init)].compactMap { $0 }.joined(separator: " "), mediaType: .movie,
                                imdbId: movie.imdbID, tmdbId: movie.tmdbID, year: year)
        return MediaSearchTarget(query: query, ranking: ranking, media: MediaReference(type: .movie, id: id))
    }

    public static func episode(_ database: AppDatabase, showID: Int64, season: Int, episode: Int) throws -> MediaSearchTarget {
        let ep = try database.searchSubjects.episode(showID: showID, season: season, episode: episode)
        var ranking = RankingTarget(kind: .episode, title: ep.title, season: season, episode: episode)
        ranking.alternateTitles = alternates(ep)
        ranking.videoLimit = videoLimit(ep.qualityLimit)
        ranking.runtimeMinutes = ep.runtimeMinutes
        let query = SearchQuery(query: ep.title, mediaType: .tv, imdbId: ep.imdbID, tmdbId: ep.tmdbID, season: season, episode: episode)
        return MediaSearchTarget(query: query, ranking: ranking, media: MediaReference(type: .episode, id: ep.id))
    }

    /// A whole season (a season pack), ranked as one; the download is linked to `firstEpisode`
    /// (search_missing moves the season's other missing episodes with it).
    public static func season(_ database: AppDatabase, showID: Int64, season: Int, firstEpisode: Int) throws -> MediaSearchTarget {
        var target = try episode(database, showID: showID, season: season, episode: firstEpisode)
        target.ranking.kind = .season
        target.ranking.episode = nil
        target.query.episode = nil
        return target
    }

    public static func album(_ database: AppDatabase, id: Int64) throws -> MediaSearchTarget {
        let album = try database.searchSubjects.album(id: id)
        let artist = album.artist ?? ""
        var ranking = RankingTarget(kind: .album, title: album.title, year: year(album.releaseDate), artist: artist)
        ranking.musicLimit = album.qualityLimit.flatMap(MusicQuality.init(limit:)) ?? MusicQuality.defaultLimit
        ranking.runtimeMinutes = album.totalDurationMs.map { Int(($0 + 59_999) / 60_000) }
        let query = SearchQuery(query: "\(artist) \(album.title)", mediaType: .music, mbid: album.mbid, year: ranking.year,
                                artist: artist, album: album.title)
        return MediaSearchTarget(query: query, ranking: ranking, media: MediaReference(type: .album, id: id))
    }

    /// A track is found inside its album's releases: the search is the album's, the link the track's.
    public static func track(_ database: AppDatabase, id: Int64) throws -> MediaSearchTarget {
        var target = try album(database, id: try database.searchSubjects.albumID(ofTrack: id))
        target.media = MediaReference(type: .track, id: id)
        return target
    }

    /// The item's limit from the video ladder; no limit stored = the default (1080p).
    static func videoLimit(_ text: String?) -> VideoQuality {
        text.flatMap(VideoQuality.init(rawValue:)).flatMap { VideoQuality.ladder.contains($0) ? $0 : nil } ?? VideoQuality.defaultLimit
    }

    static func alternates(_ subject: SearchSubject) -> [String] {
        [subject.originalTitle].compactMap { $0 }.filter { $0 != subject.title }
    }

    static func year(_ date: String?) -> Int? {
        guard let date, date.count >= 4 else { return nil }
        return Int(date.prefix(4))
    }
}
