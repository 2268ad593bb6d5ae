@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// `markGrabbed`: the allowed moves to `downloading` write the status and one `release_grabbed`
/// row together; an illegal move (or an unknown item) throws and writes nothing.
@Suite struct MediaStatusStoreTests {
    struct Library {
        let database: AppDatabase
        var pool: DatabasePool { database.pool }
        let movie: Int64, episode: Int64, album: Int64, track: Int64

        init() throws {
            database = AppDatabase(pool: try makeTestDatabase().0)
            (movie, episode, album, track) = try database.pool.write { db in
                try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year) VALUES (603, 'The Matrix', 1999)")
                let movie = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title) VALUES (1399, 'Show')")
                try db.execute(sql: "INSERT INTO episodes (show_id, season_number, episode_number) VALUES (?, 1, 2)", arguments: [db.lastInsertedRowID])
                let episode = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO artists (mbid, name) VALUES ('a-1', 'Artist')")
                try db.execute(sql: "INSERT INTO albums (mbid, artist_id, title) VALUES ('al-1', ?, 'Album')", arguments: [db.lastInsertedRowID])
                let album = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO tracks (album_id, title, track_number) VALUES (?, 'Track', 1)", arguments: [album])
                return (movie, episode, album, db.lastInsertedRowID)
            }
        }

        func set(_ media: MediaReference, _ status: MediaStatus) throws {
            try pool.write { try $0.execute(sql: "UPDATE \(media.table) SET status = ? WHERE id = ?", arguments: [status.rawValue, media.id]) }
        }

        func grabRows() throws -> [Row] {
            try pool.read { try Row.fetchAll($0, sql: "SELECT event_type, media_type, media_id, download_id, user_id, message FROM activity WHERE event_type = 'release_grabbed'") }
        }
    }

    @Test(arguments: [MediaStatus.missing, .searching, .partial, .available, .downloading])
    func aGrabMovesTheItemToDownloadingWithItsActivityRow(_ from: MediaStatus) throws {
        let lib = try Library()
        let album = MediaReference(type: .album, id: lib.album)   // albums take every status, partial too
        try lib.set(album, from)
        try lib.database.mediaStatus.checkGrabbable(album)
        let now = try lib.database.mediaStatus.markGrabbed(album, download: 42, title: "Artist - Album [FLAC]", userID: nil)
        #expect(now == .downloading)
        #expect(try lib.database.mediaStatus.status(of: album) == .downloading)
        let rows = try lib.grabRows()
        #expect(rows.count == 1)
        #expect(rows.first?[1] == "album" && rows.first?[2] == lib.album && rows.first?[3] == 42 as Int64)
        #expect((rows.first?[5] as String?)?.contains("Artist - Album [FLAC]") == true)
    }

    @Test func everyDownloadableKindCanBeGrabbed() throws {
        let lib = try Library()
        for media in [MediaReference(type: .movie, id: lib.movie), MediaReference(type: .episode, id: lib.episode),
                      MediaReference(type: .track, id: lib.track)] {
            try lib.database.mediaStatus.markGrabbed(media, download: nil, title: "x", userID: nil)
            #expect(try lib.database.mediaStatus.status(of: media) == .downloading)
        }
        #expect(try lib.grabRows().map { $0[1] as String } == ["movie", "episode", "track"])
    }

    @Test func anIllegalMoveIsAConflictNamingBothStatesAndWritesNothing() throws {
        let lib = try Library()
        let movie = MediaReference(type: .movie, id: lib.movie)
        try lib.set(movie, .processing)
        let check = try #require(throws: DomainError.self) { try lib.database.mediaStatus.checkGrabbable(movie) }
        #expect(check.kind == .conflict && check.code == "invalid_transition")
        let error = try #require(throws: DomainError.self) {
            try lib.database.mediaStatus.markGrabbed(movie, download: 1, title: "x", userID: nil)
        }
        #expect(error.kind == .conflict && error.message.contains("processing") && error.message.contains("downloading"))
        #expect(try lib.database.mediaStatus.status(of: movie) == .processing)
        #expect(try lib.grabRows().isEmpty)
    }

    @Test func anUnknownItemIsTheOne404AndWritesNothing() throws {
        let lib = try Library()
        let ghost = MediaReference(type: .movie, id: 999)
        #expect(throws: DomainError.notFound(.movie, id: 999)) { try lib.database.mediaStatus.checkGrabbable(ghost) }
        #expect(throws: DomainError.notFound(.movie, id: 999)) {
            try lib.database.mediaStatus.markGrabbed(ghost, download: 1, title: "x", userID: nil)
        }
        #expect(try lib.grabRows().isEmpty)
    }
}
