import GRDB
import Core

/// `tracks` as the API lists and monitors them (the tracklist itself is written by AlbumStore).
public struct TrackStore: Sendable {
    let pool: DatabasePool

    static let listing = MediaListing<TrackRecord>(table: "tracks", fts: nil, bm25Weights: "",
                                                   order: "t.album_id, t.disc_number, t.track_number, t.id")

    /// `albumID`: only this album's tracks. Tracks have no full-text index: `search` is not used.
    public func page(_ query: MediaListQuery, albumID: Int64? = nil) throws -> MediaPage<TrackRecord> {
        try pool.read { try Self.listing.page($0, query, parent: albumID.map { ("t.album_id", $0) }) }
    }

    public func track(id: Int64) throws -> TrackRecord {
        guard let track = try pool.read({ try TrackRecord.fetchOne($0, table: "tracks", id: id) }) else {
            throw DomainError.notFound(.track, id: id)
        }
        return track
    }

    /// Monitors or unmonitors the track (nil: unchanged); returns it, 404 for an unknown track.
    public func setMonitored(id: Int64, _ monitored: Bool?) throws -> TrackRecord {
        try pool.write { db in
            if let monitored {
                try db.execute(sql: "UPDATE tracks SET monitored = ?, updated_at = datetime('now') WHERE id = ?", arguments: [monitored, id])
            }
            guard let track = try TrackRecord.fetchOne(db, table: "tracks", id: id) else { throw DomainError.notFound(.track, id: id) }
            return track
        }
    }
}

extension AppDatabase {
    public var tracks: TrackStore { TrackStore(pool: pool) }
}
