import GRDB
import Core

extension DomainError {
    /// The one 404 text of an episode: "TV show 3 has no episode S01E05".
    public static func noEpisode(show: Int64, season: Int, episode: Int) -> DomainError {
        .notFound("\(MediaKind.tv.label) \(show) has no episode S\(twoDigits(season))E\(twoDigits(episode))")
    }

    /// "TV show 3 has no season 9".
    public static func noSeason(show: Int64, season: Int) -> DomainError {
        .notFound("\(MediaKind.tv.label) \(show) has no season \(season)")
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : String(n) }
}

/// Seasons and episodes of a show: reading one season, monitoring a season or one episode.
extension ShowStore {
    /// The season's episodes; 404 when the show does not exist or has no such season.
    public func season(show id: Int64, season: Int) throws -> [EpisodeRecord] {
        try pool.read { try Self.season($0, show: id, season: season) }
    }

    /// Monitors or unmonitors every episode of the season; returns them.
    public func setSeasonMonitored(show id: Int64, season: Int, _ monitored: Bool) throws -> [EpisodeRecord] {
        try pool.write { db in
            try db.execute(sql: "UPDATE episodes SET monitored = ?, updated_at = datetime('now') WHERE show_id = ? AND season_number = ?",
                           arguments: [monitored, id, season])
            return try Self.season(db, show: id, season: season)
        }
    }

    /// Monitors or unmonitors one episode (nil: unchanged); returns it.
    public func setEpisodeMonitored(show id: Int64, season: Int, episode: Int, _ monitored: Bool?) throws -> EpisodeRecord {
        try pool.write { db in
            if let monitored {
                try db.execute(sql: """
                    UPDATE episodes SET monitored = ?, updated_at = datetime('now')
                    WHERE show_id = ? AND season_number = ? AND episode_number = ?
                    """, arguments: [monitored, id, season, episode])
            }
            let found = try EpisodeRecord.fetchAll(db, sql: """
                SELECT \(EpisodeRecord.selection("t")) FROM episodes t WHERE t.show_id = ? AND t.season_number = ? AND t.episode_number = ?
                """, arguments: [id, season, episode]).first
            guard let found else {
                guard try Self.exists(db, show: id) else { throw DomainError.notFound(.tv, id: id) }
                throw DomainError.noEpisode(show: id, season: season, episode: episode)
            }
            return found
        }
    }

    static func season(_ db: Database, show id: Int64, season: Int) throws -> [EpisodeRecord] {
        guard try exists(db, show: id) else { throw DomainError.notFound(.tv, id: id) }
        let episodes = try EpisodeRecord.fetchAll(db, sql: """
            SELECT \(EpisodeRecord.selection("t")) FROM episodes t WHERE t.show_id = ? AND t.season_number = ? ORDER BY t.episode_number
            """, arguments: [id, season])
        guard !episodes.isEmpty else { throw DomainError.noSeason(show: id, season: season) }
        return episodes
    }

    static func exists(_ db: Database, show id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM tv_shows WHERE id = ?", arguments: [id]) != nil
    }
}

/// Inserts new episodes, updates changed metadata of known ones; never touches status, monitored,
/// file_path or file_size of an existing episode. Specials (season 0) start unmonitored.
enum EpisodeUpserts {
    static func apply(_ db: Database, showID: Int64, episodes: [EpisodeMetadata], monitored: Bool) throws -> ShowStore.EpisodeChanges {
        let existing = try Row.fetchAll(db, sql: """
            SELECT season_number, episode_number, tmdb_id, title, overview, air_date, runtime_minutes, still_path
            FROM episodes WHERE show_id = ?
            """, arguments: [showID])
        var known: [String: [DatabaseValue]] = [:]
        for row in existing { known["\(row[0] as Int)x\(row[1] as Int)"] = Array(row.databaseValues.dropFirst(2)) }
        var changes = ShowStore.EpisodeChanges()
        for episode in episodes {
            let values = metadata(episode)
            if let old = known["\(episode.season)x\(episode.episode)"] {
                guard old != values.map({ $0?.databaseValue ?? .null }) else { continue }
                try db.execute(sql: """
                    UPDATE episodes SET tmdb_id = ?, title = ?, overview = ?, air_date = ?, runtime_minutes = ?, still_path = ?,
                           updated_at = datetime('now')
                    WHERE show_id = ? AND season_number = ? AND episode_number = ?
                    """, arguments: StatementArguments(values) + [showID, episode.season, episode.episode])
                changes.updated += 1
            } else {
                try db.execute(sql: """
                    INSERT INTO episodes (tmdb_id, title, overview, air_date, runtime_minutes, still_path, show_id, season_number,
                                          episode_number, monitored)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments(values) + [showID, episode.season, episode.episode, monitored && episode.season != 0])
                changes.added += 1
            }
        }
        return changes
    }

    private static func metadata(_ e: EpisodeMetadata) -> [(any DatabaseValueConvertible)?] {
        [e.tmdbID, e.title, e.overview, e.airDate, e.runtimeMinutes, e.stillPath]
    }
}
