import Foundation
import Persistence
import Core
import Library

/// Release searches (any logged-in user): free text (`GET /api/search/releases`) and for a library
/// item (movie, episode, album, track), whose title, ids and quality limit drive the search.
enum ReleaseSearchRoutes {
    static let routes = [
        Route("GET", "/api/search/releases", .user, free),
        Route("POST", "/api/movies/:id/search", .user, item { try MediaSearchTarget.movie($0.app.database, id: try $0.intParam("id")) }),
        Route("POST", "/api/tv/:id/season/:s/episode/:e/search", .user, item(episode)),
        Route("POST", "/api/albums/:id/search", .user, item { try MediaSearchTarget.album($0.app.database, id: try $0.intParam("id")) }),
        Route("POST", "/api/tracks/:id/search", .user, item { try MediaSearchTarget.track($0.app.database, id: try $0.intParam("id")) }),
    ]

    /// A search for the library item `target` reads (404 when there is none).
    static func item(_ target: @escaping @Sendable (RequestContext) throws -> MediaSearchTarget) -> @Sendable (RequestContext) throws -> HTTPResponse {
        { ctx in try ReleaseSearch.respond(ctx, try target(ctx)) }
    }

    static func episode(_ ctx: RequestContext) throws -> MediaSearchTarget {
        try MediaSearchTarget.episode(ctx.app.database, showID: try ctx.intParam("id"), season: try number(ctx, "s", from: 0),
                                      episode: try number(ctx, "e", from: 1))
    }

    static func number(_ ctx: RequestContext, _ name: String, from lower: Int) throws -> Int {
        guard let raw = ctx.params[name], let value = Int(raw), (lower...10_000).contains(value) else {
            throw APIError.notFound("\(name == "s" ? "season" : "episode") must be a number from \(lower), found \"\(ctx.params[name] ?? "")\"")
        }
        return value
    }

    static func free(_ ctx: RequestContext) throws -> HTTPResponse {
        try ReleaseSearch.respond(ctx, try FreeSearchQuery.parse(ctx.request.query))
    }
}
