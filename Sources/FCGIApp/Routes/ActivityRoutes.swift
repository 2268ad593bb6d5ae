import Core
import Persistence

/// GET /api/system/activity (admin): newest first; `before` (an activity id) pages backwards.
enum ActivityRoutes {
    static let routes = [
        Route("GET", "/api/system/activity", .admin, list),
    ]

    struct ActivityView: Encodable {
        let id: Int64, event_type: String, message: String
        let media_type: String?, media_id: Int64?, download_id: Int64?
        let user_id: Int64?, username: String?, created_at: String

        init(_ e: ActivityEntry) {
            id = e.id; event_type = e.eventType; message = e.message; media_type = e.mediaType
            media_id = e.mediaID; download_id = e.downloadID; user_id = e.userID; username = e.username
            created_at = SQLiteTime.iso8601(e.createdAt)
        }
    }

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = ctx.request.query
        try QueryValue.allow(query, ["type", "limit", "before"])
        let limit = try QueryValue.int(query["limit"], name: "limit", range: 1...ListQuery.maxLimit) ?? 50
        let before = try QueryValue.int(query["before"], name: "before", range: 1...Int.max).map(Int64.init)
        let type = try query["type"].map { raw in
            guard let type = ActivityType(rawValue: raw) else {
                throw DomainError.badRequest("type must be one of \(ActivityType.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(raw)\"")
            }
            return type
        }
        return try .json(try ctx.app.database.activity.recent(type: type, before: before, limit: limit).map(ActivityView.init))
    }
}
