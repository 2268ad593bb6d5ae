import Core
import Library
import Persistence

/// /api/tv: shows with their seasons and episodes; season and episode monitoring.
enum TVRoutes {
    static let routes = [
        Route("GET", "/api/tv", .user, list),
        Route("POST", "/api/tv", .user, add),
        Route("GET", "/api/tv/:id", .user, resource.show),
        Route("PUT", "/api/tv/:id", .user, resource.update),
        Route("DELETE", "/api/tv/:id", .admin, resource.deleted),
        Route("POST", "/api/tv/:id/refresh", .user, resource.refreshed),
        Route("GET", "/api/tv/:id/season/:season", .user, season),
        Route("PUT", "/api/tv/:id/season/:season", .user, monitorSeason),
        Route("PUT", "/api/tv/:id/season/:season/episode/:episode", .user, monitorEpisode),
    ]

    static let resource = MediaResource(
        qualities: .video,
        view: view,
        refresh: { ctx, id in try ShowLibrary(database: ctx.app.database, tmdb: ctx.app.tmdb).refresh(id: id, userID: try ctx.caller.id) },
        write: { db, id, monitored, quality in try db.shows.update(id: id, monitored: monitored, qualityLimit: quality) },
        delete: { db, id, removing, user in try db.shows.delete(id: id, removingFiles: removing, by: user) })

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try ListQuery.parse(ctx.request.query, statuses: MediaRules.showStatuses).list
        return HTTPResponse.json(writing: ListPage(page: try ctx.app.database.shows.summaryPage(query), query: query, write: ShowListItem.write))
            .revalidated(for: ctx.request)
    }

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(MediaRules.TMDBAddBody.self)
        let tmdbID = try body.validTMDBID()
        let quality = try MediaRules.Qualities.video.forNewItem(body.quality_limit)
        let id = try ShowLibrary(database: ctx.app.database, tmdb: ctx.app.tmdb)
            .add(tmdbID: tmdbID, monitored: body.monitored ?? true, qualityLimit: quality, userID: try ctx.caller.id)
        return try resource.created(ctx, id)
    }

    static func season(_ ctx: RequestContext) throws -> HTTPResponse {
        let (id, number) = (try ctx.intParam("id"), try seasonNumber(ctx))
        return try .json(try ctx.app.database.shows.season(show: id, season: number).map(EpisodeView.init))
    }

    static func monitorSeason(_ ctx: RequestContext) throws -> HTTPResponse {
        let (id, number) = (try ctx.intParam("id"), try seasonNumber(ctx))
        let monitored = try ctx.decodeBody(MediaRules.MonitorBody.self).required()
        return try .json(try ctx.app.database.shows.setSeasonMonitored(show: id, season: number, monitored).map(EpisodeView.init))
    }

    static func monitorEpisode(_ ctx: RequestContext) throws -> HTTPResponse {
        let (id, number) = (try ctx.intParam("id"), try seasonNumber(ctx))
        let episode = try ctx.intParam("episode")
        let body = try ctx.decodeBody(MediaRules.MonitorBody.self)
        let record = try ctx.app.database.shows.setEpisodeMonitored(show: id, season: number, episode: Int(episode), body.monitored)
        return try .json(EpisodeView(record))
    }

    /// Season numbers start at 0 (specials).
    static func seasonNumber(_ ctx: RequestContext) throws -> Int {
        guard let raw = ctx.params["season"], let value = Int(raw), (0...10_000).contains(value) else {
            throw DomainError.notFound("season must be a number from 0, found \"\(ctx.params["season"] ?? "")\"")
        }
        return value
    }

    static func view(_ ctx: RequestContext, _ id: Int64) throws -> ShowDetailView {
        let (show, episodes) = try ctx.app.database.shows.showWithEpisodes(id: id)
        return ShowDetailView(show: show, episodes: episodes)
    }
}
