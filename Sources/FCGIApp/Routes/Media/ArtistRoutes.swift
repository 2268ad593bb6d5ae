import Core
import Library
import Persistence

/// /api/artists: artists from MusicBrainz with their albums.
enum ArtistRoutes {
    static let routes = [
        Route("GET", "/api/artists", .user, list),
        Route("POST", "/api/artists", .user, add),
        Route("GET", "/api/artists/:id", .user, resource.show),
        Route("PUT", "/api/artists/:id", .user, resource.update),
        Route("DELETE", "/api/artists/:id", .admin, resource.deleted),
        Route("POST", "/api/artists/:id/refresh", .user, resource.refreshed),
    ]

    static let resource = MediaResource(
        qualities: .music,
        view: view,
        refresh: { ctx, id in
            try ArtistLibrary(database: ctx.app.database, musicBrainz: ctx.app.musicBrainz).refresh(id: id, userID: try ctx.caller.id)
        },
        write: { db, id, monitored, quality in try db.artists.update(id: id, monitored: monitored, qualityLimit: quality) },
        delete: { db, id, removing, user in try db.artists.delete(id: id, removingFiles: removing, by: user) })

    struct AddBody: Decodable {
        let mbid: String
        let monitored: Bool?
        let quality_limit: String?
    }

    /// Artists have no status column; `status` is not a filter here.
    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try ListQuery.parse(ctx.request.query, statuses: []).list
        return try .json(PageView(try ctx.app.database.artists.page(query), query) { ArtistView($0, albums: nil) }).revalidated(for: ctx.request)
    }

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(AddBody.self)
        let quality = try MediaRules.Qualities.music.forNewItem(body.quality_limit)
        let id = try ArtistLibrary(database: ctx.app.database, musicBrainz: ctx.app.musicBrainz)
            .add(mbid: body.mbid, monitored: body.monitored ?? true, qualityLimit: quality, userID: try ctx.caller.id)
        return try resource.created(ctx, id)
    }

    static func view(_ ctx: RequestContext, _ id: Int64) throws -> ArtistView {
        let (artist, albums) = try ctx.app.database.artists.artistWithAlbums(id: id)
        return ArtistView(artist, albums: albums.map { AlbumView($0, tracks: nil) })
    }
}
