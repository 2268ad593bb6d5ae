import Foundation
import Testing
@testable import FCGIApp
@testable import Persistence

/// /api/blocklist in-process (admin): list, add (422 bad fields, 409 a hash listed twice), remove.
@Suite struct BlocklistRouteTests {
    let hash = String(repeating: "ab", count: 20)

    @Test func addListAndRemove() throws {
        let t = try TestApp()
        let added = t.send("POST", "/api/blocklist", json: ["title": " Bad.Release-GRP ", "info_hash": hash.uppercased(), "media_type": "movie", "media_id": 4],
                           token: t.adminToken)
        #expect(added.status == 201)
        #expect(added.object["info_hash"] as? String == hash && added.object["title"] as? String == "Bad.Release-GRP")
        #expect((added.object["reason"] as? String)?.hasPrefix("marked bad by admin") == true)
        #expect((added.object["created_at"] as? String)?.hasSuffix("Z") == true)
        let id = try #require(added.object["id"] as? Int)
        #expect(t.send("POST", "/api/blocklist", json: ["title": "Other", "reason": "fake"], token: t.adminToken).status == 201)
        let list = t.send("GET", "/api/blocklist", token: t.adminToken)
        #expect(list.status == 200 && list.array.compactMap { $0["title"] as? String } == ["Other", "Bad.Release-GRP"])
        #expect(t.send("DELETE", "/api/blocklist/\(id)", token: t.adminToken).status == 200)
        let again = t.send("DELETE", "/api/blocklist/\(id)", token: t.adminToken)
        #expect(again.status == 404 && again.errorMessage == "no blocklist entry \(id)")
        #expect(t.send("GET", "/api/blocklist", token: t.adminToken).array.count == 1)
    }

    @Test func aHashListedTwiceIs409() throws {
        let t = try TestApp()
        #expect(t.send("POST", "/api/blocklist", json: ["title": "A", "info_hash": hash], token: t.adminToken).status == 201)
        let twice = t.send("POST", "/api/blocklist", json: ["title": "B", "info_hash": hash], token: t.adminToken)
        #expect(twice.status == 409 && twice.errorCode == "conflict" && twice.errorMessage?.contains(hash) == true)
    }

    @Test(arguments: [["title": "  "], ["title": "t", "info_hash": "xyz"], ["title": "t", "media_type": "tv"],
                      ["title": "t", "reason": String(repeating: "r", count: 501)], ["info_hash": String(repeating: "ab", count: 20)]])
    func badEntriesAre422AndNothingIsAdded(_ body: [String: String]) throws {
        let t = try TestApp()
        let r = t.send("POST", "/api/blocklist", json: body, token: t.adminToken)
        #expect(r.status == 422 && r.errorCode == "validation_failed")
        #expect(t.send("GET", "/api/blocklist", token: t.adminToken).array.isEmpty)
    }

    /// Found by the contract run (docs/openapi.yaml): both were stored.
    @Test func anOverlongIndexerAndAMediaIDBelowOneAre422() throws {
        let t = try TestApp()
        let long = t.send("POST", "/api/blocklist", json: ["title": "t", "indexer": String(repeating: "é", count: 201)], token: t.adminToken)
        #expect(long.status == 422 && long.errorMessage == "indexer must be at most 200 characters")
        let zero = t.send("POST", "/api/blocklist", json: ["title": "t", "media_type": "movie", "media_id": 0], token: t.adminToken)
        #expect(zero.status == 422 && zero.errorMessage == "media_id must be a positive integer")
        #expect(t.send("GET", "/api/blocklist", token: t.adminToken).array.isEmpty)
        #expect(t.send("POST", "/api/blocklist", json: ["title": "t", "indexer": String(repeating: "x", count: 200)], token: t.adminToken).status == 201)
    }

    /// Found by the contract run: the table's CHECK (SQLite's length(): code points, up to a NUL)
    /// refused these after the store's check let them through, and the answer was a 500.
    /// (A title of 600 letters with accents, 1200 code points, is now over the 512 of FieldLimits,
    /// which counts code points too: 400 before the route sees it.)
    @Test(arguments: ["\u{0}\u{fd}", "Title.With.A\u{0}Nul"])
    func titlesTheTableRefusesAre422(_ title: String) throws {
        let t = try TestApp()
        let r = t.send("POST", "/api/blocklist", json: ["title": title], token: t.adminToken)
        #expect(r.status == 422 && r.errorCode == "validation_failed")
        let accented = t.send("POST", "/api/blocklist", json: ["title": String(repeating: "e\u{301}", count: 600)], token: t.adminToken)
        #expect(accented.status == 400 && accented.errorCode == "field_too_long")
    }

    @Test func itIsForAdmins() throws {
        let t = try TestApp()
        #expect(t.send("GET", "/api/blocklist", token: t.userToken).status == 403)
        #expect(t.send("POST", "/api/blocklist", json: ["title": "x"], token: t.userToken).status == 403)
        #expect(t.send("DELETE", "/api/blocklist/1", token: t.userToken).status == 403)
    }
}
