import Foundation
import Config
import Core
import Indexers
import Persistence
import Releases

/// One search for a library item on every enabled indexer (IndexerManager: each within its
/// timeout and its minimum interval), ranked for the item with the blocklist and the minimum
/// seeders — what `GET …/releases` shows and what `search_missing` picks from.
public struct ReleaseSearcher: Sendable {
    let database: AppDatabase
    let config: LCARSConfig
    let indexers: IndexerManager

    public init(database: AppDatabase, config: LCARSConfig, indexers: IndexerManager) {
        self.database = database
        self.config = config
        self.indexers = indexers
    }

    /// Best first; rejected releases are kept (with their reasons) after the accepted ones.
    public struct Result: Sendable {
        public let ranked: [RankedRelease]
        public let reports: [IndexerReport]

        /// The release to grab: the best accepted one, if any.
        public var best: RankedRelease? { ranked.first { !$0.rejected } }
    }

    public func search(_ target: MediaSearchTarget) throws -> Result {
        var ranking = target.ranking
        ranking.minSeeders = config.indexers.minSeeders
        try database.blocklist.apply(to: &ranking)
        let manager = indexers, query = target.query
        let outcome = try AsyncBridge.run { try await manager.search(query) }
        return Result(ranked: ReleaseRanker.rank(outcome.releases, for: ranking), reports: outcome.reports)
    }
}
