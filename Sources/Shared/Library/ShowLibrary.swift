import Core
import Metadata
import Persistence

/// Adds and refreshes TV shows from TMDB with every season's episodes. A refresh adds new
/// episodes and updates the metadata of known ones; their status, monitoring and file stay.
/// Each add/refresh is one transaction (ShowStore), after all TMDB requests have succeeded.
public struct ShowLibrary {
    let shows: ShowStore
    let tmdb: TMDBClient

    public init(database: AppDatabase, tmdb: TMDBClient) {
        self.shows = database.shows
        self.tmdb = tmdb
    }

    public func add(tmdbID: Int64, monitored: Bool, qualityLimit: String, userID: Int64?) throws -> Int64 {
        try shows.ensureAbsent(tmdbID: tmdbID)
        let show = try tmdb.show(id: tmdbID)
        return try shows.insert(from: details(show.details), episodes: episodes(show.seasons), monitored: monitored,
                                qualityLimit: qualityLimit, addedBy: userID)
    }

    @discardableResult
    public func refresh(id: Int64, userID: Int64?) throws -> ShowStore.EpisodeChanges {
        let show = try tmdb.show(id: try shows.refreshSource(ofShow: id).tmdbID)
        return try shows.refresh(id: id, from: details(show.details), episodes: episodes(show.seasons), by: userID)
    }

    func episodes(_ seasons: [TMDBSeason]) -> [EpisodeMetadata] {
        seasons.flatMap(\.episodes).map { e in
            EpisodeMetadata(season: e.season_number, episode: e.episode_number, tmdbID: e.id, title: MetadataText.nonEmpty(e.name),
                            overview: MetadataText.nonEmpty(e.overview), airDate: MetadataText.nonEmpty(e.air_date),
                            runtimeMinutes: e.runtime.flatMap { $0 > 0 ? $0 : nil }, stillPath: tmdb.imageURL(e.still_path, size: "w300"))
        }
    }

    func details(_ s: TMDBShowDetails) -> ShowMetadata {
        let status = Self.status(s.status)
        let ended = status == .ended || status == .canceled
        return ShowMetadata(tmdbID: s.id, imdbID: MetadataText.nonEmpty(s.external_ids?.imdb_id), title: s.name,
                            originalTitle: MetadataText.nonEmpty(s.original_name), yearStart: MetadataText.year(s.first_air_date),
                            yearEnd: ended ? MetadataText.year(s.last_air_date) : nil, overview: MetadataText.nonEmpty(s.overview),
                            posterPath: tmdb.imageURL(s.poster_path, size: "w500"),
                            backdropPath: tmdb.imageURL(s.backdrop_path, size: "w1280"), status: status)
    }

    /// TMDB's show status → the spec's ShowStatus.
    static func status(_ tmdb: String?) -> SeriesStatus {
        switch tmdb?.lowercased() {
        case "ended": .ended
        case "canceled", "cancelled": .canceled
        case "in production", "planned", "pilot": .upcoming
        default: .continuing   // "Returning Series" and anything new
        }
    }
}
