import Foundation
import GRDB
import Core

/// What `search_missing` reads and moves: the wanted list (monitored, missing, released items,
/// least recently searched first) and the moves missing → searching → downloading, or back to
/// missing when nothing acceptable was found — each with its activity row, in one transaction.
/// A failed download's item goes back to missing here too (called inside DownloadStore's write).
extension MediaStatusStore {
    /// The next `limit` searches. `today` ("YYYY-MM-DD", lcarsd's date): episodes that have aired by
    /// then and albums released by then; movies are searched once added.
    public func missingForSearch(limit: Int, today: String) throws -> [SearchUnit] {
        let limit = max(0, limit)
        return try pool.read { db in
            var units = try Self.missingMovies(db, limit: limit) + Self.missingAlbums(db, limit: limit, today: today)
            units += MissingEpisode.units(try Self.missingEpisodes(db, today: today))
            return Array(units.sorted(by: SearchUnit.precedes).prefix(limit))
        }
    }

    /// Items left `searching` by a run that never ended (lcarsd killed mid-search) go back to
    /// `missing`, or no later run would pick them up. Only search_missing sets `searching` and a
    /// job never overlaps itself, so at the start of a run every such item is a leftover.
    @discardableResult
    public func releaseStaleSearches() throws -> Int {
        try pool.write { db in
            try ["movies", "episodes", "albums", "tracks"].reduce(0) { count, table in
                try db.execute(sql: "UPDATE \(table) SET status = 'missing', updated_at = datetime('now') WHERE status = 'searching'")
                return count + db.changesCount
            }
        }
    }

    /// The unit's items that are still missing become `searching`, stamped as searched now; items
    /// that moved on meanwhile (grabbed by hand, deleted) are left out of the answer.
    public func markSearching(_ items: [MediaReference], now: Date = Date()) throws -> [MediaReference] {
        try pool.write { db in
            try items.filter { media in
                guard let raw = try String.fetchOne(db, sql: "SELECT status FROM \(media.table) WHERE id = ?", arguments: [media.id]),
                      raw == MediaStatus.missing.rawValue else { return false }
                try Self.move(db, media, to: .searching, extra: "last_searched_at = ?", [SQLiteTime.format(now)])
                return true
            }
        }
    }

    /// Nothing acceptable: back to `missing`, with a `search_failed` row per item saying why.
    public func markNothingFound(_ items: [MediaReference], reason: String) throws {
        try pool.write { db in
            for media in items where try Self.status(of: media, in: db) == .searching {
                try Self.move(db, media, to: .missing)
                try ActivityLog.record(db, .searchFailed, "nothing grabbed for \(Self.name(media)): \(reason)", media: media, userID: nil)
            }
        }
    }

    /// The search grabbed a release for `items` (a season pack: all its episodes): `downloading`,
    /// with a `release_grabbed` row each naming the download.
    public func markSearchGrabbed(_ items: [MediaReference], download downloadID: Int64?, title: String) throws {
        try pool.write { db in
            for media in items {
                try Self.move(db, media, to: .downloading)
                try ActivityLog.record(db, .releaseGrabbed, "grabbed \(title) for \(Self.name(media)) (search_missing)", media: media,
                                       downloadID: downloadID, userID: nil)
            }
        }
    }

    // MARK: inside DownloadStore's transactions (failure and retry)

    /// Statuses a failed download's item leaves for `missing`; an `available` item (a failed
    /// upgrade) keeps its file and its status.
    static let failedGrabStatuses: Set<MediaStatus> = [.searching, .downloading, .processing]

    /// A download linked to `media` failed: the item (for an episode, also the season's other
    /// episodes a season pack was downloading) goes back to `missing` unless another live download
    /// is still bringing it.
    public static func downloadFailed(_ db: Database, media: MediaReference, downloadID: Int64) throws {
        var affected = [media]
        if media.type == .episode { affected += try packSiblings(db, of: media.id) }
        for item in affected where try failedGrabStatuses.contains(status(of: item, in: db)) {
            guard try !hasOtherLiveDownload(db, item, besides: downloadID) else { continue }
            try move(db, item, to: .missing)
        }
    }

    /// A retried download is linked again: its item goes back to `downloading` when it can.
    public static func relinked(_ db: Database, media: MediaReference) throws {
        let current = try status(of: media, in: db)
        guard current != .downloading, current.canMove(to: .downloading) else { return }
        try move(db, media, to: .downloading)
    }

    // MARK: helpers

    static func move(_ db: Database, _ media: MediaReference, to next: MediaStatus, extra: String? = nil, _ arguments: [DatabaseValueConvertible?] = []) throws {
        let checked = try status(of: media, in: db).transition(to: next, of: name(media))
        let set = ["status = ?", "updated_at = datetime('now')"] + (extra.map { [$0] } ?? [])
        try db.execute(sql: "UPDATE \(media.table) SET \(set.joined(separator: ", ")) WHERE id = ?",
                       arguments: StatementArguments([checked.rawValue] + arguments + [media.id]))
    }

    /// Episodes of the same show and season that are downloading with no download linked to them:
    /// the rest of a season pack (whose download is linked to its first episode).
    static func packSiblings(_ db: Database, of episodeID: Int64) throws -> [MediaReference] {
        try Int64.fetchAll(db, sql: """
            SELECT s.id FROM episodes e JOIN episodes s ON s.show_id = e.show_id AND s.season_number = e.season_number
            WHERE e.id = ? AND s.id != e.id AND s.status = 'downloading'
              AND NOT EXISTS (SELECT 1 FROM downloads d WHERE d.media_type = 'episode' AND d.media_id = s.id)
            """, arguments: [episodeID]).map { MediaReference(type: .episode, id: $0) }
    }

    static func hasOtherLiveDownload(_ db: Database, _ media: MediaReference, besides id: Int64) throws -> Bool {
        let live = (DownloadStatus.inSession + [.processing]).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM downloads WHERE media_type = ? AND media_id = ? AND id != ? AND status IN (\(live)))
            """, arguments: [media.type.rawValue, media.id, id]) ?? false
    }

    static func missingMovies(_ db: Database, limit: Int) throws -> [SearchUnit] {
        try Row.fetchAll(db, sql: """
            SELECT id, last_searched_at FROM movies WHERE status = 'missing' AND monitored = 1
            ORDER BY last_searched_at, id LIMIT ?
            """, arguments: [limit]).map { SearchUnit(kind: .movie, items: [MediaReference(type: .movie, id: $0[0])], lastSearchedAt: $0[1]) }
    }

    /// Albums of any artist, once released (no date: searched, MusicBrainz leaves some out).
    static func missingAlbums(_ db: Database, limit: Int, today: String) throws -> [SearchUnit] {
        try Row.fetchAll(db, sql: """
            SELECT id, last_searched_at FROM albums WHERE status = 'missing' AND monitored = 1
              AND (release_date IS NULL OR release_date = '' OR substr(release_date, 1, 10) <= ?)
            ORDER BY last_searched_at, id LIMIT ?
            """, arguments: [today, limit]).map { SearchUnit(kind: .album, items: [MediaReference(type: .album, id: $0[0])], lastSearchedAt: $0[1]) }
    }

    /// Monitored episodes of monitored shows that have aired (an air date on or before `today`).
    static func missingEpisodes(_ db: Database, today: String) throws -> [MissingEpisode] {
        try Row.fetchAll(db, sql: """
            SELECT e.id, e.show_id, e.season_number, e.episode_number, e.last_searched_at,
                   (SELECT COUNT(*) FROM episodes a WHERE a.show_id = e.show_id AND a.season_number = e.season_number
                      AND a.air_date IS NOT NULL AND a.air_date != '' AND a.air_date <= ?)
            FROM episodes e JOIN tv_shows s ON s.id = e.show_id
            WHERE e.status = 'missing' AND e.monitored = 1 AND s.monitored = 1
              AND e.air_date IS NOT NULL AND e.air_date != '' AND e.air_date <= ?
            """, arguments: [today, today]).map {
            MissingEpisode(id: $0[0], showID: $0[1], season: $0[2], episode: $0[3], lastSearchedAt: $0[4], airedInSeason: $0[5])
        }
    }
}
