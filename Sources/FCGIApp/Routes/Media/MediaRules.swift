import Foundation
import Core

/// Values shared by the media routes: statuses, quality limits, the add/update bodies.
enum MediaRules {
    static let mediaStatuses = Set(MediaStatus.itemStatuses.map(\.rawValue))
    static let albumStatuses = Set(MediaStatus.albumStatuses.map(\.rawValue))
    static let showStatuses = Set(SeriesStatus.allCases.map(\.rawValue))

    /// The quality limits an item may have: one ladder (Core) for validation and ranking.
    struct Qualities: Sendable {
        let allowed: [String]
        let fallback: String

        static let video = Qualities(allowed: VideoQuality.ladder.map(\.rawValue), fallback: VideoQuality.defaultLimit.rawValue)
        static let music = Qualities(allowed: MusicQuality.ladder.map(\.rawValue), fallback: MusicQuality.defaultLimit.rawValue)

        /// The limit given, checked; nil when none was given.
        func check(_ raw: String?) throws -> String? {
            guard let raw else { return nil }
            guard allowed.contains(raw) else {
                throw DomainError.validation("quality_limit must be one of \(allowed.joined(separator: ", ")), found \"\(raw)\"",
                                             field: "quality_limit")
            }
            return raw
        }

        /// The limit of a new item: the one given (checked) or the default.
        func forNewItem(_ raw: String?) throws -> String { try check(raw) ?? fallback }
    }

    /// `{tmdb_id, monitored?, quality_limit?}` of POST /api/movies and /api/tv.
    struct TMDBAddBody: Decodable {
        let tmdb_id: Int64
        let monitored: Bool?
        let quality_limit: String?

        func validTMDBID() throws -> Int64 {
            guard tmdb_id > 0 else { throw DomainError.validation("tmdb_id must be a positive integer", field: "tmdb_id") }
            return tmdb_id
        }
    }

    /// `{monitored?, quality_limit?}` of the PUT routes.
    struct UpdateBody: Decodable {
        let monitored: Bool?
        let quality_limit: String?
    }

    /// `{monitored}` of the season/episode/track PUT routes.
    struct MonitorBody: Decodable {
        let monitored: Bool?

        func required() throws -> Bool {
            guard let monitored else { throw DomainError.validation("monitored is required", field: "monitored") }
            return monitored
        }
    }

    /// `?delete_files=true|false` of the DELETE routes (nothing else is accepted).
    static func deleteFiles(_ ctx: RequestContext) throws -> Bool {
        try QueryValue.allow(ctx.request.query, ["delete_files"])
        return try QueryValue.bool(ctx.request.query["delete_files"], name: "delete_files") ?? false
    }
}
