import Foundation
import GRDB
import Testing
@testable import FCGIApp
@testable import Persistence

/// Lists through the remembered orders (`ListOrders`): the same answers as SQL ordering
/// afresh, and a change by any writer shows at once.
@Suite struct ListOrderTests {
    func add(_ t: TestApp, _ tmdbID: Int64, _ title: String, overview: String? = nil) throws -> Int64 {
        try t.database.movies.insert(from: MovieMetadata(tmdbID: tmdbID, imdbID: nil, title: title, originalTitle: nil, year: 2000,
                                                         overview: overview, posterPath: nil, backdropPath: nil, runtimeMinutes: nil,
                                                         genres: []),
                                     monitored: true, qualityLimit: "1080p", addedBy: nil)
    }

    func ids(_ t: TestApp, _ query: [String: String]) -> [Int] {
        (t.send("GET", "/api/movies", query: query, token: t.userToken).object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }

    @Test func pagesFollowTheBM25RankingAndChangesShowAtOnce() throws {
        let t = try TestApp()
        let overviewHit = try add(t, 1, "Voyager", overview: "A star trek through the quadrant")
        let titleHit = try add(t, 2, "Star Trek")
        _ = try add(t, 3, "Unrelated")
        #expect(ids(t, ["search": "star tre"]) == [Int(titleHit), Int(overviewHit)])   // the title weighs more
        #expect(ids(t, ["search": "star tre", "limit": "1", "page": "2"]) == [Int(overviewHit)])
        let page = t.send("GET", "/api/movies", query: ["search": "star tre", "limit": "1", "page": "3"], token: t.userToken).object
        #expect((page["items"] as? [Any])?.isEmpty == true && page["total"] as? Int == 2)

        // A write through the pool's writer (as lcarsd's would be, from another connection).
        let newer = try add(t, 4, "Star Trek Beyond")
        #expect(Set(ids(t, ["search": "star tre"])) == Set([titleHit, overviewHit, newer].map(Int.init)))
        try t.database.movies.refresh(id: overviewHit, from: MovieMetadata(tmdbID: 1, imdbID: nil, title: "Voyager", originalTitle: nil,
                                                                           year: 2000, overview: "Elsewhere", posterPath: nil,
                                                                           backdropPath: nil, runtimeMinutes: nil, genres: []), by: nil)
        #expect(!ids(t, ["search": "star tre"]).contains(Int(overviewHit)))
        _ = try t.database.movies.delete(id: titleHit, removingFiles: false, by: nil)
        #expect(ids(t, ["search": "star tre"]) == [Int(newer)])
    }

    @Test func theRememberedOrderIsTheSQLOrder() throws {
        let t = try TestApp()
        for n in 1...30 { _ = try add(t, Int64(n), n % 3 == 0 ? "Golden Harbor \(n)" : "Other \(n)", overview: n % 2 == 0 ? "golden light" : nil) }
        let expected = try t.db.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM movies_fts WHERE movies_fts MATCH ? ORDER BY bm25(movies_fts, 10.0, 5.0, 1.0), rowid",
                               arguments: [FTSQuery.prefixTerms("golden")!]).map(Int.init)
        }
        #expect(expected.count == 20)
        let pages = (1...3).flatMap { ids(t, ["search": "golden", "limit": "7", "page": "\($0)"]) }
        #expect(pages == expected)
        #expect(ids(t, ["search": "golden", "limit": "500"]) == expected)
        // With a filter the ranking is SQL's own (no remembered list): the same order among the monitored.
        #expect(ids(t, ["search": "golden", "monitored": "true", "limit": "500"]) == expected)
    }

    @Test func titlePagesAreTheSQLOrderAcrossChanges() throws {
        let t = try TestApp()
        var added: [Int64] = []
        for n in 1...25 { added.append(try add(t, Int64(n), ["delta", "Alpha", "charlie", "Bravo", "echo"][n % 5] + " \(n % 7)")) }
        func expected() throws -> [Int] {
            try t.db.read { try Int64.fetchAll($0, sql: "SELECT id FROM movies ORDER BY title COLLATE NOCASE, id").map(Int.init) }
        }
        func paged() -> [Int] { (1...4).flatMap { ids(t, ["limit": "8", "page": "\($0)"]) } }
        #expect(paged() == (try expected()))
        _ = try t.database.movies.delete(id: added[3], removingFiles: false, by: nil)
        _ = try add(t, 99, "aardvark")
        #expect(paged() == (try expected()))
        #expect(paged().first == Int(added.count + 1))      // the new "aardvark" leads at once
        let page = t.send("GET", "/api/movies", query: ["limit": "8", "page": "4"], token: t.userToken).object
        #expect(page["total"] as? Int == 25 && page["pages"] as? Int == 4)
        try t.database.movies.update(id: added[0], monitored: false, qualityLimit: nil)
        #expect(t.send("GET", "/api/movies", query: ["monitored": "false"], token: t.userToken).object["total"] as? Int
                == (try t.db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM movies WHERE monitored = 0") }))
    }

    @Test func ordersAreKeptPerConnectionAndVersionWithinBounds() throws {
        let t = try TestApp()
        for n in 1...10 { _ = try add(t, Int64(n), "Movie \(n)") }
        let orders = ListOrders(maxEntries: 3, maxIDs: 100, maxListIDs: 8)
        let sql = "SELECT t.id FROM movies t WHERE t.id <= ? ORDER BY t.id DESC"
        let five = try t.db.read { try orders.ids($0, sql: sql, arguments: [5], key: "five") }
        #expect(five == [5, 4, 3, 2, 1])
        // Remembered: a different answer under the same key proves the list came from memory...
        #expect(try t.db.read { try orders.ids($0, sql: sql, arguments: [2], key: "five") } == [5, 4, 3, 2, 1])
        // ...until any commit changes the data version.
        _ = try add(t, 11, "Movie 11")
        #expect(try t.db.read { try orders.ids($0, sql: sql, arguments: [2], key: "five") } == [2, 1])
        // Longer than maxListIDs: nil (the caller pages with SQL).
        #expect(try t.db.read { try orders.ids($0, sql: sql, arguments: [9], key: "nine") } == nil)
        // Another connection never sees this one's lists.
        let other = try DatabaseQueue(path: t.config.database.path)
        #expect(try other.read { try orders.ids($0, sql: sql, arguments: [3], key: "five") } == [3, 2, 1])
        for n in 0..<6 { _ = try t.db.read { try orders.ids($0, sql: sql, arguments: [1], key: "k\(n)") } }
        #expect(orders.count <= 3)
    }
}

