@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// search_missing's wanted list (limit, least recently searched first, season packs, aired only,
/// monitored only) and its moves, over a real SQLite database.
@Suite struct SearchMissingSelectionTests {
    let database: AppDatabase
    var pool: DatabasePool { database.pool }
    static let today = "2026-06-15"

    init() throws { database = AppDatabase(pool: try makeTestDatabase().0) }

    @discardableResult
    func movie(_ tmdb: Int, status: String = "missing", monitored: Bool = true, searched: String? = nil) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, status, monitored, last_searched_at) VALUES (?, ?, 2000, ?, ?, ?)",
                           arguments: [tmdb, "Movie \(tmdb)", status, monitored, searched])
            return db.lastInsertedRowID
        }
    }

    func show(monitored: Bool = true) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title, monitored) VALUES (?, 'Show', ?)", arguments: [Int.random(in: 1...1_000_000), monitored])
            return db.lastInsertedRowID
        }
    }

    @discardableResult
    func episode(_ show: Int64, _ season: Int, _ number: Int, aired: String?, status: String = "missing", monitored: Bool = true,
                 searched: String? = nil) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO episodes (show_id, season_number, episode_number, air_date, status, monitored, last_searched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [show, season, number, aired, status, monitored, searched])
            return db.lastInsertedRowID
        }
    }

    func wanted(limit: Int = 100) throws -> [SearchUnit] {
        try database.mediaStatus.missingForSearch(limit: limit, today: Self.today)
    }

    @Test func onlyMonitoredMissingItemsLeastRecentlySearchedFirstUpToTheLimit() throws {
        let old = try movie(1, searched: "2026-06-01 10:00:00")
        let never = try movie(2)
        let recent = try movie(3, searched: "2026-06-14 10:00:00")
        try movie(4, monitored: false)
        try movie(5, status: "downloading")
        try movie(6, status: "available")
        #expect(try wanted().map(\.linked.id) == [never, old, recent])
        #expect(try wanted(limit: 2).map(\.linked.id) == [never, old])
        #expect(try wanted(limit: 0).isEmpty)
    }

    @Test func episodesMustHaveAiredAndBeMonitoredInAMonitoredShow() throws {
        let s = try show()
        // Season 1 of 4 aired: only one missing → episodes one by one.
        try episode(s, 1, 1, aired: "2026-01-01", status: "available")
        try episode(s, 1, 2, aired: "2026-01-08", status: "available")
        try episode(s, 1, 3, aired: "2026-01-15", status: "available")
        let missing = try episode(s, 1, 4, aired: "2026-01-22")
        try episode(s, 1, 5, aired: "2026-07-01")          // not aired yet
        try episode(s, 1, 6, aired: nil)                   // no date: not aired
        try episode(s, 1, 7, aired: "2026-01-29", status: "available", monitored: false)
        let unmonitoredShow = try show(monitored: false)
        try episode(unmonitoredShow, 1, 1, aired: "2026-01-01")
        try episode(s, 2, 1, aired: "2026-02-01", monitored: false)
        let units = try wanted()
        #expect(units.map(\.items) == [[MediaReference(type: .episode, id: missing)]])
        #expect(units.first?.kind == .episode(showID: s, season: 1, episode: 4))
    }

    @Test func moreThanHalfOfASeasonsAiredEpisodesMissingIsOneSeasonPack() throws {
        let s = try show()
        let e1 = try episode(s, 2, 1, aired: "2026-01-01")
        try episode(s, 2, 2, aired: "2026-01-08", status: "available")
        let e3 = try episode(s, 2, 3, aired: "2026-01-15", searched: "2026-06-10 00:00:00")
        try episode(s, 2, 4, aired: "2026-09-01")   // not aired: neither counted nor searched
        let units = try wanted()
        #expect(units.count == 1)
        #expect(units[0].kind == .season(showID: s, season: 2, firstEpisode: 1))
        #expect(units[0].items == [e1, e3].map { MediaReference(type: .episode, id: $0) })
        #expect(units[0].lastSearchedAt == nil)   // the oldest of its episodes: e1 never searched
    }

    @Test func exactlyHalfMissingIsSearchedEpisodeByEpisodeAndSpecialsAreNeverPacked() throws {
        let s = try show()
        try episode(s, 3, 1, aired: "2026-01-01")
        try episode(s, 3, 2, aired: "2026-01-08", status: "available")
        try episode(s, 0, 1, aired: "2026-01-01")
        try episode(s, 0, 2, aired: "2026-01-02")
        let kinds = try wanted().map(\.kind)
        #expect(kinds.count == 3)
        #expect(!kinds.contains { if case .season = $0 { true } else { false } })
    }

    @Test func albumsAreWantedOnceReleased() throws {
        let released = try pool.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO artists (mbid, name) VALUES ('a-1', 'Artist')")
            let artist = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO albums (mbid, artist_id, title, release_date) VALUES ('f-1', ?, 'Future', '2027-01-01')", arguments: [artist])
            try db.execute(sql: "INSERT INTO albums (mbid, artist_id, title, release_date) VALUES ('r-1', ?, 'Out', '2001-05-01')", arguments: [artist])
            return db.lastInsertedRowID
        }
        #expect(try wanted().map(\.items) == [[MediaReference(type: .album, id: released)]])
    }

    @Test func markSearchingStampsOnlyWhatIsStillMissingThenGrabOrNothingFound() throws {
        let a = MediaReference(type: .movie, id: try movie(1)), b = MediaReference(type: .movie, id: try movie(2, status: "downloading"))
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(try database.mediaStatus.markSearching([a, b], now: now) == [a])
        #expect(try database.mediaStatus.status(of: a) == .searching)
        #expect(try pool.read { try String.fetchOne($0, sql: "SELECT last_searched_at FROM movies WHERE id = ?", arguments: [a.id]) } == SQLiteTime.format(now))
        try database.mediaStatus.markNothingFound([a], reason: "no results from 1 indexer")
        #expect(try database.mediaStatus.status(of: a) == .missing)
        let reason = try pool.read { try String.fetchOne($0, sql: "SELECT message FROM activity WHERE event_type = 'search_failed' AND media_id = ?", arguments: [a.id]) }
        #expect(reason?.contains("no results from 1 indexer") == true)
        // Now least recently searched: the never-searched one goes first.
        let c = try movie(3)
        #expect(try wanted().map(\.linked.id) == [c, a.id])
        _ = try database.mediaStatus.markSearching([a])
        try database.mediaStatus.markSearchGrabbed([a], download: 9, title: "Movie.1.2000.1080p")
        #expect(try database.mediaStatus.status(of: a) == .downloading)
    }

    @Test func itemsLeftSearchingByAnInterruptedRunAreWantedAgain() throws {
        let stuck = try movie(1, status: "searching"), grabbed = try movie(2, status: "downloading")
        #expect(try wanted().isEmpty)
        #expect(try database.mediaStatus.releaseStaleSearches() == 1)
        #expect(try wanted().map(\.linked.id) == [stuck])
        #expect(try database.mediaStatus.status(of: MediaReference(type: .movie, id: grabbed)) == .downloading)
    }
}
