import Core
import Metadata
import Persistence

/// /api/search/tmdb/… and /api/search/musicbrainz/…: lookups for the add dialogs. Each result
/// says whether it is already in the library (`in_library`, `library_id`).
enum MetadataSearchRoutes {
    static let routes = [
        Route("GET", "/api/search/tmdb/movies", .user, movies),
        Route("GET", "/api/search/tmdb/tv", .user, shows),
        Route("GET", "/api/search/musicbrainz/artists", .user, artists),
        Route("GET", "/api/search/musicbrainz/albums", .user, albums),
    ]

    static func movies(_ ctx: RequestContext) throws -> HTTPResponse {
        try QueryValue.allow(ctx.request.query, ["q", "year"])
        let text = try QueryValue.text(ctx.request.query["q"], name: "q")
        let year = try QueryValue.int(ctx.request.query["year"], name: "year", range: 1870...2200)
        let results = try ctx.app.tmdb.searchMovies(query: text, year: year)
        let owned = try ctx.app.database.movies.ids(forTMDB: results.map(\.id))
        return try .json(results.map { SearchViews.TMDBMovie($0, tmdb: ctx.app.tmdb, libraryID: owned[$0.id]) })
    }

    static func shows(_ ctx: RequestContext) throws -> HTTPResponse {
        try QueryValue.allow(ctx.request.query, ["q"])
        let text = try QueryValue.text(ctx.request.query["q"], name: "q")
        let results = try ctx.app.tmdb.searchShows(query: text)
        let owned = try ctx.app.database.shows.ids(forTMDB: results.map(\.id))
        return try .json(results.map { SearchViews.TMDBShow($0, tmdb: ctx.app.tmdb, libraryID: owned[$0.id]) })
    }

    static func artists(_ ctx: RequestContext) throws -> HTTPResponse {
        try QueryValue.allow(ctx.request.query, ["q"])
        let text = try QueryValue.text(ctx.request.query["q"], name: "q")
        let results = try ctx.app.musicBrainz.searchArtists(text)
        let owned = try ctx.app.database.artists.ids(forMBIDs: results.map(\.id))
        return try .json(results.map { SearchViews.MBArtistResult($0, libraryID: owned[$0.id]) })
    }

    static func albums(_ ctx: RequestContext) throws -> HTTPResponse {
        try QueryValue.allow(ctx.request.query, ["q", "artist_mbid"])
        let text = try QueryValue.text(ctx.request.query["q"], name: "q")
        let artist = ctx.request.query["artist_mbid"]
        if let artist, !MBID.isValid(artist) { throw DomainError.badRequest("artist_mbid must be a MusicBrainz ID (a UUID), found \"\(artist)\"") }
        let results = try ctx.app.musicBrainz.searchReleaseGroups(text, artistMBID: artist)
        let owned = try ctx.app.database.albums.ids(forMBIDs: results.map(\.id))
        return try .json(results.map { SearchViews.MBAlbumResult($0, libraryID: owned[$0.id]) })
    }
}
