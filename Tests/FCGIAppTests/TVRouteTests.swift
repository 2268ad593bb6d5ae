import Foundation
import Testing
@testable import FCGIApp
@testable import Persistence

/// /api/tv in-process: shows with every season from the TMDB fixtures (tv 4242: specials + 3 seasons).
@Suite struct TVRouteTests {
    func app() throws -> TestApp {
        let t = try TestApp(extraTOML: "[tmdb]\napi_key = \"test-key\"\n[http]\nretries = 0\n")
        try t.services.answer("/3/tv/4242", fixture: "tmdb/tv_4242.json")
        for n in 0...3 { try t.services.answer("/3/tv/4242/season/\(n)", fixture: "tmdb/tv_4242_season_\(n).json") }
        return t
    }

    func add(_ t: TestApp) throws -> Int {
        let added = t.send("POST", "/api/tv", json: ["tmdb_id": 4242], token: t.userToken)
        #expect(added.status == 201)
        return try #require(added.object["id"] as? Int)
    }

    @Test func addingAShowStoresEverySeason() throws {
        let t = try app()
        let id = try add(t)
        let show = t.send("GET", "/api/tv/\(id)", token: t.userToken).object
        let seasons = try #require(show["seasons"] as? [[String: Any]])
        #expect(seasons.map { $0["season_number"] as? Int } == [0, 1, 2, 3])
        #expect(seasons.map { $0["episode_count"] as? Int } == [2, 4, 5, 8])
        #expect(show["status"] as? String == "continuing")
        #expect(t.send("POST", "/api/tv", json: ["tmdb_id": 4242], token: t.userToken).status == 409)
        #expect(t.send("POST", "/api/tv", json: ["tmdb_id": 4242, "quality_limit": "flac"], token: t.userToken).status == 422)
    }

    @Test func tmdbFailuresAre502Or504AndWriteNothing() throws {
        let t = try app()
        t.services.fail("/3/tv/4242/season/3", .timedOut())
        #expect(t.send("POST", "/api/tv", json: ["tmdb_id": 4242], token: t.userToken).status == 504)
        t.services.answer("/3/tv/4242/season/3", status: 500, json: "{}")
        #expect(t.send("POST", "/api/tv", json: ["tmdb_id": 4242], token: t.userToken).status == 502)
        #expect(t.send("GET", "/api/tv", token: t.userToken).object["total"] as? Int == 0)
    }

    @Test func seasonsAndEpisodesAreReadAndMonitored() throws {
        let t = try app()
        let id = try add(t)
        let season = t.send("GET", "/api/tv/\(id)/season/1", token: t.userToken)
        #expect(season.status == 200 && season.array.count == 4)
        #expect(t.send("GET", "/api/tv/\(id)/season/9", token: t.userToken).errorMessage == "TV show \(id) has no season 9")
        #expect(t.send("GET", "/api/tv/\(id)/season/x", token: t.userToken).status == 404)
        #expect(t.send("GET", "/api/tv/99999/season/1", token: t.userToken).errorMessage == "no TV show with id 99999")
        let off = t.send("PUT", "/api/tv/\(id)/season/1", json: ["monitored": false], token: t.userToken)
        #expect(off.status == 200 && off.array.allSatisfy { $0["monitored"] as? Bool == false })
        #expect(t.send("PUT", "/api/tv/\(id)/season/1", json: [String: Any](), token: t.userToken).status == 422)
        let one = t.send("PUT", "/api/tv/\(id)/season/1/episode/2", json: ["monitored": true], token: t.userToken)
        #expect(one.status == 200 && one.object["monitored"] as? Bool == true && one.object["episode_number"] as? Int == 2)
        let missing = t.send("PUT", "/api/tv/\(id)/season/2/episode/99", json: ["monitored": true], token: t.userToken)
        #expect(missing.status == 404 && missing.errorMessage == "TV show \(id) has no episode S02E99")
        let specials = t.send("GET", "/api/tv/\(id)/season/0", token: t.userToken).array
        #expect(specials.allSatisfy { $0["monitored"] as? Bool == false })
    }

    @Test func refreshAddsTheNewEpisode() throws {
        let t = try app()
        let id = try add(t)
        try t.services.answer("/3/tv/4242/season/3", fixture: "tmdb/tv_4242_season_3_v2.json")
        let answer = t.send("POST", "/api/tv/\(id)/refresh", token: t.userToken)
        #expect(answer.status == 200)
        let seasons = try #require(answer.object["seasons"] as? [[String: Any]])
        #expect(seasons.last?["episode_count"] as? Int == 9)
        #expect(t.send("POST", "/api/tv/99999/refresh", token: t.userToken).status == 404)
    }

    @Test func listUpdateAndDelete() throws {
        let t = try app()
        let id = try add(t)
        #expect(t.send("GET", "/api/tv", query: ["status": "continuing"], token: t.userToken).object["total"] as? Int == 1)
        #expect(t.send("GET", "/api/tv", query: ["search": "relay"], token: t.userToken).object["total"] as? Int == 1)
        #expect(t.send("GET", "/api/tv", query: ["status": "missing"], token: t.userToken).status == 400)
        let updated = t.send("PUT", "/api/tv/\(id)", json: ["quality_limit": "720p"], token: t.userToken)
        #expect(updated.status == 200 && updated.object["quality_limit"] as? String == "720p")
        #expect(t.send("PUT", "/api/tv/\(id)", json: ["quality_limit": "V0"], token: t.userToken).status == 422)
        #expect(t.send("DELETE", "/api/tv/\(id)", token: t.userToken).status == 403)
        #expect(t.send("DELETE", "/api/tv/\(id)", token: t.adminToken).object["success"] as? Bool == true)
        #expect(t.send("GET", "/api/tv/\(id)", token: t.userToken).errorMessage == "no TV show with id \(id)")
        #expect(try t.database.shows.page(MediaListQuery()).total == 0)
    }
}
