import Foundation
import GRDB
import Core

/// Reads the library items a release search or grab is for (the library tables belong to the
/// media stores; this is the releases side's read-only view of them). Unknown items are the one
/// 404 text ("no movie with id 5").
public struct SearchSubjectStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    public func movie(id: Int64) throws -> SearchSubject {
        try one(.movie, id, sql: """
            SELECT id, title, original_title, year, quality_limit, runtime_minutes, imdb_id, tmdb_id FROM movies WHERE id = ?
            """, arguments: [id], SearchSubject.movie)
    }

    public func episode(showID: Int64, season: Int, episode: Int) throws -> SearchSubject {
        try requireShow(showID)
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT e.id, s.title, s.original_title, s.quality_limit, e.runtime_minutes, s.imdb_id, s.tmdb_id
                FROM episodes e JOIN tv_shows s ON s.id = e.show_id
                WHERE e.show_id = ? AND e.season_number = ? AND e.episode_number = ?
                """, arguments: [showID, season, episode])
        }
        guard let row else { throw Self.noEpisode(showID, season, episode) }
        return SearchSubject.episode(row)
    }

    public func album(id: Int64) throws -> SearchSubject {
        try one(.album, id, sql: """
            SELECT al.id, al.title, ar.name, al.release_date, al.mbid, COALESCE(al.quality_limit, ar.quality_limit),
                   (SELECT SUM(duration_ms) FROM tracks WHERE album_id = al.id)
            FROM albums al JOIN artists ar ON ar.id = al.artist_id WHERE al.id = ?
            """, arguments: [id], SearchSubject.album)
    }

    /// The album a track belongs to.
    public func albumID(ofTrack id: Int64) throws -> Int64 {
        guard let album = try pool.read({ try Int64.fetchOne($0, sql: "SELECT album_id FROM tracks WHERE id = ?", arguments: [id]) }) else {
            throw DomainError.notFound(.track, id: id)
        }
        return album
    }

    /// The episode a show's season and episode number name.
    public func episodeReference(showID: Int64, season: Int, episode: Int) throws -> MediaReference {
        try requireShow(showID)
        let id = try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM episodes WHERE show_id = ? AND season_number = ? AND episode_number = ?",
                               arguments: [showID, season, episode])
        }
        guard let id else { throw Self.noEpisode(showID, season, episode) }
        return MediaReference(type: .episode, id: id)
    }

    private func requireShow(_ id: Int64) throws {
        let exists = try pool.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM tv_shows WHERE id = ?)", arguments: [id]) } ?? false
        guard exists else { throw DomainError.notFound(.tv, id: id) }
    }

    private func one(_ kind: MediaKind, _ id: Int64, sql: String, arguments: StatementArguments,
                     _ decode: (Row) -> SearchSubject) throws -> SearchSubject {
        guard let row = try pool.read({ try Row.fetchOne($0, sql: sql, arguments: arguments) }) else { throw DomainError.notFound(kind, id: id) }
        return decode(row)
    }

    static func noEpisode(_ show: Int64, _ season: Int, _ episode: Int) -> DomainError {
        .notFound("TV show \(show) has no episode S\(String(format: "%02d", season))E\(String(format: "%02d", episode))")
    }
}

extension AppDatabase {
    public var searchSubjects: SearchSubjectStore { SearchSubjectStore(pool: pool) }
}
