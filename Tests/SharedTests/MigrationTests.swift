import Foundation
import GRDB
import Testing
@testable import Core
@testable import Persistence

@Suite struct MigrationTests {
    @Test func freshDatabaseGetsTheSpecSchema() throws {
        let (db, _) = try makeTestDatabase(migrated: false)
        let latest = Migrations.latestVersion
        #expect(try db.read(Migrations.state) == .behind(applied: 0, latest: latest))
        #expect(try Migrations.run(db) == Migrations.all.map(\.id))
        #expect(Array(Migrations.all.map(\.id).prefix(3)) == ["V001_initial", "V002_login_limits", "V003_downloads"])
        #expect(try db.read(Migrations.state) == .current(version: latest))
        #expect(try Migrations.run(db).isEmpty)   // idempotent

        let tables = try db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        for table in ["users", "movies", "movies_fts", "tv_shows", "episodes", "artists", "albums", "tracks",
                      "indexers", "downloads", "activity", "sessions", "login_failures", "event_tickets", "blocklist", "release_cache"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let indexers = try db.read { try String.fetchAll($0, sql: "SELECT name FROM indexers ORDER BY priority") }
        #expect(indexers == ["YTS", "1337x", "EZTV", "Rutracker"])
    }

    @Test func walForeignKeysAndFullTextSearchAreOn() throws {
        let (db, _) = try makeTestDatabase()
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try db.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
        try db.write { db in
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, overview) VALUES (603, 'The Matrix', 1999, 'A hacker learns')")
            try db.execute(sql: "UPDATE movies SET title = 'The Matrix Reloaded' WHERE tmdb_id = 603")
        }
        let hits = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM movies_fts WHERE movies_fts MATCH 'reloaded'") }
        #expect(hits == 1)
        // Orphan episodes are refused: foreign keys are enforced.
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "INSERT INTO episodes (show_id, season_number, episode_number) VALUES (42, 1, 1)") }
        }
    }

    /// V003 rebuilds `downloads`: rows written under V001's schema survive, manual adds may have
    /// no media item, and half a media reference is refused.
    @Test func downloadsRebuildKeepsRowsAndAllowsManualAdds() throws {
        let (db, _) = try makeTestDatabase(migrated: false)
        try Migrations.migrator.migrate(db, upTo: "V002_login_limits")
        try db.write { try $0.execute(sql: """
            INSERT INTO downloads (info_hash, name, media_type, media_id, magnet, status, progress)
            VALUES ('aa', 'Old', 'movie', 3, 'magnet:?xt=urn:btih:aa', 'seeding', 1.0)
            """) }
        try Migrations.run(db)
        let old = try db.read { try DownloadRecord.fetchOne($0, key: 1) }
        #expect(old?.name == "Old" && old?.mediaType == .movie && old?.mediaId == 3 && old?.status == .seeding && old?.resumeData == nil)
        let manual = try db.write { db in
            try DownloadRecord(infoHash: "bb", name: "Manual", magnet: "magnet:?xt=urn:btih:bb", media: nil,
                               savePath: "/d", sizeBytes: nil, torrentFile: Data([1, 2])).inserted(db)
        }
        #expect(manual.id == 2 && manual.mediaType == nil && manual.status == .queued)
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "INSERT INTO downloads (info_hash, name, media_type, magnet, status) VALUES ('cc', 'x', 'movie', 'm', 'queued')") }
        }
        #expect(throws: DatabaseError.self) {   // info_hash stays unique
            try db.write { try $0.execute(sql: "INSERT INTO downloads (info_hash, name, magnet, status) VALUES ('aa', 'x', 'm', 'queued')") }
        }
    }

    @Test func databaseFromANewerReleaseIsRecognised() throws {
        let (db, _) = try makeTestDatabase()
        try db.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('V999_future')") }
        #expect(try db.read(Migrations.state) == .ahead(unknown: ["V999_future"]))
    }
}

@Suite struct SQLiteTimeTests {
    @Test func formatsLikeSQLiteDatetimeNow() throws {
        #expect(SQLiteTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00")
        #expect(SQLiteTime.format(Date(timeIntervalSince1970: 1_795_308_546.9)) == "2026-11-22 00:49:06")
        #expect(SQLiteTime.iso8601("2026-11-22 00:49:06") == "2026-11-22T00:49:06Z")
        // The same instant SQLite itself formats.
        let (db, _) = try makeTestDatabase()
        let sqlite = try db.read { try String.fetchOne($0, sql: "SELECT datetime(1795308546, 'unixepoch')") }
        #expect(sqlite == SQLiteTime.format(Date(timeIntervalSince1970: 1_795_308_546)))
    }

    /// The byte-wise path answers what the rule says (the one Foundation expression below) for
    /// the usual text and every near miss.
    @Test func iso8601FromTextFollowsTheRule() {
        let rule = { (text: String) -> String in
            guard text.count == 19, text.dropFirst(10).first == " " else { return text }
            return text.replacingOccurrences(of: " ", with: "T") + "Z"
        }
        for text in ["2026-01-02 03:04:05", "2026-01-02T03:04:05", "2026-01-02 03:04:0", "2026-01-02 03:04:055", "", "odd",
                     "2026 01-02 03:04:05", "2026-01-02 03:04 05", "2026-01-0é 03:04:05", "1999-12-31 23:59:59"] {
            #expect(SQLiteTime.iso8601(text) == rule(text), "\(text.debugDescription)")
        }
        #expect(SQLiteTime.iso8601("2026-01-02 03:04:05") == "2026-01-02T03:04:05Z")
    }

    /// Without ICU, the same text ISO8601DateFormatter writes (UTC, whole seconds), across epochs,
    /// leap days and fractions of a second.
    @Test func iso8601FromADateMatchesFoundation() {
        let foundation = ISO8601DateFormatter()
        for seconds in [0, 951_782_400, 1_709_164_799.999, 1_795_308_546.9, 4_102_444_800] as [Double] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(SQLiteTime.iso8601(date) == foundation.string(from: date), "\(seconds)")
        }
    }
}
