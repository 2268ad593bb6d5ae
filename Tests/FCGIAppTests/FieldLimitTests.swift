import Foundation
import GRDB
import Testing
@testable import Control
@testable import Core
@testable import FCGIApp

/// Every string a client sends is bounded before anything is decoded or written (issue 11,
/// defect 3): 400 `field_too_long` naming the field and the limit, and no row changes.
@Suite struct FieldLimitTests {
    func rows(_ t: TestApp, _ table: String) throws -> Int {
        try t.db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") } ?? 0
    }

    func expectTooLong(_ answer: TestResponse, _ field: String, _ limit: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(answer.status == 400, sourceLocation: sourceLocation)
        #expect(answer.errorCode == "field_too_long", sourceLocation: sourceLocation)
        #expect(answer.errorMessage == "\(field) is longer than \(limit) characters", sourceLocation: sourceLocation)
        let details = answer.object["error"].flatMap { ($0 as? [String: Any])?["details"] as? [String: Any] }
        #expect(details?["field"] as? String == field && details?["max_length"] as? Int == limit, sourceLocation: sourceLocation)
    }

    func text(_ count: Int) -> String { String(repeating: "x", count: count) }

    @Test func anOverLongLoginNameIsRefusedUnhashedAndUncounted() throws {
        let t = try TestApp()
        _ = try t.login("kirk")
        expectTooLong(t.send("POST", "/api/auth/login", json: ["username": text(65), "password": "whatever-1"]), "username", 64)
        expectTooLong(t.send("POST", "/api/auth/login", json: ["username": "kirk", "password": text(1025)]), "password", 1024)
        #expect(try rows(t, "login_failures") == 0)
        // At the bound the name is merely unknown.
        #expect(t.send("POST", "/api/auth/login", json: ["username": text(64), "password": "whatever-1"]).status == 401)
    }

    @Test func usersIndexersAndTheBlocklistWriteNothingOverTheBounds() throws {
        let t = try TestApp()
        _ = t.adminToken   // its user exists before counting
        let (users, indexers, blocklist) = (try rows(t, "users"), try rows(t, "indexers"), try rows(t, "blocklist"))
        expectTooLong(t.send("POST", "/api/users", json: ["username": text(65), "password": "long-enough"], token: t.adminToken), "username", 64)
        expectTooLong(t.send("POST", "/api/users", json: ["username": "okname", "password": text(2000)], token: t.adminToken), "password", 1024)
        let indexer: [String: Any] = ["name": "Jackett", "indexer_type": "torznab", "url": "http://jackett.test/api"]
        for (field, limit) in [("name", 512), ("url", 2048), ("api_key", 256), ("username", 64), ("password", 1024)] {
            let body = indexer.merging([field: "http://" + text(limit)]) { $1 }
            expectTooLong(t.send("POST", "/api/indexers", json: body, token: t.adminToken), field, limit)
        }
        expectTooLong(t.send("POST", "/api/indexers", json: indexer.merging(["categories": ["movies", text(4097)]]) { $1 },
                             token: t.adminToken), "categories[1]", 4096)
        expectTooLong(t.send("POST", "/api/blocklist", json: ["title": "Bad.Release", "reason": text(4097)], token: t.adminToken), "reason", 4096)
        expectTooLong(t.send("POST", "/api/blocklist", json: ["title": text(513)], token: t.adminToken), "title", 512)
        #expect(try rows(t, "users") == users && rows(t, "indexers") == indexers && rows(t, "blocklist") == blocklist)
        // Just within the bound the same body is written (the blocklist's own rule: reason ≤ 500).
        #expect(t.send("POST", "/api/blocklist", json: ["title": text(512), "reason": text(500)], token: t.adminToken).status == 201)
    }

    /// Bounds count code points, as JSON Schema's maxLength does (docs/openapi.yaml): counted as
    /// grapheme clusters, one letter with any number of combining marks was one "character", and
    /// 100 000 code points passed a bound of 64.
    @Test func combiningMarksCountAsTheyAreSent() throws {
        let t = try TestApp()
        let zalgo = "a" + String(repeating: "\u{0301}", count: 100)
        #expect(zalgo.count == 1 && zalgo.unicodeScalars.count == 101)
        expectTooLong(t.send("POST", "/api/auth/login", json: ["username": zalgo, "password": "whatever-1"]), "username", 64)
        let atTheBound = "a" + String(repeating: "\u{0301}", count: 63)
        #expect(t.send("POST", "/api/auth/login", json: ["username": atTheBound, "password": "whatever-1"]).status == 401)
    }

    @Test func updatesAreBoundedToo() throws {
        let t = try TestApp()
        let created = t.send("POST", "/api/indexers", json: ["name": "J", "indexer_type": "torznab", "url": "http://j.test/api"], token: t.adminToken)
        let id = try #require(created.object["id"] as? Int)
        expectTooLong(t.send("PUT", "/api/indexers/\(id)", json: ["api_key": text(257)], token: t.adminToken), "api_key", 256)
        #expect(t.send("GET", "/api/indexers/\(id)", token: t.adminToken).object["api_key"] == nil)
        let me = try #require(t.send("GET", "/api/auth/me", token: t.adminToken).object["id"] as? Int)
        expectTooLong(t.send("PUT", "/api/users/\(me)", json: ["username": text(100)], token: t.adminToken), "username", 64)
    }

    /// The .torrent's base64 is bounded by the body size alone; a magnet gets a roomy bound.
    @Test func aTorrentIsBoundedByTheBodyAndAMagnetByItsOwnLimit() throws {
        let t = try TestApp()
        t.daemon.answer(DownloadCommand.add, with: JSONValue.object(["id": .number(9)]))
        let torrent = t.send("POST", "/api/downloads", json: ["torrent": Data(count: 300_000).base64EncodedString()], token: t.userToken)
        #expect(torrent.status == 201)
        let magnet = "magnet:?xt=urn:btih:\(String(repeating: "4", count: 40))&tr=" + text(16_400)
        expectTooLong(t.send("POST", "/api/downloads", json: ["magnet": magnet], token: t.userToken), "magnet", 16_384)
        #expect(t.daemon.calls.count == 1)
    }

    @Test func queryParametersAreBounded() throws {
        let t = try TestApp()
        expectTooLong(t.send("GET", "/api/parse", query: ["title": text(4097)], token: t.userToken), "title", 4096)
        expectTooLong(t.send("GET", "/api/blocklist", query: ["x": text(5000)], token: t.adminToken), "x", 4096)
        let search = t.send("GET", "/api/movies", query: ["search": text(201)], token: t.userToken)
        #expect(search.status == 400 && search.errorMessage == "search is longer than 200 characters")
        #expect(t.send("GET", "/api/movies", query: ["search": text(200)], token: t.userToken).status == 200)
        // In code points here too: 201 of them are 67 letters with two accents each.
        let accented = String(repeating: "e\u{0301}\u{0300}", count: 67)
        #expect(t.send("GET", "/api/movies", query: ["search": accented], token: t.userToken).status == 400)
        #expect(t.send("GET", "/api/search/tmdb/movies", query: ["q": accented], token: t.userToken).status == 400)
        #expect(t.send("GET", "/api/search/releases", query: ["q": accented], token: t.userToken).status == 400)
    }
}
