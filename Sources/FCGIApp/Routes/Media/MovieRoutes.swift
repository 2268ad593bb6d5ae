import Core
import Library
import Persistence

/// /api/movies: list, add by TMDB id, get, update, delete (admin), refresh.
enum MovieRoutes {
    static let routes = [
        Route("GET", "/api/movies", .user, list),
        Route("POST", "/api/movies", .user, add),
        Route("GET", "/api/movies/:id", .user, resource.show),
        Route("PUT", "/api/movies/:id", .user, resource.update),
        Route("DELETE", "/api/movies/:id", .admin, resource.deleted),
        Route("POST", "/api/movies/:id/refresh", .user, resource.refreshed),
    ]

    static let resource = MediaResource(
        qualities: .video,
        view: { ctx, id in MovieView(try ctx.app.database.movies.movie(id: id)) },
        refresh: { ctx, id in try MovieLibrary(database: ctx.app.database, tmdb: ctx.app.tmdb).refresh(id: id, userID: try ctx.caller.id) },
        write: { db, id, monitored, quality in try db.movies.update(id: id, monitored: monitored, qualityLimit: quality) },
        delete: { db, id, removing, user in try db.movies.delete(id: id, removingFiles: removing, by: user) })

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try ListQuery.parse(ctx.request.query, statuses: MediaRules.mediaStatuses).list
        return HTTPResponse.json(writing: ListPage(page: try ctx.app.database.movies.summaryPage(query), query: query, write: MovieListItem.write))
            .revalidated(for: ctx.request)
    }

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(MediaRules.TMDBAddBody.self)
        let tmdbID = try body.validTMDBID()
        let quality = try MediaRules.Qualities.video.forNewItem(body.quality_limit)
        let id = try MovieLibrary(database: ctx.app.database, tmdb: ctx.app.tmdb)
            .add(tmdbID: tmdbID, monitored: body.monitored ?? true, qualityLimit: quality, userID: try ctx.caller.id)
        return try resource.created(ctx, id)
    }
}
