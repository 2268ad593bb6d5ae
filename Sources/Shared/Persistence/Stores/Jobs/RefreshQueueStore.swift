import Foundation
import GRDB
import Core

/// The library items the scheduled refresh jobs walk, least recently refreshed first (a refresh sets
/// `updated_at`, so successive bounded runs cover the whole library). Read only: the library tables
/// belong to the media stores; the refreshes themselves go through them (Library's use cases).
public struct RefreshQueueStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// One library item to refresh.
    public struct Item: Sendable, Equatable {
        public let kind: MediaKind      // .movie, .tv or .artist
        public let id: Int64
        public let title: String
    }

    /// Movies, shows and artists together (`refresh_metadata`).
    public func everything(limit: Int) throws -> [Item] {
        try items(sql: """
            SELECT 'movie', id, title, updated_at FROM movies
            UNION ALL SELECT 'tv', id, title, updated_at FROM tv_shows
            UNION ALL SELECT 'artist', id, name, updated_at FROM artists
            ORDER BY 4, 1, 2 LIMIT ?
            """, limit: limit)
    }

    /// Monitored shows that may still get episodes: continuing or upcoming (`check_new_episodes`).
    /// An unmonitored show's new episodes would arrive unmonitored, so it is not worth a call here.
    public func continuingShows(limit: Int) throws -> [Item] {
        try items(sql: """
            SELECT 'tv', id, title, updated_at FROM tv_shows
            WHERE monitored = 1 AND status IN ('continuing', 'upcoming') ORDER BY updated_at, id LIMIT ?
            """, limit: limit)
    }

    /// Monitored artists (`check_new_releases`).
    public func monitoredArtists(limit: Int) throws -> [Item] {
        try items(sql: "SELECT 'artist', id, name, updated_at FROM artists WHERE monitored = 1 ORDER BY updated_at, id LIMIT ?",
                  limit: limit)
    }

    private func items(sql: String, limit: Int) throws -> [Item] {
        try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: [max(0, limit)]).compactMap { row in
                MediaKind(rawValue: row[0]).map { Item(kind: $0, id: row[1], title: row[2]) }
            }
        }
    }
}

extension AppDatabase {
    public var refreshQueue: RefreshQueueStore { RefreshQueueStore(pool: pool) }
}
