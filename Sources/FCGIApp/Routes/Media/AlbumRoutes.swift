import Core
import Library
import Persistence

/// /api/albums: an artist's release groups. Tracks are loaded from MusicBrainz on the first GET
/// of an album (and on refresh).
enum AlbumRoutes {
    static let routes = [
        Route("GET", "/api/albums", .user, list),
        Route("GET", "/api/albums/:id", .user, show),
        Route("PUT", "/api/albums/:id", .user, resource.update),
        Route("DELETE", "/api/albums/:id", .admin, resource.deleted),
        Route("POST", "/api/albums/:id/refresh", .user, resource.refreshed),
    ]

    static let resource = MediaResource(
        qualities: .music,
        view: view,
        refresh: { ctx, id in
            _ = try ctx.app.database.albums.album(id: id)   // 404 before any MusicBrainz request
            try library(ctx).loadTracks(albumID: id, userID: try ctx.caller.id, isRefresh: true)
        },
        write: { db, id, monitored, quality in try db.albums.update(id: id, monitored: monitored, qualityLimit: quality) },
        delete: { db, id, removing, user in try db.albums.delete(id: id, removingFiles: removing, by: user) })

    static func library(_ ctx: RequestContext) -> AlbumLibrary {
        AlbumLibrary(database: ctx.app.database, musicBrainz: ctx.app.musicBrainz)
    }

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let parsed = try ListQuery.parse(ctx.request.query, statuses: MediaRules.albumStatuses, idKeys: ["artist_id"])
        let page = try ctx.app.database.albums.page(parsed.list, artistID: parsed.ids["artist_id"])
        return try .json(PageView(page, parsed.list) { AlbumView($0, tracks: nil) }).revalidated(for: ctx.request)
    }

    /// The first GET of an album loads its tracks (no activity row: nothing was asked to change).
    static func show(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        _ = try ctx.app.database.albums.album(id: id)   // 404 before any MusicBrainz request
        if try !library(ctx).tracksLoaded(albumID: id) {
            try library(ctx).loadTracks(albumID: id, userID: try ctx.caller.id, isRefresh: false)
        }
        return try .json(try view(ctx, id))
    }

    static func view(_ ctx: RequestContext, _ id: Int64) throws -> AlbumView {
        let (album, tracks) = try ctx.app.database.albums.albumWithTracks(id: id)
        return AlbumView(album, tracks: tracks.map(TrackView.init))
    }
}
