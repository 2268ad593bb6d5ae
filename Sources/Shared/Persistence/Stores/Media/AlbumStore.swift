import GRDB
import Core

/// `albums` (and `albums_fts`) and their `tracks`: an album's tracklist from its canonical
/// release, monitoring and quality limit, deletion, lists. Every write is one transaction.
public struct AlbumStore: Sendable {
    let pool: DatabasePool

    /// What loading the tracks needs before it calls MusicBrainz.
    public struct TracklistSource: Sendable {
        public let releaseGroupMBID: String, artistID: Int64, title: String
    }

    static let listing = MediaListing<AlbumRecord>(table: "albums", fts: "albums_fts", bm25Weights: "10.0, 1.0",
                                                   order: "t.release_date, t.title COLLATE NOCASE, t.id")

    public func album(id: Int64) throws -> AlbumRecord {
        guard let album = try pool.read({ try AlbumRecord.fetchOne($0, table: "albums", id: id) }) else {
            throw DomainError.notFound(.album, id: id)
        }
        return album
    }

    /// The album and its tracks (by disc, position) from one read.
    public func albumWithTracks(id: Int64) throws -> (album: AlbumRecord, tracks: [TrackRecord]) {
        let found = try pool.read { db -> (AlbumRecord, [TrackRecord])? in
            guard let album = try AlbumRecord.fetchOne(db, table: "albums", id: id) else { return nil }
            let tracks = try TrackRecord.fetchAll(db, sql: """
                SELECT \(TrackRecord.selection("t")) FROM tracks t WHERE t.album_id = ? ORDER BY t.disc_number, t.track_number
                """, arguments: [id])
            return (album, tracks)
        }
        guard let found else { throw DomainError.notFound(.album, id: id) }
        return found
    }

    /// `artistID`: only this artist's albums.
    public func page(_ query: MediaListQuery, artistID: Int64? = nil) throws -> MediaPage<AlbumRecord> {
        try pool.read { try Self.listing.page($0, query, parent: artistID.map { ("t.artist_id", $0) }) }
    }

    /// Whether the album's tracks were loaded before (its release is known, "" when it has none).
    public func tracksLoaded(albumID: Int64) throws -> Bool {
        try pool.read { try String.fetchOne($0, sql: "SELECT release_mbid FROM albums WHERE id = ?", arguments: [albumID]) } != nil
    }

    public func tracklistSource(ofAlbum id: Int64) throws -> TracklistSource {
        let row = try pool.read { try Row.fetchOne($0, sql: "SELECT mbid, artist_id, title FROM albums WHERE id = ?", arguments: [id]) }
        guard let row else { throw DomainError.notFound(.album, id: id) }
        return TracklistSource(releaseGroupMBID: row[0], artistID: row[1], title: row[2])
    }

    /// Stores the tracklist: known tracks keep status and file, new ones are added, vanished ones
    /// without a file are removed; the album gets the release, track count and cover. With
    /// `isRefresh` (a refresh, not a first load) it writes `album_refreshed` in the same transaction.
    public func storeTracklist(albumID: Int64, _ list: AlbumTracklist, isRefresh: Bool, by userID: Int64?) throws {
        try pool.write { db in
            guard let source = try Row.fetchOne(db, sql: "SELECT artist_id, title FROM albums WHERE id = ?", arguments: [albumID]) else {
                throw DomainError.notFound(.album, id: albumID)
            }
            try Self.upsertTracks(db, albumID: albumID, artistID: source[0], list.tracks)
            try db.execute(sql: """
                UPDATE albums SET release_mbid = ?, total_tracks = ?, cover_path = COALESCE(?, cover_path), updated_at = datetime('now')
                WHERE id = ?
                """, arguments: [list.releaseMBID ?? "", list.trackCount, list.coverURL, albumID])
            if isRefresh {
                try ActivityLog.record(db, .albumRefreshed, "Refreshed album \(source[1] as String)",
                                       media: MediaReference(type: .album, id: albumID), userID: userID)
            }
        }
    }

    public func update(id: Int64, monitored: Bool?, qualityLimit: String?) throws {
        try pool.write { try LibraryRows.update($0, .album, id: id, monitored: monitored, qualityLimit: qualityLimit) }
    }

    /// Deletes the album (tracks cascade) with `album_deleted`; returns the tracks' file paths.
    public func delete(id: Int64, removingFiles: Bool, by userID: Int64?) throws -> [String] {
        try pool.write { db in
            try LibraryRows.delete(db, .album, id: id, nameColumn: "title",
                                   filesSQL: "SELECT file_path FROM tracks WHERE album_id = ? AND file_path IS NOT NULL",
                                   removingFiles: removingFiles, by: userID)
        }
    }

    public func ids(forMBIDs mbids: [String]) throws -> [String: Int64] {
        try pool.read { try LibraryRows.ids($0, .album, column: "mbid", keys: mbids) }
    }

    static func upsertTracks(_ db: Database, albumID: Int64, artistID: Int64, _ tracks: [AlbumTracklist.Track]) throws {
        for track in tracks {
            try db.execute(sql: """
                INSERT INTO tracks (album_id, artist_id, disc_number, track_number, title, mbid, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(album_id, disc_number, track_number) DO UPDATE SET
                    title = excluded.title, mbid = excluded.mbid, duration_ms = excluded.duration_ms, updated_at = datetime('now')
                WHERE title IS NOT excluded.title OR mbid IS NOT excluded.mbid OR duration_ms IS NOT excluded.duration_ms
                """, arguments: [albumID, artistID, track.disc, track.position, track.title, track.recordingMBID, track.durationMs])
        }
        let kept = Set(tracks.map { "\($0.disc)x\($0.position)" })
        let stale = try Row.fetchAll(db, sql: "SELECT id, disc_number, track_number FROM tracks WHERE album_id = ? AND file_path IS NULL",
                                     arguments: [albumID])
            .filter { !kept.contains("\($0[1] as Int)x\($0[2] as Int)") }.map { $0[0] as Int64 }
        for id in stale { try db.execute(sql: "DELETE FROM tracks WHERE id = ?", arguments: [id]) }
    }
}

extension AppDatabase {
    public var albums: AlbumStore { AlbumStore(pool: pool) }
}
