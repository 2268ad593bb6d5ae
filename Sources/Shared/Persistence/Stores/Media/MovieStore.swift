import Foundation
import GRDB
import Core

/// `movies` (and `movies_fts`, kept by triggers): adds and refreshes from TMDB metadata, the
/// user's monitoring and quality limit, deletion, lists. Every write is one transaction with
/// its activity row.
public struct MovieStore: Sendable {
    let pool: DatabasePool

    static let listing = MediaListing<MovieRecord>(table: "movies", fts: "movies_fts", bm25Weights: "10.0, 5.0, 1.0",
                                                   order: "t.title COLLATE NOCASE, t.id")
    static let summaryListing = MediaListing<MovieSummary>(table: listing.table, fts: listing.fts, bm25Weights: listing.bm25Weights,
                                                           order: listing.order)

    public func movie(id: Int64) throws -> MovieRecord {
        guard let movie = try pool.read({ try MovieRecord.fetchOne($0, table: "movies", id: id) }) else {
            throw DomainError.notFound(.movie, id: id)
        }
        return movie
    }

    public func page(_ query: MediaListQuery) throws -> MediaPage<MovieRecord> {
        try pool.read { try Self.listing.page($0, query) }
    }

    /// The same page with only the columns a list shows (`GET /api/movies`).
    public func summaryPage(_ query: MediaListQuery) throws -> MediaPage<MovieSummary> {
        try pool.read { try Self.summaryListing.page($0, query) }
    }

    /// 409 `duplicate` (with the existing id) when the TMDB movie is already in the library.
    public func ensureAbsent(tmdbID: Int64) throws {
        try pool.read { try Existing.check($0, .movie, column: "tmdb_id", value: tmdbID) }
    }

    /// The TMDB id a refresh looks up; 404 for an unknown movie.
    public func tmdbID(ofMovie id: Int64) throws -> Int64 {
        guard let tmdbID = try pool.read({ try Int64.fetchOne($0, sql: "SELECT tmdb_id FROM movies WHERE id = ?", arguments: [id]) }) else {
            throw DomainError.notFound(.movie, id: id)
        }
        return tmdbID
    }

    /// Adds the movie and its `movie_added` activity; returns the new id.
    public func insert(from details: MovieMetadata, monitored: Bool, qualityLimit: String, addedBy userID: Int64?) throws -> Int64 {
        try pool.write { db in
            try Existing.check(db, .movie, column: "tmdb_id", value: details.tmdbID)
            try db.execute(sql: """
                INSERT INTO movies (tmdb_id, imdb_id, title, original_title, year, overview, poster_path, backdrop_path,
                                    runtime_minutes, genres, monitored, quality_limit, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: Self.columns(details) + [monitored, qualityLimit, userID])
            let id = db.lastInsertedRowID
            try ActivityLog.record(db, .movieAdded, "Added movie \(details.title)", media: MediaReference(type: .movie, id: id), userID: userID)
            return id
        }
    }

    /// Replaces the TMDB metadata (status, monitoring, file stay) and writes `movie_refreshed`.
    public func refresh(id: Int64, from details: MovieMetadata, by userID: Int64?) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE movies SET tmdb_id = ?, imdb_id = ?, title = ?, original_title = ?, year = ?, overview = ?, poster_path = ?,
                       backdrop_path = ?, runtime_minutes = ?, genres = ?, updated_at = datetime('now')
                WHERE id = ?
                """, arguments: Self.columns(details) + [id])
            guard db.changesCount > 0 else { throw DomainError.notFound(.movie, id: id) }
            try ActivityLog.record(db, .movieRefreshed, "Refreshed movie \(details.title)", media: MediaReference(type: .movie, id: id), userID: userID)
        }
    }

    /// Sets what is given (nil: unchanged); 404 for an unknown movie.
    public func update(id: Int64, monitored: Bool?, qualityLimit: String?) throws {
        try pool.write { try LibraryRows.update($0, .movie, id: id, monitored: monitored, qualityLimit: qualityLimit) }
    }

    public func setMonitored(id: Int64, _ monitored: Bool) throws { try update(id: id, monitored: monitored, qualityLimit: nil) }
    public func setQualityLimit(id: Int64, _ limit: String) throws { try update(id: id, monitored: nil, qualityLimit: limit) }

    /// Deletes the movie with its `movie_deleted` activity; returns its file path (if any), which
    /// the caller removes after the commit when asked to.
    public func delete(id: Int64, removingFiles: Bool, by userID: Int64?) throws -> [String] {
        try pool.write { db in
            try LibraryRows.delete(db, .movie, id: id, nameColumn: "title",
                                   filesSQL: "SELECT file_path FROM movies WHERE id = ? AND file_path IS NOT NULL",
                                   removingFiles: removingFiles, by: userID)
        }
    }

    /// Library ids of the given TMDB movies (those in the library).
    public func ids(forTMDB tmdbIDs: [Int64]) throws -> [Int64: Int64] {
        let byText = try pool.read { try LibraryRows.ids($0, .movie, column: "tmdb_id", keys: tmdbIDs.map(String.init)) }
        return Dictionary(byText.compactMap { key, id in Int64(key).map { ($0, id) } }, uniquingKeysWith: { first, _ in first })
    }

    static func columns(_ m: MovieMetadata) -> StatementArguments {
        [m.tmdbID, m.imdbID, m.title, m.originalTitle, m.year, m.overview, m.posterPath, m.backdropPath, m.runtimeMinutes,
         String(decoding: (try? JSONEncoder().encode(m.genres)) ?? Data("[]".utf8), as: UTF8.self)]
    }
}

extension AppDatabase {
    public var movies: MovieStore { MovieStore(pool: pool) }
}
