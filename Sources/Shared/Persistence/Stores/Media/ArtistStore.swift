import GRDB
import Core

/// `artists` (and `artists_fts`) with their albums as MusicBrainz lists them: adds and refreshes,
/// monitoring and quality limit, deletion (albums and tracks cascade), lists. Every write is one
/// transaction; adds and refreshes write their activity row in it.
public struct ArtistStore: Sendable {
    let pool: DatabasePool

    /// What a refresh needs before it calls MusicBrainz, and what its new albums inherit.
    public struct RefreshSource: Sendable {
        public let mbid: String, monitored: Bool, qualityLimit: String
    }

    static let listing = MediaListing<ArtistRecord>(table: "artists", fts: "artists_fts", bm25Weights: "10.0, 5.0, 2.0, 1.0",
                                                    order: "t.name COLLATE NOCASE, t.id")

    public func artist(id: Int64) throws -> ArtistRecord {
        guard let artist = try pool.read({ try ArtistRecord.fetchOne($0, table: "artists", id: id) }) else {
            throw DomainError.notFound(.artist, id: id)
        }
        return artist
    }

    /// The artist and its albums (by release date) from one read.
    public func artistWithAlbums(id: Int64) throws -> (artist: ArtistRecord, albums: [AlbumRecord]) {
        let found = try pool.read { db -> (ArtistRecord, [AlbumRecord])? in
            guard let artist = try ArtistRecord.fetchOne(db, table: "artists", id: id) else { return nil }
            let albums = try AlbumRecord.fetchAll(db, sql: """
                SELECT \(AlbumRecord.selection("t")) FROM albums t WHERE t.artist_id = ? ORDER BY t.release_date, t.id
                """, arguments: [id])
            return (artist, albums)
        }
        guard let found else { throw DomainError.notFound(.artist, id: id) }
        return found
    }

    public func page(_ query: MediaListQuery) throws -> MediaPage<ArtistRecord> {
        try pool.read { try Self.listing.page($0, query) }
    }

    public func ensureAbsent(mbid: String) throws {
        try pool.read { try Existing.check($0, .artist, column: "mbid", value: mbid) }
    }

    public func refreshSource(ofArtist id: Int64) throws -> RefreshSource {
        let row = try pool.read { try Row.fetchOne($0, sql: "SELECT mbid, monitored, quality_limit FROM artists WHERE id = ?", arguments: [id]) }
        guard let row else { throw DomainError.notFound(.artist, id: id) }
        return RefreshSource(mbid: row[0], monitored: row[1], qualityLimit: row[2] ?? MusicQuality.defaultLimit.rawValue)
    }

    /// Adds the artist, its release groups as albums, and `artist_added`; returns the new id.
    public func insert(from details: ArtistMetadata, albums: [AlbumMetadata], monitored: Bool, qualityLimit: String,
                       addedBy userID: Int64?) throws -> Int64 {
        try pool.write { db in
            try Existing.check(db, .artist, column: "mbid", value: details.mbid)
            try db.execute(sql: """
                INSERT INTO artists (mbid, name, sort_name, disambiguation, artist_type, country, begin_date, end_date,
                                     monitored, quality_limit, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: Self.columns(details) + [monitored, qualityLimit, userID])
            let id = db.lastInsertedRowID
            let added = try Self.upsertAlbums(db, artistID: id, albums: albums, monitored: monitored, qualityLimit: qualityLimit)
            try ActivityLog.record(db, .artistAdded, "Added artist \(details.name) (\(added) albums)",
                                   media: MediaReference(type: .artist, id: id), userID: userID)
            return id
        }
    }

    /// Updates the artist, adds its new release groups (with the artist's monitoring and limit),
    /// updates title/type/date of known ones; writes `artist_refreshed`.
    public func refresh(id: Int64, from details: ArtistMetadata, albums: [AlbumMetadata], by userID: Int64?) throws {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT monitored, quality_limit FROM artists WHERE id = ?", arguments: [id]) else {
                throw DomainError.notFound(.artist, id: id)
            }
            try db.execute(sql: """
                UPDATE artists SET mbid = ?, name = ?, sort_name = ?, disambiguation = ?, artist_type = ?, country = ?,
                       begin_date = ?, end_date = ?, updated_at = datetime('now')
                WHERE id = ?
                """, arguments: Self.columns(details) + [id])
            let added = try Self.upsertAlbums(db, artistID: id, albums: albums, monitored: row[0],
                                              qualityLimit: row[1] ?? MusicQuality.defaultLimit.rawValue)
            try ActivityLog.record(db, .artistRefreshed, "Refreshed artist \(details.name): \(added) new albums",
                                   media: MediaReference(type: .artist, id: id), userID: userID)
        }
    }

    public func update(id: Int64, monitored: Bool?, qualityLimit: String?) throws {
        try pool.write { try LibraryRows.update($0, .artist, id: id, monitored: monitored, qualityLimit: qualityLimit) }
    }

    /// Deletes the artist (albums, tracks cascade) with `artist_deleted`; returns the tracks' file paths.
    public func delete(id: Int64, removingFiles: Bool, by userID: Int64?) throws -> [String] {
        try pool.write { db in
            try LibraryRows.delete(db, .artist, id: id, nameColumn: "name", filesSQL: """
                SELECT file_path FROM tracks WHERE album_id IN (SELECT id FROM albums WHERE artist_id = ?) AND file_path IS NOT NULL
                """, removingFiles: removingFiles, by: userID)
        }
    }

    public func ids(forMBIDs mbids: [String]) throws -> [String: Int64] {
        try pool.read { try LibraryRows.ids($0, .artist, column: "mbid", keys: mbids) }
    }

    /// New release groups become albums; known ones of this artist get the current title, type
    /// and date. A release group another library artist already has (a collaboration) stays theirs.
    static func upsertAlbums(_ db: Database, artistID: Int64, albums: [AlbumMetadata], monitored: Bool, qualityLimit: String) throws -> Int {
        var added = 0
        for album in albums {
            let owner = try Int64.fetchOne(db, sql: "SELECT artist_id FROM albums WHERE mbid = ?", arguments: [album.mbid])
            if owner == nil {
                try db.execute(sql: """
                    INSERT INTO albums (mbid, artist_id, title, album_type, release_date, monitored, quality_limit)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [album.mbid, artistID, album.title, album.albumType, album.releaseDate, monitored, qualityLimit])
                added += 1
            } else if owner == artistID {
                try db.execute(sql: """
                    UPDATE albums SET title = ?, album_type = ?, release_date = ?, updated_at = datetime('now')
                    WHERE mbid = ? AND (title IS NOT ? OR album_type IS NOT ? OR release_date IS NOT ?)
                    """, arguments: [album.title, album.albumType, album.releaseDate,
                                     album.mbid, album.title, album.albumType, album.releaseDate])
            }
        }
        return added
    }

    static func columns(_ a: ArtistMetadata) -> StatementArguments {
        [a.mbid, a.name, a.sortName, a.disambiguation, a.artistType, a.country, a.beginDate, a.endDate]
    }
}

extension AppDatabase {
    public var artists: ArtistStore { ArtistStore(pool: pool) }
}
