import GRDB
import Core
import Library

/// /api/tracks: list (by album, status) and monitoring.
enum TrackRoutes {
    static let routes = [
        Route("GET", "/api/tracks", .user, list),
        Route("PUT", "/api/tracks/:id", .user, update),
    ]

    static let listing = MediaList(table: "tracks", fts: nil, bm25Weights: "",
                                   order: "t.album_id, t.disc_number, t.track_number, t.id")

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try ListQuery.parse(ctx.request.query, statuses: MediaRules.mediaStatuses, idKeys: ["album_id"], searchable: false)
        let conditions = query.ids["album_id"].map { [(sql: "t.album_id = ?", value: $0 as DatabaseValueConvertible)] } ?? []
        return try listing.respond(ctx, query, conditions: conditions) { TrackView($0) }
    }

    static func update(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let body = try ctx.decodeBody(MediaRules.MonitorBody.self)
        let row = try ctx.app.db.write { db -> Row? in
            if let monitored = body.monitored {
                try db.execute(sql: "UPDATE tracks SET monitored = ?, updated_at = datetime('now') WHERE id = ?", arguments: [monitored, id])
            }
            return try Row.fetchOne(db, sql: "SELECT * FROM tracks WHERE id = ?", arguments: [id])
        }
        guard let row else { throw DomainError.notFound(.track, id: id) }
        return try .json(TrackView(NamedRow(row)))
    }
}
