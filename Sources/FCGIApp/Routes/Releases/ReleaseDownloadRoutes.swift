import Foundation
import GRDB
import Control
import Core

/// `POST …/download {release_id | magnet}` for movies, episodes, albums and tracks (any logged-in
/// user): hands the release to lcarsd linked to the item, and marks the item `downloading`.
enum ReleaseDownloadRoutes {
    static let routes = [
        Route("POST", "/api/movies/:id/download", .user, { ctx in try grab(ctx, MediaReference(type: .movie, id: try ctx.intParam("id"))) }),
        Route("POST", "/api/tv/:id/season/:s/episode/:e/download", .user, { ctx in try grab(ctx, try episode(ctx)) }),
        Route("POST", "/api/albums/:id/download", .user, { ctx in try grab(ctx, MediaReference(type: .album, id: try ctx.intParam("id"))) }),
        Route("POST", "/api/tracks/:id/download", .user, { ctx in try grab(ctx, MediaReference(type: .track, id: try ctx.intParam("id"))) }),
    ]

    struct Body: Decodable {
        let release_id: String?
        let magnet: String?
    }

    static func grab(_ ctx: RequestContext, _ media: MediaReference) throws -> HTTPResponse {
        let body = try ctx.decodeBody(Body.self)
        try requireItem(ctx, media)
        let args: DownloadCommand.AddArgs
        switch (body.release_id, body.magnet) {
        case (let id?, nil): args = try ReleaseGrab.arguments(ctx, releaseID: id, media: media)
        case (nil, let magnet?): args = try ReleaseGrab.arguments(ctx, magnet: magnet, media: media)
        default: throw APIError.badRequest("send either release_id (from a search) or magnet, not both or neither", code: "invalid_argument")
        }
        let download = try DaemonCall.run(ctx, DownloadCommand.add, args)
        try ctx.app.db.write { db in
            try db.execute(sql: "UPDATE \(media.table) SET status = 'downloading', updated_at = datetime('now') WHERE id = ?",
                           arguments: [media.id])
        }
        return try .json(download, status: 201)
    }

    static func requireItem(_ ctx: RequestContext, _ media: MediaReference) throws {
        let exists = try ctx.app.db.read {
            try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM \(media.table) WHERE id = ?)", arguments: [media.id]) ?? false
        }
        guard exists else { throw APIError.notFound("\(media.type.rawValue) \(media.id) does not exist") }
    }

    static func episode(_ ctx: RequestContext) throws -> MediaReference {
        let show = try ctx.intParam("id")
        let season = try ReleaseSearchRoutes.number(ctx, "s", from: 0), number = try ReleaseSearchRoutes.number(ctx, "e", from: 1)
        let id = try ctx.app.db.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM episodes WHERE show_id = ? AND season_number = ? AND episode_number = ?",
                               arguments: [show, season, number])
        }
        guard let id else { throw APIError.notFound("show \(show) has no episode \(season)x\(number)") }
        return MediaReference(type: .episode, id: id)
    }
}
