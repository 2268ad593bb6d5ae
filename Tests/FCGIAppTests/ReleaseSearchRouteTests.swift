import Foundation
import GRDB
import Testing
@testable import Core
@testable import FCGIApp
@testable import Persistence

/// The indexers a release test searches: the built-in public sites (enabled by default) off, and
/// one RSS feed stood in at the transport (Tests/Fixtures/indexers/rss/feed.xml: a magnet release
/// and a .torrent release of "Series Title").
extension TestApp {
    static let releaseTOML = "[http]\nretries = 0\n[indexers]\nmin_interval_ms = 0\nmin_seeders = 0\n"
    static let feedHash = String(repeating: "1", count: 40)

    @discardableResult
    func standInFeed() throws -> Int64 {
        for row in try database.indexers.list() { _ = try database.indexers.update(id: row.id!, IndexerChanges(enabled: false)) }
        let feed = try database.indexers.create(IndexerChanges(name: "Feed", indexerType: "rss", url: "http://feed.test/rss"))
        try services.answer("/rss", fixture: "indexers/rss/feed.xml", headers: ["content-type": "application/rss+xml"])
        return feed.id!
    }

    func addMovie(_ title: String = "Series Title", status: MediaStatus = .missing) throws -> Int64 {
        try db.write { db in
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, status) VALUES (?, ?, 2020, ?)",
                           arguments: [Int.random(in: 1...1_000_000), title, status.rawValue])
            return db.lastInsertedRowID
        }
    }

    /// A show with one episode (S01E02); returns (show id, episode id).
    func addEpisode() throws -> (Int64, Int64) {
        try db.write { db in
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title) VALUES (1399, 'Series Title')")
            let show = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO episodes (show_id, season_number, episode_number) VALUES (?, 1, 2)", arguments: [show])
            return (show, db.lastInsertedRowID)
        }
    }

    func status(_ media: MediaReference) throws -> String? {
        try db.read { try String.fetchOne($0, sql: "SELECT status FROM \(media.table) WHERE id = ?", arguments: [media.id]) }
    }
}

/// GET /api/search/releases and POST …/search in-process, the indexers stood in at the transport.
@Suite struct ReleaseSearchRouteTests {
    @Test func aFreeSearchRanksWhatTheEnabledIndexersAnswer() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        try t.standInFeed()
        let r = t.send("GET", "/api/search/releases", query: ["q": "Series Title", "type": "tv", "season": "2", "episode": "5"], token: t.userToken)
        #expect(r.status == 200)
        #expect(r.header("X-Indexers-Asked") == "1" && r.header("X-Indexers-Failed") == "0")
        #expect(r.array.count == 2 && r.array.allSatisfy { ($0["id"] as? String)?.count == 32 })
        #expect(r.array.first?["info_hash"] as? String == TestApp.feedHash)
        #expect(t.services.requests.map(\.url.host) == ["feed.test"])   // the built-in sites were not asked
        let feed = try #require(t.send("GET", "/api/indexers", token: t.adminToken).array.first { $0["name"] as? String == "Feed" })
        #expect(feed["last_check"] is String && feed["last_error"] == nil)
    }

    @Test func aFailingIndexerIsCountedAndSaysWhyInLastError() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        let id = try t.standInFeed()
        t.services.answer("/rss", status: 503, json: "{}")
        let r = t.send("GET", "/api/search/releases", query: ["q": "anything"], token: t.userToken)
        #expect(r.status == 200 && r.array.isEmpty && r.header("X-Indexers-Failed") == "1")
        let row = t.send("GET", "/api/indexers/\(id)", token: t.adminToken)
        #expect(row.object["last_error"] as? String == "Feed: HTTP 503 (the site is failing)")
    }

    @Test(arguments: [
        ["type": "movie"],                                     // no words and no id
        ["q": "x", "type": "books"],
        ["q": "x", "quality_limit": "4k"],
        ["q": "x", "type": "music", "quality_limit": "1080p"],
        ["q": "x", "type": "movie", "quality_limit": "V0"],   // V0 is a music quality
        ["q": "x", "episode": "2"],
        ["q": "x", "imdb_id": "12345"],
        ["q": "x", "mbid": "not-a-uuid"],
        ["q": "x", "page": "2"],
    ])
    func badFreeSearchesAre400(_ query: [String: String]) throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        try t.standInFeed()
        let r = t.send("GET", "/api/search/releases", query: query, token: t.userToken)
        #expect(r.status == 400 && r.errorMessage?.isEmpty == false)
        #expect(t.services.requests.isEmpty)
    }

    @Test func qualityLimitsComeFromTheLadders() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        try t.standInFeed()
        for (type, limit) in [("music", "V0"), ("music", "v0"), ("music", "flac"), ("movie", "2160p"), ("tv", "480p")] {
            let r = t.send("GET", "/api/search/releases", query: ["q": "Series Title", "type": type, "quality_limit": limit], token: t.userToken)
            #expect(r.status == 200, "\(type) \(limit)")
        }
        let bad = t.send("GET", "/api/search/releases", query: ["q": "x", "type": "music", "quality_limit": "640"], token: t.userToken)
        #expect(bad.errorMessage?.contains("flac, alac, 320, V0, 256, 192 or 128") == true)
    }

    @Test func anItemSearchIsLinkedToTheItem() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        try t.standInFeed()
        let movie = try t.addMovie()
        let r = t.send("POST", "/api/movies/\(movie)/search", token: t.userToken)
        #expect(r.status == 200 && r.array.count == 2)
        let id = try #require(r.array.first?["id"] as? String)
        guard case let .found(_, media) = try t.database.releaseCache.lookup(id: id) else { Issue.record("not cached"); return }
        #expect(media == MediaReference(type: .movie, id: movie))
        let (show, _) = try t.addEpisode()
        #expect(t.send("POST", "/api/tv/\(show)/season/1/episode/2/search", token: t.userToken).status == 200)
    }

    @Test func searchingForWhatIsNotThereIs404() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        try t.standInFeed()
        let (show, _) = try t.addEpisode()
        let missing = t.send("POST", "/api/movies/999/search", token: t.userToken)
        #expect(missing.status == 404 && missing.errorMessage == "no movie with id 999")
        #expect(t.send("POST", "/api/tv/\(show)/season/9/episode/1/search", token: t.userToken).status == 404)
        #expect(t.send("POST", "/api/tv/\(show)/season/1/episode/x/search", token: t.userToken).status == 404)
        #expect(t.send("POST", "/api/tv/999/season/1/episode/2/search", token: t.userToken).errorMessage == "no TV show with id 999")
        #expect(t.send("POST", "/api/albums/999/search", token: t.userToken).errorMessage == "no album with id 999")
        #expect(t.send("POST", "/api/tracks/999/search", token: t.userToken).errorMessage == "no track with id 999")
        #expect(t.services.requests.isEmpty)
    }

    @Test func searchingNeedsALogin() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        #expect(t.send("GET", "/api/search/releases", query: ["q": "x"]).status == 401)
    }
}
