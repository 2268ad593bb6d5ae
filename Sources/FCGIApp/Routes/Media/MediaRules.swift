import Foundation
import Core
import Library

/// Values shared by the media routes: statuses, quality limits, the add/update bodies.
enum MediaRules {
    static let mediaStatuses = Set(MediaStatus.itemStatuses.map(\.rawValue))
    static let albumStatuses = Set(MediaStatus.albumStatuses.map(\.rawValue))
    static let showStatuses = Set(SeriesStatus.allCases.map(\.rawValue))
    static let videoQualities = VideoQuality.ladder.map(\.rawValue)
    static let audioQualities = MusicQuality.ladder.map(\.rawValue)

    static func quality(_ raw: String?, allowed: [String], default fallback: String) throws -> String {
        guard let raw else { return fallback }
        guard allowed.contains(raw) else {
            throw APIError.validation("quality_limit must be one of \(allowed.joined(separator: ", ")), found \"\(raw)\"")
        }
        return raw
    }

    /// `{tmdb_id, monitored?, quality_limit?}` of POST /api/movies and /api/tv.
    struct TMDBAddBody: Decodable {
        let tmdb_id: Int64
        let monitored: Bool?
        let quality_limit: String?
    }

    /// `{monitored?, quality_limit?}` of the PUT routes.
    struct UpdateBody: Decodable {
        let monitored: Bool?
        let quality_limit: String?
    }

    /// `{monitored}` of the season/episode/track PUT routes.
    struct MonitorBody: Decodable {
        let monitored: Bool?
    }

    /// Applies an UpdateBody to a row of `table`; 404 when the row does not exist.
    static func update(_ ctx: RequestContext, kind: MediaKind, qualities: [String]) throws -> Int64 {
        let id = try ctx.intParam("id")
        let body = try ctx.decodeBody(UpdateBody.self)
        let quality = try body.quality_limit.map { try Self.quality($0, allowed: qualities, default: $0) }
        try ctx.app.db.write { db in
            try db.execute(sql: """
                UPDATE \(kind.table) SET monitored = COALESCE(?, monitored), quality_limit = COALESCE(?, quality_limit),
                       updated_at = datetime('now') WHERE id = ?
                """, arguments: [body.monitored, quality, id])
            guard db.changesCount > 0 else { throw DomainError.notFound(kind, id: id) }
        }
        return id
    }

    /// `?delete_files=true|false` of the DELETE routes (nothing else is accepted).
    static func deleteFiles(_ ctx: RequestContext) throws -> Bool {
        try QueryValue.allow(ctx.request.query, ["delete_files"])
        return try QueryValue.bool(ctx.request.query["delete_files"], name: "delete_files") ?? false
    }
}
