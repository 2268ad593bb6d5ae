import GRDB
import Core

/// `tv_shows` and their `episodes` (and `tv_shows_fts`): adds and refreshes from TMDB metadata,
/// monitoring of the show, a season or an episode, deletion, lists. Every write is one transaction;
/// adds and refreshes write their activity row in it.
public struct ShowStore: Sendable {
    let pool: DatabasePool

    public struct EpisodeChanges: Sendable, Equatable {
        public var added = 0, updated = 0
    }

    /// What a refresh needs to know before it calls TMDB.
    public struct RefreshSource: Sendable {
        public let tmdbID: Int64, monitored: Bool
    }

    static let listing = MediaListing<ShowRecord>(table: "tv_shows", fts: "tv_shows_fts", bm25Weights: "10.0, 5.0, 1.0",
                                                  order: "t.title COLLATE NOCASE, t.id")
    static let summaryListing = MediaListing<ShowSummary>(table: listing.table, fts: listing.fts, bm25Weights: listing.bm25Weights,
                                                          order: listing.order)

    public func show(id: Int64) throws -> ShowRecord {
        guard let show = try pool.read({ try ShowRecord.fetchOne($0, table: "tv_shows", id: id) }) else {
            throw DomainError.notFound(.tv, id: id)
        }
        return show
    }

    /// The statements of `showWithEpisodes`, made once (GET /api/tv/:id).
    static let showSQL = "SELECT \(ShowRecord.selection("t")) FROM tv_shows t WHERE t.id = ?"
    static let episodesSQL = """
        SELECT \(EpisodeRecord.selection("t")) FROM episodes t WHERE t.show_id = ? ORDER BY t.season_number, t.episode_number
        """

    /// The show and all its episodes (by season, episode) from one read.
    public func showWithEpisodes(id: Int64) throws -> (show: ShowRecord, episodes: [EpisodeRecord]) {
        let found = try pool.read { db -> (ShowRecord, [EpisodeRecord])? in
            guard let show = try ShowRecord.fetchAll(db, sql: Self.showSQL, arguments: [id]).first else { return nil }
            let episodes = try EpisodeRecord.fetchAll(db, sql: Self.episodesSQL, arguments: [id])
            return (show, episodes)
        }
        guard let found else { throw DomainError.notFound(.tv, id: id) }
        return found
    }

    public func page(_ query: MediaListQuery) throws -> MediaPage<ShowRecord> {
        try pool.read { try Self.listing.page($0, query) }
    }

    /// The same page with only the columns a list shows (`GET /api/tv`).
    public func summaryPage(_ query: MediaListQuery) throws -> MediaPage<ShowSummary> {
        try pool.read { try Self.summaryListing.page($0, query) }
    }

    public func ensureAbsent(tmdbID: Int64) throws {
        try pool.read { try Existing.check($0, .tv, column: "tmdb_id", value: tmdbID) }
    }

    public func refreshSource(ofShow id: Int64) throws -> RefreshSource {
        let row = try pool.read { try Row.fetchOne($0, sql: "SELECT tmdb_id, monitored FROM tv_shows WHERE id = ?", arguments: [id]) }
        guard let row else { throw DomainError.notFound(.tv, id: id) }
        return RefreshSource(tmdbID: row[0], monitored: row[1])
    }

    /// Adds the show with every episode and its `show_added` activity; returns the new id.
    public func insert(from details: ShowMetadata, episodes: [EpisodeMetadata], monitored: Bool, qualityLimit: String,
                       addedBy userID: Int64?) throws -> Int64 {
        try pool.write { db in
            try Existing.check(db, .tv, column: "tmdb_id", value: details.tmdbID)
            try db.execute(sql: """
                INSERT INTO tv_shows (tmdb_id, imdb_id, title, original_title, year_start, year_end, overview, poster_path,
                                      backdrop_path, status, monitored, quality_limit, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: Self.columns(details) + [monitored, qualityLimit, userID])
            let id = db.lastInsertedRowID
            let changes = try EpisodeUpserts.apply(db, showID: id, episodes: episodes, monitored: monitored)
            try ActivityLog.record(db, .showAdded, "Added TV show \(details.title) (\(changes.added) episodes)",
                                   media: MediaReference(type: .tv, id: id), userID: userID)
            return id
        }
    }

    /// Replaces the show's metadata, adds new episodes and updates the metadata of known ones (their
    /// status, monitoring and file stay); writes `show_refreshed`.
    @discardableResult
    public func refresh(id: Int64, from details: ShowMetadata, episodes: [EpisodeMetadata], by userID: Int64?) throws -> EpisodeChanges {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE tv_shows SET tmdb_id = ?, imdb_id = ?, title = ?, original_title = ?, year_start = ?, year_end = ?, overview = ?,
                       poster_path = ?, backdrop_path = ?, status = ?, updated_at = datetime('now')
                WHERE id = ?
                """, arguments: Self.columns(details) + [id])
            guard db.changesCount > 0 else { throw DomainError.notFound(.tv, id: id) }
            let monitored = try Bool.fetchOne(db, sql: "SELECT monitored FROM tv_shows WHERE id = ?", arguments: [id]) ?? true
            let changes = try EpisodeUpserts.apply(db, showID: id, episodes: episodes, monitored: monitored)
            try ActivityLog.record(db, .showRefreshed,
                                   "Refreshed TV show \(details.title): \(changes.added) new, \(changes.updated) updated episodes",
                                   media: MediaReference(type: .tv, id: id), userID: userID)
            return changes
        }
    }

    public func update(id: Int64, monitored: Bool?, qualityLimit: String?) throws {
        try pool.write { try LibraryRows.update($0, .tv, id: id, monitored: monitored, qualityLimit: qualityLimit) }
    }

    /// Deletes the show (episodes cascade) with `show_deleted`; returns the episodes' file paths.
    public func delete(id: Int64, removingFiles: Bool, by userID: Int64?) throws -> [String] {
        try pool.write { db in
            try LibraryRows.delete(db, .tv, id: id, nameColumn: "title",
                                   filesSQL: "SELECT file_path FROM episodes WHERE show_id = ? AND file_path IS NOT NULL",
                                   removingFiles: removingFiles, by: userID)
        }
    }

    public func ids(forTMDB tmdbIDs: [Int64]) throws -> [Int64: Int64] {
        let byText = try pool.read { try LibraryRows.ids($0, .tv, column: "tmdb_id", keys: tmdbIDs.map(String.init)) }
        return Dictionary(byText.compactMap { key, id in Int64(key).map { ($0, id) } }, uniquingKeysWith: { first, _ in first })
    }

    static func columns(_ s: ShowMetadata) -> StatementArguments {
        [s.tmdbID, s.imdbID, s.title, s.originalTitle, s.yearStart, s.yearEnd, s.overview, s.posterPath, s.backdropPath,
         s.status.rawValue]
    }
}

extension AppDatabase {
    public var shows: ShowStore { ShowStore(pool: pool) }
}
