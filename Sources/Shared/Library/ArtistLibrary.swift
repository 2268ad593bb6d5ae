import GRDB
import Core
import Metadata
import Persistence

/// Adds and refreshes artists from MusicBrainz: the artist and its release groups of the
/// configured primary types (`musicbrainz.album_types`) as albums. Tracks come later, per album
/// (AlbumLibrary). All MusicBrainz requests happen first; the write is one transaction.
public struct ArtistLibrary {
    let db: any DatabaseWriter
    let musicBrainz: MusicBrainzClient

    public init(db: any DatabaseWriter, musicBrainz: MusicBrainzClient) {
        self.db = db
        self.musicBrainz = musicBrainz
    }

    public func add(mbid rawMBID: String, monitored: Bool, qualityLimit: String, userID: Int64?) throws -> Int64 {
        let mbid = try MBID.require(rawMBID, field: "mbid")
        try db.read { try ensureAbsent(mbid, $0) }
        let artist = try musicBrainz.artist(mbid)
        let groups = try musicBrainz.releaseGroups(ofArtist: mbid, types: musicBrainz.config.albumTypes)
        return try db.write { db in
            try ensureAbsent(mbid, db)
            try db.execute(sql: """
                INSERT INTO artists (mbid, name, sort_name, disambiguation, artist_type, country, begin_date, end_date,
                                     monitored, quality_limit, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: columns(artist) + [monitored, qualityLimit, userID])
            let id = db.lastInsertedRowID
            let added = try upsertAlbums(db, artistID: id, groups: groups, monitored: monitored, qualityLimit: qualityLimit)
            try ActivityLog.record(db, .artistAdded, "Added artist \(artist.name) (\(added) albums)", media: MediaReference(type: .artist, id: id), userID: userID)
            return id
        }
    }

    /// Updates the artist, adds its new release groups, updates the titles/dates of known ones.
    public func refresh(id: Int64, userID: Int64?) throws {
        let row = try db.read { try Row.fetchOne($0, sql: "SELECT mbid, monitored, quality_limit FROM artists WHERE id = ?", arguments: [id]) }
        guard let row else { throw DomainError.notFound(.artist, id: id) }
        let mbid: String = row["mbid"]
        let artist = try musicBrainz.artist(mbid)
        let groups = try musicBrainz.releaseGroups(ofArtist: mbid, types: musicBrainz.config.albumTypes)
        try db.write { db in
            try db.execute(sql: """
                UPDATE artists SET mbid = ?, name = ?, sort_name = ?, disambiguation = ?, artist_type = ?, country = ?,
                       begin_date = ?, end_date = ?, updated_at = datetime('now')
                WHERE id = ?
                """, arguments: columns(artist) + [id])
            guard db.changesCount > 0 else { throw DomainError.notFound(.artist, id: id) }
            let added = try upsertAlbums(db, artistID: id, groups: groups, monitored: row["monitored"],
                                         qualityLimit: row["quality_limit"] ?? "flac")
            try ActivityLog.record(db, .artistRefreshed, "Refreshed artist \(artist.name): \(added) new albums",
                                   media: MediaReference(type: .artist, id: id), userID: userID)
        }
    }

    /// New release groups become albums; known ones of this artist get the current title, type
    /// and date. A release group another library artist already has (a collaboration) stays theirs.
    private func upsertAlbums(_ db: Database, artistID: Int64, groups: [MBReleaseGroup], monitored: Bool, qualityLimit: String) throws -> Int {
        var added = 0
        for group in groups {
            let before = try Int64.fetchOne(db, sql: "SELECT artist_id FROM albums WHERE mbid = ?", arguments: [group.id])
            if before == nil {
                try db.execute(sql: """
                    INSERT INTO albums (mbid, artist_id, title, album_type, release_date, monitored, quality_limit)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [group.id, artistID, group.title, group.primaryType?.lowercased(),
                                     MetadataText.nonEmpty(group.firstReleaseDate), monitored, qualityLimit])
                added += 1
            } else if before == artistID {
                try db.execute(sql: """
                    UPDATE albums SET title = ?, album_type = ?, release_date = ?, updated_at = datetime('now')
                    WHERE mbid = ? AND (title IS NOT ? OR album_type IS NOT ? OR release_date IS NOT ?)
                    """, arguments: [group.title, group.primaryType?.lowercased(), MetadataText.nonEmpty(group.firstReleaseDate),
                                     group.id, group.title, group.primaryType?.lowercased(), MetadataText.nonEmpty(group.firstReleaseDate)])
            }
        }
        return added
    }

    private func columns(_ a: MBArtist) -> StatementArguments {
        [a.id, a.name, MetadataText.nonEmpty(a.sortName), MetadataText.nonEmpty(a.disambiguation), a.type?.lowercased(),
         MetadataText.nonEmpty(a.country), MetadataText.nonEmpty(a.lifeSpan?.begin), MetadataText.nonEmpty(a.lifeSpan?.end)]
    }

    private func ensureAbsent(_ mbid: String, _ db: Database) throws {
        try Existing.check(db, table: "artists", column: "mbid", value: mbid, kind: "artist")
    }
}
