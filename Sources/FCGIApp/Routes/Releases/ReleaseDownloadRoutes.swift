import Foundation
import Control
import Core
import Persistence

/// `POST …/download {release_id | magnet}` for movies, episodes, albums and tracks (any logged-in
/// user): hands the release to lcarsd linked to the item, and marks the item `downloading`.
///
/// The status move is checked before lcarsd is asked (an item that cannot go to `downloading`,
/// e.g. `processing`, is a 409 and nothing is added); `markGrabbed` checks it again in its write.
/// If the item changed in between and the move is refused then, the download lcarsd added stays
/// (it is linked to the item; the answer is the 409, and DELETE /api/downloads/:id removes it).
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
        let statuses = ctx.app.database.mediaStatus
        try statuses.checkGrabbable(media)   // 404 unknown item, 409 a status that cannot become downloading
        let choice: ReleaseGrab.Choice
        switch (body.release_id, body.magnet) {
        case (let id?, nil): choice = try ReleaseGrab.choice(ctx, releaseID: id, media: media)
        case (nil, let magnet?): choice = try ReleaseGrab.choice(ctx, magnet: magnet, media: media)
        default: throw APIError.badRequest("send either release_id (from a search) or magnet, not both or neither", code: "invalid_argument")
        }
        let download = try DaemonCall.run(ctx, DownloadCommand.add, choice.args)
        try statuses.markGrabbed(media, download: downloadID(download), title: choice.title, userID: try ctx.caller.id)
        return try .json(download, status: 201)
    }

    /// The id in lcarsd's answer (a download view).
    static func downloadID(_ download: JSONValue) -> Int64? {
        guard case .object(let fields) = download, case .number(let id)? = fields["id"] else { return nil }
        return Int64(exactly: id)
    }

    static func episode(_ ctx: RequestContext) throws -> MediaReference {
        let season = try ReleaseSearchRoutes.number(ctx, "s", from: 0), number = try ReleaseSearchRoutes.number(ctx, "e", from: 1)
        return try ctx.app.database.searchSubjects.episodeReference(showID: try ctx.intParam("id"), season: season, episode: number)
    }
}
