import Foundation
import Testing
@testable import FCGIApp
@testable import Persistence

/// /api/indexers in-process (admin): CRUD with its rules, secrets masked in every answer, and the
/// test search against a Torznab indexer stood in at the transport.
@Suite struct IndexerRouteTests {
    let key = "0123456789abcdef0123"

    func torznab(_ t: TestApp) -> TestResponse {
        t.send("POST", "/api/indexers", json: ["name": "Jackett", "indexer_type": "torznab", "url": "http://jackett.test/api?apikey=\(key)",
                                               "api_key": key, "categories": ["movies", "tv"], "priority": 5], token: t.adminToken)
    }

    @Test func theBuiltInSitesAreListedFirstByPriority() throws {
        let t = try TestApp()
        let list = t.send("GET", "/api/indexers", token: t.adminToken)
        #expect(list.status == 200 && Set(list.array.compactMap { $0["name"] as? String }) == Set(IndexerRules.publicSites))
        #expect(torznab(t).status == 201)
        #expect(t.send("GET", "/api/indexers", token: t.adminToken).array.first?["name"] as? String == "Jackett")   // priority 5
    }

    @Test func createShowUpdateDeleteWithSecretsMasked() throws {
        let t = try TestApp()
        let created = torznab(t)
        #expect(created.status == 201 && created.object["api_key"] as? String == "********0123")
        #expect(created.object["url"] as? String == "http://jackett.test/api?apikey=********0123")
        #expect(!String(decoding: created.body, as: UTF8.self).contains(key))
        let id = try #require(created.object["id"] as? Int)
        let shown = t.send("GET", "/api/indexers/\(id)", token: t.adminToken)
        #expect(shown.status == 200 && shown.object["categories"] as? [String] == ["movies", "tv"])
        // The masked key sent back keeps the real one.
        let updated = t.send("PUT", "/api/indexers/\(id)", json: ["api_key": "********0123", "enabled": false], token: t.adminToken)
        #expect(updated.status == 200 && updated.object["enabled"] as? Bool == false)
        #expect(try t.database.indexers.find(id: Int64(id)).apiKey == key)
        #expect(t.send("DELETE", "/api/indexers/\(id)", token: t.adminToken).status == 200)
        #expect(t.send("GET", "/api/indexers/\(id)", token: t.adminToken).status == 404)
        #expect(t.send("DELETE", "/api/indexers/\(id)", token: t.adminToken).status == 404)
        #expect(t.send("PUT", "/api/indexers/\(id)", json: ["priority": 3], token: t.adminToken).status == 404)
    }

    @Test(arguments: [
        ["name": "X", "indexer_type": "usenet", "url": "http://h/"],
        ["name": "X", "indexer_type": "torznab", "url": "ftp://h/"],
        ["name": "MySite", "indexer_type": "public", "url": "https://mysite.example"],
        ["name": "X", "indexer_type": "rss"],
        ["name": "X", "indexer_type": "rss", "url": "http://h/feed", "priority": 0],
        ["name": "X", "indexer_type": "rss", "url": "http://h/feed", "categories": ["books"]],
    ] as [[String: any Sendable]])
    func badIndexersAre422(_ body: [String: any Sendable]) throws {
        let t = try TestApp()
        let r = t.send("POST", "/api/indexers", json: body, token: t.adminToken)
        #expect(r.status == 422 && r.errorCode == "validation_failed" && r.errorMessage?.isEmpty == false)
        #expect(t.send("GET", "/api/indexers", token: t.adminToken).array.count == IndexerRules.publicSites.count)
    }

    @Test func aNameTakenInAnyCaseIs409() throws {
        let t = try TestApp()
        let r = t.send("POST", "/api/indexers", json: ["name": "yts", "indexer_type": "torznab", "url": "http://h/"], token: t.adminToken)
        #expect(r.status == 409 && r.errorMessage == "an indexer named \"yts\" already exists")
    }

    @Test func theTestSearchSaysWhetherTheIndexerAnswers() throws {
        let t = try TestApp(extraTOML: "[http]\nretries = 0\n[indexers]\nmin_interval_ms = 0\n")
        let feed = t.send("POST", "/api/indexers", json: ["name": "Feed", "indexer_type": "rss", "url": "http://feed.test/rss"], token: t.adminToken)
        let feedID = try #require(feed.object["id"] as? Int)
        try t.services.answer("/rss", fixture: "indexers/rss/feed.xml", headers: ["content-type": "application/rss+xml"])
        let ok = t.send("POST", "/api/indexers/\(feedID)/test", token: t.adminToken)
        #expect(ok.status == 200 && ok.object["success"] as? Bool == true && ok.object["response_time_ms"] is Int)
        #expect(ok.object["message"] as? String == "Feed answered with 2 results")

        let id = try #require(torznab(t).object["id"] as? Int)
        try t.services.answer("/api", fixture: "indexers/torznab/error-100.xml", headers: ["content-type": "application/xml"])
        let refused = t.send("POST", "/api/indexers/\(id)/test", token: t.adminToken)
        let message = try #require(refused.object["message"] as? String)
        #expect(refused.status == 200 && refused.object["success"] as? Bool == false)
        #expect(message.contains("API key") && !message.contains(key))
        #expect(t.send("GET", "/api/indexers/\(id)", token: t.adminToken).object["last_error"] as? String == message)
        #expect(t.services.requests.allSatisfy { ["jackett.test", "feed.test"].contains($0.url.host) })
        #expect(t.send("POST", "/api/indexers/999/test", token: t.adminToken).status == 404)
    }

    @Test func itIsForAdmins() throws {
        let t = try TestApp()
        #expect(t.send("GET", "/api/indexers", token: t.userToken).status == 403)
        #expect(t.send("POST", "/api/indexers", json: ["name": "x"], token: t.userToken).status == 403)
    }
}
