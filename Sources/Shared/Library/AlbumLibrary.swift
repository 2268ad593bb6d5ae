import GRDB
import Core
import Metadata
import Persistence

/// Loads an album's tracks: the release group's releases, the canonical one (CanonicalRelease),
/// its tracklist (media → tracks: disc, position, length, recording MBID) and the front cover
/// from the Cover Art Archive. Known tracks keep their status and file; tracks that vanished
/// from the tracklist are removed unless they have a file. One transaction, after the lookups.
public struct AlbumLibrary {
    let db: any DatabaseWriter
    let musicBrainz: MusicBrainzClient

    public init(db: any DatabaseWriter, musicBrainz: MusicBrainzClient) {
        self.db = db
        self.musicBrainz = musicBrainz
    }

    /// Whether the album's tracks were loaded before (its release is known).
    public func tracksLoaded(albumID: Int64) throws -> Bool {
        try db.read { try String.fetchOne($0, sql: "SELECT release_mbid FROM albums WHERE id = ?", arguments: [albumID]) } != nil
    }

    /// `activity`: whether this is a refresh worth an activity row (a first GET is not).
    public func loadTracks(albumID: Int64, userID: Int64?, activity: Bool) throws {
        let row = try db.read { try Row.fetchOne($0, sql: "SELECT mbid, artist_id, title FROM albums WHERE id = ?", arguments: [albumID]) }
        guard let row else { throw DomainError.notFound(.album, id: albumID) }
        let groupMBID: String = row["mbid"]
        let chosen = CanonicalRelease.choose(try musicBrainz.releases(ofReleaseGroup: groupMBID))
        let release = try chosen.map { try musicBrainz.release($0.id) }
        let cover = try musicBrainz.cover(ofReleaseGroup: groupMBID)
        try db.write { db in
            try store(db, albumID: albumID, artistID: row["artist_id"], release: release, cover: cover)
            if activity {
                try ActivityLog.record(db, .albumRefreshed, "Refreshed album \(row["title"] as String)", media: MediaReference(type: .album, id: albumID), userID: userID)
            }
        }
    }

    private func store(_ db: Database, albumID: Int64, artistID: Int64, release: MBRelease?, cover: String?) throws {
        var kept: Set<String> = []
        for medium in release?.media ?? [] {
            let disc = medium.position ?? 1
            for track in medium.tracks ?? [] {
                try db.execute(sql: """
                    INSERT INTO tracks (album_id, artist_id, disc_number, track_number, title, mbid, duration_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(album_id, disc_number, track_number) DO UPDATE SET
                        title = excluded.title, mbid = excluded.mbid, duration_ms = excluded.duration_ms, updated_at = datetime('now')
                    WHERE title IS NOT excluded.title OR mbid IS NOT excluded.mbid OR duration_ms IS NOT excluded.duration_ms
                    """, arguments: [albumID, artistID, disc, track.position, track.title, track.recording?.id, track.length])
                kept.insert("\(disc)x\(track.position)")
            }
        }
        let stale = try Row.fetchAll(db, sql: "SELECT id, disc_number, track_number FROM tracks WHERE album_id = ? AND file_path IS NULL",
                                     arguments: [albumID])
            .filter { !kept.contains("\($0["disc_number"] as Int)x\($0["track_number"] as Int)") }.map { $0["id"] as Int64 }
        for id in stale { try db.execute(sql: "DELETE FROM tracks WHERE id = ?", arguments: [id]) }
        try db.execute(sql: """
            UPDATE albums SET release_mbid = ?, total_tracks = ?, cover_path = COALESCE(?, cover_path), updated_at = datetime('now')
            WHERE id = ?
            """, arguments: [release?.id ?? "", release?.trackCount, cover, albumID])
    }
}
