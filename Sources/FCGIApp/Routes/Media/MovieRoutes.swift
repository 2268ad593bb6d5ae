import GRDB
import Core
import Library

/// /api/movies: list, add by TMDB id, get, update, delete (admin), refresh.
enum MovieRoutes {
    static let routes = [
        Route("GET", "/api/movies", .user, list),
        Route("POST", "/api/movies", .user, add),
        Route("GET", "/api/movies/:id", .user, resource.show),
        Route("PUT", "/api/movies/:id", .user, resource.update),
        Route("DELETE", "/api/movies/:id", .admin, deletion.handle),
        Route("POST", "/api/movies/:id/refresh", .user, resource.refreshed),
    ]

    static let resource = MediaResource(kind: .movie, qualities: MediaRules.videoQualities, view: view) { ctx, id in
        try MovieLibrary(db: ctx.app.db, tmdb: ctx.app.tmdb).refresh(id: id, userID: try ctx.caller.id)
    }

    static let listing = MediaList(table: "movies", fts: "movies_fts", bm25Weights: "10.0, 5.0, 1.0",
                                   order: "t.title COLLATE NOCASE, t.id")

    static let deletion = MediaDeletion(kind: .movie, nameColumn: "title",
                                        filesSQL: "SELECT file_path FROM movies WHERE id = ? AND file_path IS NOT NULL",
                                        activity: .movieDeleted)

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try ListQuery.parse(ctx.request.query, statuses: MediaRules.mediaStatuses)
        return try listing.respond(ctx, query) { MovieView($0) }
    }

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(MediaRules.TMDBAddBody.self)
        guard body.tmdb_id > 0 else { throw APIError.validation("tmdb_id must be a positive integer") }
        let quality = try MediaRules.quality(body.quality_limit, allowed: MediaRules.videoQualities, default: "1080p")
        let id = try MovieLibrary(db: ctx.app.db, tmdb: ctx.app.tmdb)
            .add(tmdbID: body.tmdb_id, monitored: body.monitored ?? true, qualityLimit: quality, userID: try ctx.caller.id)
        return try resource.created(ctx, id)
    }

    static func view(_ ctx: RequestContext, _ id: Int64) throws -> MovieView {
        guard let row = try ctx.app.db.read({ try Row.fetchOne($0, sql: "SELECT * FROM movies WHERE id = ?", arguments: [id]) }) else {
            throw DomainError.notFound(.movie, id: id)
        }
        return MovieView(NamedRow(row))
    }
}
