@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// Post-processing's store writes against a real SQLite file: processing, files and statuses,
/// the album's available/partial, the activity rows, and the imports left after a crash.
@Suite struct ImportStoreTests {
    let database: AppDatabase
    var pool: DatabasePool { database.pool }
    let movie: Int64, album: Int64, tracks: [Int64], episodes: [Int64]

    init() throws {
        database = AppDatabase(pool: try makeTestDatabase().0)
        (movie, album, tracks, episodes) = try database.pool.write { db in
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, runtime_minutes, status) VALUES (1, 'Film', 2001, 90, 'downloading')")
            let movie = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO artists (mbid, name) VALUES ('a', 'Band')")
            try db.execute(sql: "INSERT INTO albums (mbid, artist_id, title, release_date, status) VALUES ('b', ?, 'Record', '1999-01-02', 'downloading')",
                           arguments: [db.lastInsertedRowID])
            let album = db.lastInsertedRowID
            var tracks: [Int64] = []
            for n in 1...3 {
                try db.execute(sql: "INSERT INTO tracks (album_id, title, track_number, duration_ms) VALUES (?, ?, ?, 1000)", arguments: [album, "T\(n)", n])
                tracks.append(db.lastInsertedRowID)
            }
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title, year_start) VALUES (5, 'Show', 2020)")
            let show = db.lastInsertedRowID
            var episodes: [Int64] = []
            for n in 1...2 {
                try db.execute(sql: "INSERT INTO episodes (show_id, season_number, episode_number, title, status) VALUES (?, 1, ?, ?, ?)",
                               arguments: [show, n, "E\(n)", n == 1 ? "downloading" : "missing"])
                episodes.append(db.lastInsertedRowID)
            }
            return (movie, album, tracks, episodes)
        }
    }

    func status(_ table: String, _ id: Int64) throws -> String? {
        try pool.read { try String.fetchOne($0, sql: "SELECT status FROM \(table) WHERE id = ?", arguments: [id]) }
    }

    func placed(_ type: MediaKind, _ id: Int64, _ path: String) -> PlacedMedia {
        PlacedMedia(media: MediaReference(type: type, id: id), path: path, size: 42, summary: "5 s", audioFormat: type == .track ? "flac" : nil)
    }

    @Test func movieGoesProcessingThenAvailableWithItsFileAndActivity() throws {
        let link = MediaReference(type: .movie, id: movie)
        #expect(try database.mediaStatus.importSubject(for: link) == .movie(.init(id: movie, title: "Film", year: 2001, runtimeMinutes: 90)))
        #expect(try database.mediaStatus.markProcessing(link)?.status == .processing)
        #expect(try database.mediaStatus.markProcessing(link) == nil)     // already there: no second event
        let changes = try database.mediaStatus.recordImport([placed(.movie, movie, "/lib/movie/Film (2001)/Film.mkv")], link: link, downloadID: 7, note: nil)
        #expect(changes == [MediaStatusChange(media: link, status: .available, filePath: "/lib/movie/Film (2001)/Film.mkv")])
        let row = try pool.read { try Row.fetchOne($0, sql: "SELECT status, file_path, file_size FROM movies WHERE id = ?", arguments: [movie]) }
        #expect(row?[0] == "available" && row?[1] == "/lib/movie/Film (2001)/Film.mkv" && row?[2] == 42)
        let activity = try pool.read { try Row.fetchAll($0, sql: "SELECT message, download_id FROM activity WHERE event_type = 'media_imported'") }
        #expect(activity.count == 1 && (activity[0][0] as String).contains("/lib/movie/Film (2001)/Film.mkv") && activity[0][1] == 7)
    }

    @Test func albumIsPartialWhenATrackHasNoFileAndAvailableWhenAllDo() throws {
        let link = MediaReference(type: .album, id: album)
        _ = try database.mediaStatus.markProcessing(link)
        let first = try database.mediaStatus.recordImport([placed(.track, tracks[0], "/lib/a/1.flac"), placed(.track, tracks[1], "/lib/a/2.flac")],
                                                          link: link, downloadID: 1, note: "no file for 1-3 T3")
        #expect(first.last == MediaStatusChange(media: link, status: .partial, filePath: nil))
        #expect(try status("tracks", tracks[0]) == "available" && status("tracks", tracks[2]) == "missing")
        #expect(try pool.read { try String.fetchOne($0, sql: "SELECT audio_format FROM tracks WHERE id = ?", arguments: [tracks[0]]) } == "flac")
        let second = try database.mediaStatus.recordImport([placed(.track, tracks[2], "/lib/a/3.flac")],
                                                           link: MediaReference(type: .track, id: tracks[2]), downloadID: 2, note: nil)
        #expect(second.last?.status == .available)
        #expect(try status("albums", album) == "available")
    }

    @Test func seasonPackEpisodesWalkThroughTheAllowedMoves() throws {
        let link = MediaReference(type: .episode, id: episodes[0])
        guard case .episodes(let show, let list) = try database.mediaStatus.importSubject(for: link) else { Issue.record("not episodes"); return }
        #expect(show.title == "Show" && show.year == 2020 && list.map(\.number) == [1, 2])
        _ = try database.mediaStatus.markProcessing(link)
        _ = try database.mediaStatus.recordImport([placed(.episode, episodes[0], "/e1"), placed(.episode, episodes[1], "/e2")],
                                                  link: link, downloadID: 3, note: nil)
        #expect(try status("episodes", episodes[1]) == "available")   // missing → downloading → processing → available
    }

    @Test func statusPathsFollowTheTransitions() {
        #expect(MediaStatusStore.path(from: .missing, to: .available) == [.downloading, .processing, .available])
        #expect(MediaStatusStore.path(from: .downloading, to: .processing) == [.processing])
        #expect(MediaStatusStore.path(from: .available, to: .partial) == [.downloading, .processing, .partial])
    }

    @Test func importsLeftByACrashAreFound() throws {
        try pool.write { db in
            for (hash, media, completed, status) in [("a", movie, true, "seeding"), ("b", tracks[0], true, "seeding"), ("c", album, false, "downloading")] {
                try db.execute(sql: """
                    INSERT INTO downloads (info_hash, name, media_type, media_id, magnet, status, added_at, completed_at)
                    VALUES (?, 'n', ?, ?, 'magnet:?', ?, datetime('now'), ?)
                    """, arguments: [String(repeating: hash, count: 40), hash == "a" ? "movie" : hash == "b" ? "track" : "album", media,
                                     status, completed ? "2026-01-01 00:00:00" : nil])
            }
            try db.execute(sql: "UPDATE movies SET status = 'processing' WHERE id = ?", arguments: [movie])
        }
        // The movie's download is complete and the movie processing; the track is missing (not
        // waiting for anything); the album's download is not complete.
        #expect(try database.downloads.awaitingImport().map(\.infoHash) == [String(repeating: "a", count: 40)])
        try pool.write { try $0.execute(sql: "UPDATE movies SET status = 'available' WHERE id = ?", arguments: [movie]) }
        #expect(try database.downloads.awaitingImport().isEmpty)
    }
}
