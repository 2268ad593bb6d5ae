import Foundation
import Control
import Core
import Persistence

/// /api/downloads: reads come straight from the database lcarsd keeps current; every change is a
/// command to lcarsd, which owns the torrent session. Any user may add, pause, resume and retry;
/// deleting (and its files) is for admins.
enum DownloadRoutes {
    static let routes = [
        Route("GET", "/api/downloads", .user, list),
        Route("POST", "/api/downloads", .user, add),
        Route("GET", "/api/downloads/:id", .user, show),
        Route("DELETE", "/api/downloads/:id", .admin, remove),
        Route("GET", "/api/downloads/:id/files", .user, files),
        Route("POST", "/api/downloads/:id/pause", .user, command(DownloadCommand.pause)),
        Route("POST", "/api/downloads/:id/resume", .user, command(DownloadCommand.resume)),
        Route("POST", "/api/downloads/:id/retry", .user, command(DownloadCommand.retry)),
    ]

    struct AddBody: Decodable {
        let magnet: String?
        let torrent: String?
        let media_type: String?
        let media_id: Int64?
        let seed_ratio_limit: Double?
        let seed_time_limit_hours: Double?
    }

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        try QueryValue.allow(ctx.request.query, ["status"])
        var status: DownloadStatus?
        if let raw = ctx.request.query["status"], !raw.isEmpty {
            guard let parsed = DownloadStatus(rawValue: raw) else {
                throw APIError.badRequest("status must be one of \(DownloadStatus.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(raw)\"")
            }
            status = parsed
        }
        return try .json(try ctx.app.database.downloads.newestFirst(status: status).map(DownloadView.init))
    }

    static func show(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(DownloadView(try ctx.app.database.downloads.existing(id: try ctx.intParam("id"))))
    }

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(AddBody.self)
        let args = DownloadCommand.AddArgs(magnet: body.magnet, torrent: body.torrent, media: try media(body),
                                           seed_ratio_limit: body.seed_ratio_limit, seed_time_limit_hours: body.seed_time_limit_hours)
        let result = try DaemonCall.run(ctx, DownloadCommand.add, args)
        return try .json(result, status: 201)
    }

    static func media(_ body: AddBody) throws -> MediaReference? {
        switch (body.media_type, body.media_id) {
        case (nil, nil): return nil
        case (let type?, let id?):
            guard let kind = MediaKind(rawValue: type) else {
                throw APIError.validation("media_type must be one of \(MediaKind.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(type)\"")
            }
            guard id > 0 else { throw APIError.validation("media_id must be a positive integer") }
            guard id <= largestSentID else { throw tooLarge("media_id", id) }
            return MediaReference(type: kind, id: id)
        default: throw APIError.validation("media_type and media_id go together: send both or neither")
        }
    }

    static func remove(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try sentID(ctx)
        let raw = ctx.request.query["delete_files"] ?? "false"
        guard let deleteFiles = ["true": true, "1": true, "false": false, "0": false][raw.lowercased()] else {
            throw APIError.badRequest("delete_files must be true or false, found \"\(raw)\"")
        }
        return try .json(try DaemonCall.run(ctx, DownloadCommand.remove, DownloadCommand.IDArgs(id: id, delete_files: deleteFiles)))
    }

    static func files(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(try DaemonCall.run(ctx, DownloadCommand.files, DownloadCommand.IDArgs(id: try sentID(ctx))))
    }

    /// lcarsd reads JSON numbers as doubles: an id above 2^53 − 1 would arrive as another number.
    static let largestSentID: Int64 = 9_007_199_254_740_991

    /// The path's download id, refused with a plain message when lcarsd could not be sent it.
    static func sentID(_ ctx: RequestContext) throws -> Int64 {
        let id = try ctx.intParam("id")
        guard id <= largestSentID else { throw tooLarge("download id", id) }
        return id
    }

    static func tooLarge(_ what: String, _ id: Int64) -> APIError {
        .badRequest("\(what) \(id) is above \(largestSentID) (2^53 - 1), the largest lcarsd can be sent", code: "invalid_argument")
    }

    static func command(_ name: String) -> @Sendable (RequestContext) throws -> HTTPResponse {
        { ctx in try .json(try DaemonCall.run(ctx, name, DownloadCommand.IDArgs(id: try sentID(ctx)))) }
    }
}
