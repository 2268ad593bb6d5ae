import Foundation
import GRDB
import Core

/// The reads behind `MediaStatusStore.importSubject`, inside one read transaction.
enum ImportSubjectRows {
    static func movie(_ db: Database, _ id: Int64) throws -> ImportSubject.Movie {
        guard let row = try Row.fetchOne(db, sql: "SELECT title, year, runtime_minutes FROM movies WHERE id = ?", arguments: [id]) else {
            throw DomainError.notFound(.movie, id: id)
        }
        return ImportSubject.Movie(id: id, title: row[0], year: row[1], runtimeMinutes: row[2])
    }

    /// The linked episode's show and every episode of it: a season pack fills the others too.
    static func episodes(_ db: Database, linkedEpisode id: Int64) throws -> ImportSubject {
        guard let showID = try Int64.fetchOne(db, sql: "SELECT show_id FROM episodes WHERE id = ?", arguments: [id]),
              let show = try Row.fetchOne(db, sql: "SELECT title, year_start FROM tv_shows WHERE id = ?", arguments: [showID]) else {
            throw DomainError.notFound(.episode, id: id)
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, season_number, episode_number, title, runtime_minutes, status FROM episodes
            WHERE show_id = ? ORDER BY season_number, episode_number
            """, arguments: [showID])
        let episodes = rows.map { row in
            ImportSubject.Episode(id: row[0], season: row[1], number: row[2], title: row[3], runtimeMinutes: row[4],
                                  status: MediaStatus(rawValue: row[5]) ?? .missing)
        }
        return .episodes(ImportSubject.Show(id: showID, title: show[0], year: show[1]), episodes)
    }

    static func album(_ db: Database, albumID: Int64, onlyTrack: Int64?) throws -> ImportSubject {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT albums.title, artists.name, CAST(substr(albums.release_date, 1, 4) AS INTEGER)
            FROM albums JOIN artists ON artists.id = albums.artist_id WHERE albums.id = ?
            """, arguments: [albumID]) else { throw DomainError.notFound(.album, id: albumID) }
        let year: Int? = row[2]
        let album = ImportSubject.Album(id: albumID, title: row[0], artist: row[1], year: year == 0 ? nil : year)
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, COALESCE(disc_number, 1), track_number, title, duration_ms, status FROM tracks
            WHERE album_id = ? AND (? IS NULL OR id = ?) ORDER BY disc_number, track_number
            """, arguments: [albumID, onlyTrack, onlyTrack])
        let tracks = rows.map { row in
            ImportSubject.Track(id: row[0], disc: row[1], number: row[2], title: row[3], durationMs: row[4],
                                status: MediaStatus(rawValue: row[5]) ?? .missing)
        }
        return .album(album, tracks)
    }

    static func albumOf(track id: Int64, _ db: Database) throws -> Int64 {
        guard let album = try Int64.fetchOne(db, sql: "SELECT album_id FROM tracks WHERE id = ?", arguments: [id]) else {
            throw DomainError.notFound(.track, id: id)
        }
        return album
    }
}
