import Foundation
import Core
import Persistence

/// /api/blocklist (admin): releases that must never be grabbed again. Ranking rejects them
/// ("blocklisted"); an admin lists them, adds one by hand, or removes one to allow it again.
enum BlocklistRoutes {
    static let routes = [
        Route("GET", "/api/blocklist", .admin, list),
        Route("POST", "/api/blocklist", .admin, add),
        Route("DELETE", "/api/blocklist/:id", .admin, remove),
    ]

    struct AddBody: Decodable {
        let title: String
        let info_hash: String?
        let indexer: String?
        let media_type: String?
        let media_id: Int64?
        let reason: String?
    }

    struct EntryView: Encodable {
        let id: Int64
        let info_hash: String?
        let title: String
        let indexer: String?
        let media_type: String?
        let media_id: Int64?
        let reason: String
        let created_at: String

        init(_ e: BlocklistEntry) {
            id = e.id ?? 0
            info_hash = e.infoHash
            title = e.title
            indexer = e.indexer
            media_type = e.mediaType
            media_id = e.mediaId
            reason = e.reason
            created_at = SQLiteTime.iso8601(e.createdAt)
        }
    }

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(try ctx.app.database.blocklist.list().map(EntryView.init))
    }

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(AddBody.self)
        let caller = try ctx.caller
        let entry = BlocklistEntry(infoHash: body.info_hash, title: body.title, indexer: body.indexer, mediaType: body.media_type,
                                   mediaId: body.media_id, reason: body.reason ?? "marked bad by \(caller.username)", addedBy: caller.id)
        let saved = try ctx.app.database.blocklist.add(entry)
        return try .json(EntryView(saved), status: 201)
    }

    static func remove(_ ctx: RequestContext) throws -> HTTPResponse {
        try ctx.app.database.blocklist.remove(id: try ctx.intParam("id"))
        return try .success()
    }
}
