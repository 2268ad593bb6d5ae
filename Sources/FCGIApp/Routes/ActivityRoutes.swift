import GRDB
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

        init(_ r: NamedRow) {
            id = r["id"]; event_type = r["event_type"]; message = r["message"]; media_type = r["media_type"]
            media_id = r["media_id"]; download_id = r["download_id"]; user_id = r["user_id"]; username = r["username"]
            created_at = SQLiteTime.iso8601(r["created_at"])
        }
    }

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let query = ctx.request.query
        try QueryValue.allow(query, ["type", "limit", "before"])
        let limit = try QueryValue.int(query["limit"], name: "limit", range: 1...ListQuery.maxLimit) ?? 50
        let before = try QueryValue.int(query["before"], name: "before", range: 1...Int.max)
        var filters: [(String, DatabaseValueConvertible)] = []
        if let type = query["type"] {
            guard ActivityType(rawValue: type) != nil else {
                throw APIError.badRequest("type must be one of \(ActivityType.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(type)\"")
            }
            filters.append(("a.event_type = ?", type))
        }
        if let before { filters.append(("a.id < ?", before)) }
        let whereSQL = filters.isEmpty ? "" : "WHERE " + filters.map(\.0).joined(separator: " AND ")
        let rows = try ctx.app.db.read {
            try Row.fetchAll($0, sql: """
                SELECT a.*, u.username FROM activity a LEFT JOIN users u ON u.id = a.user_id
                \(whereSQL) ORDER BY a.id DESC LIMIT ?
                """, arguments: StatementArguments(filters.map { $0.1 as (any DatabaseValueConvertible)? }) + [limit])
        }
        return try .json(NamedRow.all(rows).map(ActivityView.init))
    }
}
