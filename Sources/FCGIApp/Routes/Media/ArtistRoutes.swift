import GRDB
import Core
import Library

/// /api/artists: artists from MusicBrainz with their albums.
enum ArtistRoutes {
    static let routes = [
        Route("GET", "/api/artists", .user, list),
        Route("POST", "/api/artists", .user, add),
        Route("GET", "/api/artists/:id", .user, resource.show),
        Route("PUT", "/api/artists/:id", .user, resource.update),
        Route("DELETE", "/api/artists/:id", .admin, deletion.handle),
        Route("POST", "/api/artists/:id/refresh", .user, resource.refreshed),
    ]

    static let resource = MediaResource(kind: .artist, qualities: MediaRules.audioQualities, view: view) { ctx, id in
        try ArtistLibrary(db: ctx.app.db, musicBrainz: ctx.app.musicBrainz).refresh(id: id, userID: try ctx.caller.id)
    }

    static let listing = MediaList(table: "artists", fts: "artists_fts", bm25Weights: "10.0, 5.0, 2.0, 1.0",
                                   order: "t.name COLLATE NOCASE, t.id")

    static let deletion = MediaDeletion(kind: .artist, nameColumn: "name",
                                        filesSQL: "SELECT file_path FROM tracks WHERE album_id IN (SELECT id FROM albums WHERE artist_id = ?) AND file_path IS NOT NULL",
                                        activity: .artistDeleted)

    struct AddBody: Decodable {
        let mbid: String
        let monitored: Bool?
        let quality_limit: String?
    }

    /// Artists have no status column; `status` is not a filter here.
    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try ListQuery.parse(ctx.request.query, statuses: [])
        return try listing.respond(ctx, query) { ArtistView($0, albums: nil) }
    }

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(AddBody.self)
        let quality = try MediaRules.quality(body.quality_limit, allowed: MediaRules.audioQualities, default: "flac")
        let id = try ArtistLibrary(db: ctx.app.db, musicBrainz: ctx.app.musicBrainz)
            .add(mbid: body.mbid, monitored: body.monitored ?? true, qualityLimit: quality, userID: try ctx.caller.id)
        return try resource.created(ctx, id)
    }

    static func view(_ ctx: RequestContext, _ id: Int64) throws -> ArtistView {
        let (artist, albums) = try ctx.app.db.read { db -> (Row?, [Row]) in
            (try Row.fetchOne(db, sql: "SELECT * FROM artists WHERE id = ?", arguments: [id]),
             try Row.fetchAll(db, sql: "SELECT * FROM albums WHERE artist_id = ? ORDER BY release_date, id", arguments: [id]))
        }
        guard let artist else { throw DomainError.notFound(.artist, id: id) }
        return ArtistView(NamedRow(artist), albums: NamedRow.all(albums).map { AlbumView($0, tracks: nil) })
    }
}
