import Foundation
import Metadata

/// GET /api/images/tmdb/:size/:file and GET /api/images/caa/:mbid: posters, backdrops and album
/// covers from our own origin (the CSP allows images from 'self' only), fetched once and cached
/// under the data directory. No token: an <img> cannot send one, and these are the services'
/// public images. Every path part is checked before anything is read or fetched.
enum ImageRoutes {
    static let routes = [
        Route("GET", "/api/images/tmdb/:size/:file", .everyone, tmdb),
        Route("GET", "/api/images/caa/:mbid", .everyone, cover),
    ]
    /// The file behind an address never changes (a new TMDB image gets a new name).
    static let cacheControl = "public, max-age=31536000, immutable"

    static func tmdb(_ ctx: RequestContext) throws -> HTTPResponse {
        let size = ctx.params["size"] ?? "", file = ctx.params["file"] ?? ""
        guard let source = ImageSource.checkedTMDB(size: size, file: file) else {
            throw APIError.badRequest("no TMDB image \"\(size)/\(file)\": the size is one of "
                                      + ImageSource.tmdbSizes.sorted().joined(separator: ", ")
                                      + " and the file a name of letters, digits, - or _ ending in .jpg or .png")
        }
        return try serve(ctx, source)
    }

    static func cover(_ ctx: RequestContext) throws -> HTTPResponse {
        let mbid = ctx.params["mbid"] ?? ""
        guard let source = ImageSource.checkedCover(mbid: mbid) else {
            throw APIError.badRequest("\"\(mbid)\" is not a MusicBrainz id (a UUID such as 5b11f4ce-a62d-471e-81fc-a69a8278c7da)")
        }
        return try serve(ctx, source)
    }

    static func serve(_ ctx: RequestContext, _ source: ImageSource) throws -> HTTPResponse {
        let image = try ctx.app.images.image(source)
        return HTTPResponse(status: 200, headers: [("Content-Type", image.contentType), ("Cache-Control", cacheControl)], body: image.data)
    }
}
