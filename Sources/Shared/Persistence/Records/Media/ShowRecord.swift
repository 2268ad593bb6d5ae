import GRDB
import Core

/// A row of `tv_shows`.
public struct ShowRecord: Sendable, Equatable {
    public let id: Int64, tmdbID: Int64
    public let imdbID: String?, title: String, originalTitle: String?, yearStart: Int?, yearEnd: Int?
    public let overview: String?, posterPath: String?, backdropPath: String?
    public let status: SeriesStatus, monitored: Bool, qualityLimit: String
    public let addedAt: String
}

extension ShowRecord: PositionalRecord {
    static let columns = ["id", "tmdb_id", "imdb_id", "title", "original_title", "year_start", "year_end", "overview",
                          "poster_path", "backdrop_path", "status", "monitored", "quality_limit", "added_at"]

    init(row r: Row) {
        id = r[0]; tmdbID = r[1]; imdbID = r[2]; title = r[3]; originalTitle = r[4]; yearStart = r[5]; yearEnd = r[6]
        overview = r[7]; posterPath = r[8]; backdropPath = r[9]; status = SeriesStatus(rawValue: r[10]) ?? .continuing
        monitored = r[11]; qualityLimit = r[12] ?? VideoQuality.defaultLimit.rawValue; addedAt = r[13]
    }
}

/// A row of `episodes`.
public struct EpisodeRecord: Sendable, Equatable {
    public let id: Int64, showID: Int64, tmdbID: Int64?
    public let seasonNumber: Int, episodeNumber: Int
    public let title: String?, overview: String?, airDate: String?, runtimeMinutes: Int?, stillPath: String?
    public let status: MediaStatus, monitored: Bool, filePath: String?, fileSize: Int64?
    public let mediaInfo: MediaFileInfo?
}

extension EpisodeRecord: PositionalRecord {
    static let columns = ["id", "show_id", "tmdb_id", "season_number", "episode_number", "title", "overview", "air_date",
                          "runtime_minutes", "still_path", "status", "monitored", "file_path", "file_size", "media_info"]

    init(row r: Row) {
        id = r[0]; showID = r[1]; tmdbID = r[2]; seasonNumber = r[3]; episodeNumber = r[4]; title = r[5]; overview = r[6]
        airDate = r[7]; runtimeMinutes = r[8]; stillPath = r[9]; status = MediaStatus(rawValue: r[10]) ?? .missing
        monitored = r[11]; filePath = r[12]; fileSize = r[13]; mediaInfo = MediaFileInfo(json: r[14])
    }
}
