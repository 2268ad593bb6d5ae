import Foundation
import Core
import Library
import Metadata
import Persistence

/// GET /api/library/summary (any logged-in user): what the dashboard shows every role — counts by
/// kind and status, the newest additions, and the free space per mount. The mounts are the ones
/// `GET /api/system/status` shows (lcarsd's view, the responder's own statvfs while it is down),
/// cut down to name, type and sizes: their errors name paths and SMB hosts, which a `user` must
/// not see.
enum LibrarySummaryRoutes {
    static let routes = [
        Route("GET", "/api/library/summary", .user, summary),
    ]
    static let recentLimit = 10

    struct KindView: Encodable {
        let total: Int
        let by_status: [String: Int]
    }

    struct AdditionView: Encodable {
        let type: String, id: Int64, title: String, added_at: String, poster: String?
    }

    struct MountView: Encodable {
        let name: String, type: String, available: Bool, free_bytes: Int64?, total_bytes: Int64?

        init(_ m: MountStatus) {
            name = m.name; type = m.type; available = m.available; free_bytes = m.freeBytes; total_bytes = m.totalBytes
        }
    }

    struct SummaryView: Encodable {
        let counts: [String: KindView]
        let recent: [AdditionView]
        let mounts: [MountView]
    }

    static func summary(_ ctx: RequestContext) throws -> HTTPResponse {
        let library = try ctx.app.database.mediaStatus.librarySummary(recentLimit: recentLimit)
        let counts = Dictionary(uniqueKeysWithValues: library.counts.map { ($0.kind, KindView(total: $0.total, by_status: $0.byStatus)) })
        let recent = library.recent.map {
            AdditionView(type: $0.type, id: $0.id, title: $0.title, added_at: SQLiteTime.iso8601($0.addedAt), poster: ImageLinks.tmdb($0.image))
        }
        let mounts = SystemRoutes.storageMounts(ctx, daemonReachable: true).map(MountView.init)
        return try .json(SummaryView(counts: counts, recent: recent, mounts: mounts))
    }
}
