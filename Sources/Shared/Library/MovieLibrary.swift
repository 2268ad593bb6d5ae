import GRDB
import Core
import Metadata
import Persistence

/// Adds and refreshes movies from TMDB. The lookup happens before the transaction; the write
/// (row + activity) is one transaction, so a TMDB failure leaves nothing behind.
public struct MovieLibrary {
    let db: any DatabaseWriter
    let tmdb: TMDBClient

    public init(db: any DatabaseWriter, tmdb: TMDBClient) {
        self.db = db
        self.tmdb = tmdb
    }

    public func add(tmdbID: Int64, monitored: Bool, qualityLimit: String, userID: Int64?) throws -> Int64 {
        try Existing.check(db, table: "movies", column: "tmdb_id", value: String(tmdbID), kind: "movie")
        let details = try tmdb.movie(id: tmdbID)
        return try db.write { db in
            try Existing.check(db, table: "movies", column: "tmdb_id", value: String(tmdbID), kind: "movie")
            try db.execute(sql: """
                INSERT INTO movies (tmdb_id, imdb_id, title, original_title, year, overview, poster_path, backdrop_path,
                                    runtime_minutes, genres, monitored, quality_limit, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: columns(details) + [monitored, qualityLimit, userID])
            let id = db.lastInsertedRowID
            try ActivityLog.record(db, .movieAdded, "Added movie \(details.title)", media: MediaReference(type: .movie, id: id), userID: userID)
            return id
        }
    }

    public func refresh(id: Int64, userID: Int64?) throws {
        guard let tmdbID = try db.read({ try Int64.fetchOne($0, sql: "SELECT tmdb_id FROM movies WHERE id = ?", arguments: [id]) }) else {
            throw DomainError.notFound(.movie, id: id)
        }
        let details = try tmdb.movie(id: tmdbID)
        try db.write { db in
            try db.execute(sql: """
                UPDATE movies SET tmdb_id = ?, imdb_id = ?, title = ?, original_title = ?, year = ?, overview = ?, poster_path = ?,
                       backdrop_path = ?, runtime_minutes = ?, genres = ?, updated_at = datetime('now')
                WHERE id = ?
                """, arguments: columns(details) + [id])
            guard db.changesCount > 0 else { throw DomainError.notFound(.movie, id: id) }
            try ActivityLog.record(db, .movieRefreshed, "Refreshed movie \(details.title)", media: MediaReference(type: .movie, id: id), userID: userID)
        }
    }

    private func columns(_ m: TMDBMovieDetails) -> StatementArguments {
        [m.id, MetadataText.nonEmpty(m.imdb_id), m.title, MetadataText.nonEmpty(m.original_title),
         MetadataText.year(m.release_date) ?? 0, MetadataText.nonEmpty(m.overview),
         tmdb.imageURL(m.poster_path, size: "w500"), tmdb.imageURL(m.backdrop_path, size: "w1280"),
         m.runtime.flatMap { $0 > 0 ? $0 : nil }, MetadataText.jsonArray((m.genres ?? []).map(\.name))]
    }
}
