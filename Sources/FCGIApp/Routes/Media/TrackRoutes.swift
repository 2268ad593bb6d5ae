import Core
import Persistence

/// /api/tracks: list (by album, status) and monitoring.
enum TrackRoutes {
    static let routes = [
        Route("GET", "/api/tracks", .user, list),
        Route("PUT", "/api/tracks/:id", .user, update),
    ]

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let parsed = try ListQuery.parse(ctx.request.query, statuses: MediaRules.mediaStatuses, idKeys: ["album_id"], searchable: false)
        let page = try ctx.app.database.tracks.page(parsed.list, albumID: parsed.ids["album_id"])
        return try .json(PageView(page, parsed.list, TrackView.init)).revalidated(for: ctx.request)
    }

    static func update(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(MediaRules.MonitorBody.self)
        return try .json(TrackView(try ctx.app.database.tracks.setMonitored(id: try ctx.intParam("id"), body.monitored)))
    }
}
