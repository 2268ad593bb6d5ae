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

    /// Indexer names are at most 64 characters; 200 leaves room for a copied title and bounds what
    /// an admin's typo can store.
    static let maxIndexerLength = 200

    static func add(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(AddBody.self)
        try check(body)
        let caller = try ctx.caller
        let entry = BlocklistEntry(infoHash: body.info_hash, title: body.title, indexer: body.indexer, mediaType: body.media_type,
                                   mediaId: body.media_id, reason: body.reason ?? "marked bad by \(caller.username)", addedBy: caller.id)
        let saved = try ctx.app.database.blocklist.add(entry)
        return try .json(EntryView(saved), status: 201)
    }

    /// What the store does not check (docs/openapi.yaml): lengths in code points, as JSON Schema and
    /// SQLite's `length()` count them (the table's CHECK counts 600 "e" + combining accent as 1200, and
    /// a title with a NUL as ending there: a failed CHECK was a 500), and the media id.
    static func check(_ body: AddBody) throws {
        let title = body.title.trimmingCharacters(in: .whitespacesAndNewlines)
        for (field, value) in [("title", title), ("indexer", body.indexer ?? ""), ("reason", body.reason ?? "")]
        where value.unicodeScalars.contains("\u{0}") {
            throw DomainError.validation("\(field) must not contain NUL characters", field: field)
        }
        if title.unicodeScalars.count > 1000 {
            throw DomainError.validation("title must be 1 to 1000 characters", field: "title")
        }
        if let indexer = body.indexer, indexer.unicodeScalars.count > maxIndexerLength {
            throw DomainError.validation("indexer must be at most \(maxIndexerLength) characters", field: "indexer")
        }
        if let id = body.media_id, id < 1 {
            throw DomainError.validation("media_id must be a positive integer", field: "media_id")
        }
    }

    static func remove(_ ctx: RequestContext) throws -> HTTPResponse {
        try ctx.app.database.blocklist.remove(id: try ctx.intParam("id"))
        return try .success()
    }
}
