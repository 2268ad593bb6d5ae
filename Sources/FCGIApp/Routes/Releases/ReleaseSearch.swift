import Foundation
import Core
import Library
import Persistence
import Releases

/// One interactive search: every indexer at once (IndexerManager), ranked for the target with the
/// blocklist and the minimum seeders, stored in release_cache so any responder can download a
/// result by its id.
enum ReleaseSearch {
    static func respond(_ ctx: RequestContext, _ target: MediaSearchTarget) throws -> HTTPResponse {
        var ranking = target.ranking
        ranking.minSeeders = ctx.app.config.indexers.minSeeders
        try ctx.app.database.blocklist.apply(to: &ranking)
        let manager = ctx.app.indexers, query = target.query
        let outcome = try AsyncBridge.run { try await manager.search(query) }
        let ranked = ReleaseRanker.rank(outcome.releases, for: ranking)
        let ids = try ctx.app.database.releaseCache.remember(ranked, foundFor: target.media)
        let music = ranking.kind == .album || ranking.kind == .track
        var response = try HTTPResponse.json(zip(ids, ranked).map { ReleaseView(id: $0, $1, music: music) })
        // How many indexers were asked and how many failed (their last_error says why: GET /api/indexers).
        response.headers.append(("X-Indexers-Asked", String(outcome.reports.count)))
        response.headers.append(("X-Indexers-Failed", String(outcome.reports.filter { $0.error != nil }.count)))
        return response
    }
}
