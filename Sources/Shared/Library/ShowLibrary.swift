import GRDB
import Core
import Metadata
import Persistence

/// Adds and refreshes TV shows from TMDB with every season's episodes. A refresh adds new
/// episodes and updates the metadata of known ones; their status, monitoring and file stay.
/// Each add/refresh is one transaction, after all TMDB requests have succeeded.
public struct ShowLibrary {
    let db: any DatabaseWriter
    let tmdb: TMDBClient

    public init(db: any DatabaseWriter, tmdb: TMDBClient) {
        self.db = db
        self.tmdb = tmdb
    }

    public struct EpisodeChanges: Sendable { public var added = 0, updated = 0 }

    public func add(tmdbID: Int64, monitored: Bool, qualityLimit: String, userID: Int64?) throws -> Int64 {
        try Existing.check(db, table: "tv_shows", column: "tmdb_id", value: String(tmdbID), kind: "TV show")
        let show = try tmdb.show(id: tmdbID)
        return try db.write { db in
            try Existing.check(db, table: "tv_shows", column: "tmdb_id", value: String(tmdbID), kind: "TV show")
            try db.execute(sql: """
                INSERT INTO tv_shows (tmdb_id, imdb_id, title, original_title, year_start, year_end, overview, poster_path,
                                      backdrop_path, status, monitored, quality_limit, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: columns(show.details) + [monitored, qualityLimit, userID])
            let id = db.lastInsertedRowID
            let changes = try upsertEpisodes(db, showID: id, seasons: show.seasons, monitored: monitored)
            try ActivityLog.record(db, .showAdded, "Added TV show \(show.details.name) (\(changes.added) episodes)",
                                   media: MediaReference(type: .tv, id: id), userID: userID)
            return id
        }
    }

    @discardableResult
    public func refresh(id: Int64, userID: Int64?) throws -> EpisodeChanges {
        let row = try db.read { try Row.fetchOne($0, sql: "SELECT tmdb_id, monitored FROM tv_shows WHERE id = ?", arguments: [id]) }
        guard let row else { throw DomainError.notFound(.tv, id: id) }
        let show = try tmdb.show(id: row["tmdb_id"])
        return try db.write { db in
            try db.execute(sql: """
                UPDATE tv_shows SET tmdb_id = ?, imdb_id = ?, title = ?, original_title = ?, year_start = ?, year_end = ?, overview = ?,
                       poster_path = ?, backdrop_path = ?, status = ?, updated_at = datetime('now')
                WHERE id = ?
                """, arguments: columns(show.details) + [id])
            guard db.changesCount > 0 else { throw DomainError.notFound(.tv, id: id) }
            let changes = try upsertEpisodes(db, showID: id, seasons: show.seasons, monitored: row["monitored"])
            try ActivityLog.record(db, .showRefreshed,
                                   "Refreshed TV show \(show.details.name): \(changes.added) new, \(changes.updated) updated episodes",
                                   media: MediaReference(type: .tv, id: id), userID: userID)
            return changes
        }
    }

    /// Inserts new episodes, updates changed metadata of known ones; never touches status,
    /// monitored, file_path or file_size of an existing episode. Specials (season 0) start unmonitored.
    private func upsertEpisodes(_ db: Database, showID: Int64, seasons: [TMDBSeason], monitored: Bool) throws -> EpisodeChanges {
        let existing = try Row.fetchAll(db, sql: """
            SELECT season_number, episode_number, tmdb_id, title, overview, air_date, runtime_minutes, still_path
            FROM episodes WHERE show_id = ?
            """, arguments: [showID])
        var known: [String: [DatabaseValue]] = [:]
        for row in existing { known["\(row[0] as Int)x\(row[1] as Int)"] = Array(row.databaseValues.dropFirst(2)) }
        var changes = EpisodeChanges()
        for episode in seasons.flatMap(\.episodes) {
            let values = metadata(episode)
            let key = "\(episode.season_number)x\(episode.episode_number)"
            if let old = known[key] {
                guard old != values.map({ $0?.databaseValue ?? .null }) else { continue }
                try db.execute(sql: """
                    UPDATE episodes SET tmdb_id = ?, title = ?, overview = ?, air_date = ?, runtime_minutes = ?, still_path = ?,
                           updated_at = datetime('now')
                    WHERE show_id = ? AND season_number = ? AND episode_number = ?
                    """, arguments: StatementArguments(values) + [showID, episode.season_number, episode.episode_number])
                changes.updated += 1
            } else {
                try db.execute(sql: """
                    INSERT INTO episodes (tmdb_id, title, overview, air_date, runtime_minutes, still_path, show_id, season_number,
                                          episode_number, monitored)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments(values) + [showID, episode.season_number, episode.episode_number,
                                                                  monitored && episode.season_number != 0])
                changes.added += 1
            }
        }
        return changes
    }

    private func metadata(_ e: TMDBEpisode) -> [(any DatabaseValueConvertible)?] {
        [e.id, MetadataText.nonEmpty(e.name), MetadataText.nonEmpty(e.overview), MetadataText.nonEmpty(e.air_date),
         e.runtime.flatMap { $0 > 0 ? $0 : nil }, tmdb.imageURL(e.still_path, size: "w300")]
    }

    private func columns(_ s: TMDBShowDetails) -> StatementArguments {
        let status = Self.status(s.status)
        let ended = status == "ended" || status == "canceled"
        return [s.id, MetadataText.nonEmpty(s.external_ids?.imdb_id), s.name, MetadataText.nonEmpty(s.original_name),
                MetadataText.year(s.first_air_date), ended ? MetadataText.year(s.last_air_date) : nil,
                MetadataText.nonEmpty(s.overview), tmdb.imageURL(s.poster_path, size: "w500"),
                tmdb.imageURL(s.backdrop_path, size: "w1280"), status]
    }

    /// TMDB's show status → the spec's ShowStatus.
    static func status(_ tmdb: String?) -> String {
        switch tmdb?.lowercased() {
        case "ended": "ended"
        case "canceled", "cancelled": "canceled"
        case "in production", "planned", "pilot": "upcoming"
        default: "continuing"   // "Returning Series" and anything new
        }
    }
}
