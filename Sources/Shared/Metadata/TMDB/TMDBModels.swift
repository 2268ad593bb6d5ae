/// TMDB v3 answers, only the fields LCARS uses (https://developer.themoviedb.org/reference).

public struct TMDBPage<Item: Decodable & Sendable>: Decodable, Sendable {
    public let results: [Item]
}

public struct TMDBMovieSummary: Decodable, Sendable {
    public let id: Int64
    public let title: String
    public let original_title: String?
    public let release_date: String?
    public let overview: String?
    public let poster_path: String?
    public let backdrop_path: String?
}

public struct TMDBShowSummary: Decodable, Sendable {
    public let id: Int64
    public let name: String
    public let original_name: String?
    public let first_air_date: String?
    public let overview: String?
    public let poster_path: String?
    public let backdrop_path: String?
}

public struct TMDBGenre: Decodable, Sendable {
    public let name: String
}

public struct TMDBMovieDetails: Decodable, Sendable {
    public let id: Int64
    public let imdb_id: String?
    public let title: String
    public let original_title: String?
    public let release_date: String?
    public let overview: String?
    public let poster_path: String?
    public let backdrop_path: String?
    public let runtime: Int?
    public let genres: [TMDBGenre]?
}

public struct TMDBExternalIDs: Decodable, Sendable {
    public let imdb_id: String?
}

public struct TMDBSeasonSummary: Decodable, Sendable {
    public let season_number: Int
    public let episode_count: Int?
}

public struct TMDBShowDetails: Decodable, Sendable {
    public let id: Int64
    public let name: String
    public let original_name: String?
    public let first_air_date: String?
    public let last_air_date: String?
    public let overview: String?
    public let poster_path: String?
    public let backdrop_path: String?
    public let status: String?
    public let seasons: [TMDBSeasonSummary]?
    public let external_ids: TMDBExternalIDs?
}

public struct TMDBEpisode: Decodable, Sendable {
    public let id: Int64?
    public let season_number: Int
    public let episode_number: Int
    public let name: String?
    public let overview: String?
    public let air_date: String?
    public let runtime: Int?
    public let still_path: String?
}

public struct TMDBSeason: Decodable, Sendable {
    public let season_number: Int
    public let episodes: [TMDBEpisode]
}

/// A show with every season's episodes, as `TMDBClient.show` assembles it.
public struct TMDBFullShow: Sendable {
    public let details: TMDBShowDetails
    public let seasons: [TMDBSeason]
}

/// TMDB's error body: {"status_code": 7, "status_message": "Invalid API key: ...", "success": false}.
struct TMDBStatus: Decodable {
    let status_message: String?
}
