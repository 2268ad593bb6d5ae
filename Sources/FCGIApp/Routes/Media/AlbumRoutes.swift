import GRDB
import Core
import Library

/// /api/albums: an artist's release groups. Tracks are loaded from MusicBrainz on the first GET
/// of an album (and on refresh).
enum AlbumRoutes {
    static let routes = [
        Route("GET", "/api/albums", .user, list),
        Route("GET", "/api/albums/:id", .user, show),
        Route("PUT", "/api/albums/:id", .user, update),
        Route("DELETE", "/api/albums/:id", .admin, deletion.handle),
        Route("POST", "/api/albums/:id/refresh", .user, refresh),
    ]

    static let listing = MediaList(table: "albums", fts: "albums_fts", bm25Weights: "10.0, 1.0",
                                   order: "t.release_date, t.title COLLATE NOCASE, t.id")

    static let deletion = MediaDeletion(kind: .album, nameColumn: "title",
                                        filesSQL: "SELECT file_path FROM tracks WHERE album_id = ? AND file_path IS NOT NULL",
                                        activity: .albumDeleted)

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = try ListQuery.parse(ctx.request.query, statuses: MediaRules.albumStatuses, idKeys: ["artist_id"])
        let conditions = query.ids["artist_id"].map { [(sql: "t.artist_id = ?", value: $0 as DatabaseValueConvertible)] } ?? []
        return try listing.respond(ctx, query, conditions: conditions) { AlbumView($0, tracks: nil) }
    }

    static func show(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let library = AlbumLibrary(db: ctx.app.db, musicBrainz: ctx.app.musicBrainz)
        _ = try view(ctx, id)   // 404 before any MusicBrainz request
        if try !library.tracksLoaded(albumID: id) {
            try library.loadTracks(albumID: id, userID: try ctx.caller.id, activity: false)
        }
        return try .json(try view(ctx, id))
    }

    static func update(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try MediaRules.update(ctx, kind: .album, qualities: MediaRules.audioQualities)
        return try .json(try view(ctx, id))
    }

    static func refresh(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        _ = try view(ctx, id)
        try AlbumLibrary(db: ctx.app.db, musicBrainz: ctx.app.musicBrainz).loadTracks(albumID: id, userID: try ctx.caller.id, activity: true)
        return try .json(try view(ctx, id))
    }

    static func view(_ ctx: RequestContext, _ id: Int64) throws -> AlbumView {
        let (album, tracks) = try ctx.app.db.read { db -> (Row?, [Row]) in
            (try Row.fetchOne(db, sql: "SELECT * FROM albums WHERE id = ?", arguments: [id]),
             try Row.fetchAll(db, sql: "SELECT * FROM tracks WHERE album_id = ? ORDER BY disc_number, track_number", arguments: [id]))
        }
        guard let album else { throw DomainError.notFound(.album, id: id) }
        return AlbumView(NamedRow(album), tracks: NamedRow.all(tracks).map(TrackView.init))
    }
}
