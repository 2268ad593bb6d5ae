import Foundation
import Core
import Library
import Persistence
import Releases

/// One interactive search: every indexer at once, ranked for the target with the blocklist and the
/// minimum seeders (Library's ReleaseSearcher, which search_missing uses too), stored in
/// release_cache so any responder can download a result by its id.
enum ReleaseSearch {
    static func respond(_ ctx: RequestContext, _ target: MediaSearchTarget) throws -> HTTPResponse {
        let found = try ReleaseSearcher(database: ctx.app.database, config: ctx.app.config, indexers: ctx.app.indexers).search(target)
        let ranked = found.ranked, reports = found.reports
        let music = target.ranking.kind == .album || target.ranking.kind == .track
        let ids = try ctx.app.database.releaseCache.remember(ranked, foundFor: target.media)
        var response = try HTTPResponse.json(zip(ids, ranked).map { ReleaseView(id: $0, $1, music: music) })
        // How many indexers were asked and how many failed (their last_error says why: GET /api/indexers).
        response.headers.append(("X-Indexers-Asked", String(reports.count)))
        response.headers.append(("X-Indexers-Failed", String(reports.filter { $0.error != nil }.count)))
        return response
    }
}
