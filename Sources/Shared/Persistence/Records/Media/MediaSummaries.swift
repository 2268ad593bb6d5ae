import GRDB
import Core

/// The columns a list page of movies shows (a poster card: title, year, status, monitoring).
/// Lists read these instead of the whole row: no overview, genres or media info to read and
/// decode for 50 items per request; the full `MovieRecord` stays with `GET /api/movies/:id`.
public struct MovieSummary: Sendable, Equatable {
    public let id: Int64, tmdbID: Int64, title: String, year: Int, posterPath: String?
    public let status: MediaStatus, monitored: Bool, qualityLimit: String
    /// SQLite time text ("2026-01-02 03:04:05", UTC).
    public let addedAt: String
}

extension MovieSummary: PositionalRecord {
    static let columns = ["id", "tmdb_id", "title", "year", "poster_path", "status", "monitored", "quality_limit", "added_at"]

    init(row r: Row) {
        id = r[0]; tmdbID = r[1]; title = r[2]; year = r[3]; posterPath = r[4]
        status = MediaStatus(rawValue: r[5]) ?? .missing; monitored = r[6]
        qualityLimit = r[7] ?? VideoQuality.defaultLimit.rawValue; addedAt = r[8]
    }
}

/// The columns a list page of shows shows; the seasons stay with `GET /api/tv/:id`.
public struct ShowSummary: Sendable, Equatable {
    public let id: Int64, tmdbID: Int64, title: String, yearStart: Int?, yearEnd: Int?, posterPath: String?
    public let status: SeriesStatus, monitored: Bool, qualityLimit: String
    public let addedAt: String
}

extension ShowSummary: PositionalRecord {
    static let columns = ["id", "tmdb_id", "title", "year_start", "year_end", "poster_path", "status", "monitored",
                          "quality_limit", "added_at"]

    init(row r: Row) {
        id = r[0]; tmdbID = r[1]; title = r[2]; yearStart = r[3]; yearEnd = r[4]; posterPath = r[5]
        status = SeriesStatus(rawValue: r[6]) ?? .continuing; monitored = r[7]
        qualityLimit = r[8] ?? VideoQuality.defaultLimit.rawValue; addedAt = r[9]
    }
}
