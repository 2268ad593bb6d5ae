import Metadata
import Persistence

/// Adds and refreshes movies from TMDB. The lookup happens before the transaction; the write
/// (row + activity) is one transaction in MovieStore, so a TMDB failure leaves nothing behind.
public struct MovieLibrary {
    let movies: MovieStore
    let tmdb: TMDBClient

    public init(database: AppDatabase, tmdb: TMDBClient) {
        self.movies = database.movies
        self.tmdb = tmdb
    }

    public func add(tmdbID: Int64, monitored: Bool, qualityLimit: String, userID: Int64?) throws -> Int64 {
        try movies.ensureAbsent(tmdbID: tmdbID)   // 409 without calling TMDB
        let details = try tmdb.movie(id: tmdbID)
        return try movies.insert(from: metadata(details), monitored: monitored, qualityLimit: qualityLimit, addedBy: userID)
    }

    public func refresh(id: Int64, userID: Int64?) throws {
        let details = try tmdb.movie(id: try movies.tmdbID(ofMovie: id))
        try movies.refresh(id: id, from: metadata(details), by: userID)
    }

    func metadata(_ m: TMDBMovieDetails) -> MovieMetadata {
        MovieMetadata(tmdbID: m.id, imdbID: MetadataText.nonEmpty(m.imdb_id), title: m.title,
                      originalTitle: MetadataText.nonEmpty(m.original_title), year: MetadataText.year(m.release_date) ?? 0,
                      overview: MetadataText.nonEmpty(m.overview), posterPath: tmdb.imageURL(m.poster_path, size: "w500"),
                      backdropPath: tmdb.imageURL(m.backdrop_path, size: "w1280"),
                      runtimeMinutes: m.runtime.flatMap { $0 > 0 ? $0 : nil }, genres: (m.genres ?? []).map(\.name))
    }
}
