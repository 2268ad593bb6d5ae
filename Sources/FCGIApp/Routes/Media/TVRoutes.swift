import GRDB
import Core
import Library

/// /api/tv: shows with their seasons and episodes; season and episode monitoring.
enum TVRoutes {
    static let routes = [
        Route("GET", "/api/tv", .user, list),
        Route("POST", "/api/tv", .user, add),
        Route("GET", "/api/tv/:id", .user, resource.show),
        Route("PUT", "/api/tv/:id", .user, resource.update),
        Route("DELETE", "/api/tv/:id", .admin, deletion.handle),
        Route("POST", "/api/tv/:id/refresh", .user, resource.refreshed),
        Route("GET", "/api/tv/:id/season/:season", .user, season),
        Route("PUT", "/api/tv/:id/season/:season", .user, monitorSeason),
        Route("PUT", "/api/tv/:id/season/:season/episode/:episode", .user, monitorEpisode),
    ]

    static let resource = MediaResource(kind: .tv, qualities: MediaRules.videoQualities, view: view) { ctx, id in
        try ShowLibrary(db: ctx.app.db, tmdb: ctx.app.tmdb).refresh(id: id, userID: try ctx.caller.id)
    }

    static let listing = MediaList(table: "tv_shows", fts: "tv_shows_fts", bm25Weights: "10.0, 5.0, 1.0",
                                   order: "t.title COLLATE NOCASE, t.id")

    static let deletion = MediaDeletion(kind: .tv, nameColumn: "title",
                                        filesSQL: "SELECT file_path FROM episodes WHERE show_id = ? AND file_path IS NOT NULL",
                                        activity: .showDeleted)

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try ListQuery.parse(ctx.request.query, statuses: MediaRules.showStatuses)
        return try listing.respond(ctx, query) { ShowView($0, seasons: nil) }
    }

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(MediaRules.TMDBAddBody.self)
        guard body.tmdb_id > 0 else { throw APIError.validation("tmdb_id must be a positive integer") }
        let quality = try MediaRules.quality(body.quality_limit, allowed: MediaRules.videoQualities, default: "1080p")
        let id = try ShowLibrary(db: ctx.app.db, tmdb: ctx.app.tmdb)
            .add(tmdbID: body.tmdb_id, monitored: body.monitored ?? true, qualityLimit: quality, userID: try ctx.caller.id)
        return try resource.created(ctx, id)
    }

    static func season(_ ctx: RequestContext) throws -> HTTPResponse {
        let (id, number) = (try ctx.intParam("id"), try seasonNumber(ctx))
        return try .json(try episodes(ctx, showID: id, season: number))
    }

    static func monitorSeason(_ ctx: RequestContext) throws -> HTTPResponse {
        let (id, number) = (try ctx.intParam("id"), try seasonNumber(ctx))
        let monitored = try requiredMonitored(ctx)
        try ctx.app.db.write { db in
            try db.execute(sql: "UPDATE episodes SET monitored = ?, updated_at = datetime('now') WHERE show_id = ? AND season_number = ?",
                           arguments: [monitored, id, number])
        }
        return try .json(try episodes(ctx, showID: id, season: number))
    }

    static func monitorEpisode(_ ctx: RequestContext) throws -> HTTPResponse {
        let (id, number) = (try ctx.intParam("id"), try seasonNumber(ctx))
        let episode = try ctx.intParam("episode")
        let body = try ctx.decodeBody(MediaRules.MonitorBody.self)
        let sql = "SELECT * FROM episodes WHERE show_id = ? AND season_number = ? AND episode_number = ?"
        let row = try ctx.app.db.write { db -> Row? in
            if let monitored = body.monitored {
                try db.execute(sql: """
                    UPDATE episodes SET monitored = ?, updated_at = datetime('now')
                    WHERE show_id = ? AND season_number = ? AND episode_number = ?
                    """, arguments: [monitored, id, number, episode])
            }
            return try Row.fetchOne(db, sql: sql, arguments: [id, number, episode])
        }
        guard let row else { throw APIError.notFound("TV show \(id) has no episode S\(number)E\(episode)") }
        return try .json(EpisodeView(NamedRow(row)))
    }

    static func requiredMonitored(_ ctx: RequestContext) throws -> Bool {
        guard let monitored = try ctx.decodeBody(MediaRules.MonitorBody.self).monitored else {
            throw APIError.validation("monitored is required")
        }
        return monitored
    }

    /// Season numbers start at 0 (specials).
    static func seasonNumber(_ ctx: RequestContext) throws -> Int {
        guard let raw = ctx.params["season"], let value = Int(raw), (0...10_000).contains(value) else {
            throw APIError.notFound("season must be a number from 0, found \"\(ctx.params["season"] ?? "")\"")
        }
        return value
    }

    /// The season's episodes; 404 when the show does not exist or has no such season.
    static func episodes(_ ctx: RequestContext, showID: Int64, season: Int) throws -> [EpisodeView] {
        let rows = try ctx.app.db.read { db -> [Row] in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM tv_shows WHERE id = ?", arguments: [showID]) != nil else {
                throw DomainError.notFound(.tv, id: showID)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM episodes WHERE show_id = ? AND season_number = ? ORDER BY episode_number",
                                    arguments: [showID, season])
        }
        guard !rows.isEmpty else { throw APIError.notFound("TV show \(showID) has no season \(season)") }
        return NamedRow.all(rows).map(EpisodeView.init)
    }

    static func view(_ ctx: RequestContext, _ id: Int64) throws -> ShowView {
        let (show, episodes) = try ctx.app.db.read { db -> (Row?, [Row]) in
            (try Row.fetchOne(db, sql: "SELECT * FROM tv_shows WHERE id = ?", arguments: [id]),
             try Row.fetchAll(db, sql: "SELECT * FROM episodes WHERE show_id = ? ORDER BY season_number, episode_number", arguments: [id]))
        }
        guard let show else { throw DomainError.notFound(.tv, id: id) }
        return ShowView(NamedRow(show), seasons: SeasonView.group(NamedRow.all(episodes).map(EpisodeView.init)))
    }
}
