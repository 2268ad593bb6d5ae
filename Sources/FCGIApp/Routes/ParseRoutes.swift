import Foundation
import Core
import Releases

/// GET /api/parse?title=…[&type=auto|video|music] (any logged-in user): what the release-name
/// parser reads from a name, for troubleshooting — as Sonarr's parse API. `lcarsd parse` gives
/// the same answer on the command line.
enum ParseRoutes {
    static let routes = [
        Route("GET", "/api/parse", .user, parse),
    ]

    /// Real release names are under 300 characters; anything far longer is not a name.
    static let maxTitleBytes = 2048

    static func parse(_ ctx: RequestContext) throws -> HTTPResponse {
        let title = ctx.request.query["title"] ?? ""
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError.badRequest("title is required: GET /api/parse?title=Some.Release.2024.1080p.WEB-DL-GRP", code: "missing_title")
        }
        guard title.utf8.count <= maxTitleBytes else {
            throw DomainError.badRequest("title is \(title.utf8.count) bytes long; at most \(maxTitleBytes) are accepted", code: "title_too_long")
        }
        try QueryValue.allow(ctx.request.query, ["title", "type"])   // as every other GET: a typo is a 400, not ignored
        let rawType = ctx.request.query["type"] ?? "auto"
        guard let hint = ReleaseNameParser.Hint(rawValue: rawType) else {
            throw DomainError.badRequest("type must be auto, video or music; found \"\(rawType)\"")
        }
        return try .json(ReleaseNameParser.parse(title, hint: hint))
    }
}
