import Foundation
import GRDB
import Core

/// A row of `movies`.
public struct MovieRecord: Sendable, Equatable {
    public let id: Int64, tmdbID: Int64
    public let imdbID: String?, title: String, originalTitle: String?, year: Int
    public let overview: String?, posterPath: String?, backdropPath: String?, runtimeMinutes: Int?
    public let genres: [String]
    public let status: MediaStatus, monitored: Bool, qualityLimit: String
    public let filePath: String?, fileSize: Int64?
    public let mediaInfo: MediaFileInfo?
    /// SQLite time text ("2026-01-02 03:04:05", UTC).
    public let addedAt: String
}

extension MovieRecord: PositionalRecord {
    static let columns = ["id", "tmdb_id", "imdb_id", "title", "original_title", "year", "overview", "poster_path",
                          "backdrop_path", "runtime_minutes", "genres", "status", "monitored", "quality_limit",
                          "file_path", "file_size", "added_at", "media_info"]

    init(row r: Row) {
        id = r[0]; tmdbID = r[1]; imdbID = r[2]; title = r[3]; originalTitle = r[4]; year = r[5]; overview = r[6]
        posterPath = r[7]; backdropPath = r[8]; runtimeMinutes = r[9]; genres = Self.decodeGenres(r[10])
        status = MediaStatus(rawValue: r[11]) ?? .missing; monitored = r[12]
        qualityLimit = r[13] ?? VideoQuality.defaultLimit.rawValue; filePath = r[14]; fileSize = r[15]; addedAt = r[16]
        mediaInfo = MediaFileInfo(json: r[17])
    }

    /// `genres` is a JSON array of names.
    static func decodeGenres(_ text: String?) -> [String] {
        guard let text else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
