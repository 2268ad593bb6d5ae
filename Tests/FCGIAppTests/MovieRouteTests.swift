import Foundation
import Testing
@testable import FCGIApp

/// /api/movies in-process: the real handlers over a real SQLite file, TMDB stood in at the transport.
@Suite struct MovieRouteTests {
    @Test func addingAMovieFromTMDBAndReadingItBack() throws {
        let t = try TestApp(extraTOML: "[tmdb]\napi_key = \"test-key\"\n")
        try t.services.answer("/3/movie/13475", fixture: "tmdb/movie_13475.json")
        let added = t.send("POST", "/api/movies", json: ["tmdb_id": 13475], token: t.userToken)
        #expect(added.status == 201)
        #expect(added.object["title"] as? String == "Star Trek")
        #expect(added.object["status"] as? String == "missing")
        let id = try #require(added.object["id"] as? Int)
        let again = t.send("POST", "/api/movies", json: ["tmdb_id": 13475], token: t.userToken)
        #expect(again.status == 409)
        #expect((again.object["error"] as? [String: Any])?["existing_id"] as? Int == id)
        let list = t.send("GET", "/api/movies", token: t.userToken)
        #expect(list.status == 200 && list.object["total"] as? Int == 1)
    }

    @Test func anUnknownMovieIsOne404Text() throws {
        let t = try TestApp()
        let answer = t.send("GET", "/api/movies/999", token: t.userToken)
        #expect(answer.status == 404)
        #expect(answer.errorMessage == "no movie with id 999")
    }

    @Test func tmdbTimingOutIsA504AndWritesNothing() throws {
        let t = try TestApp(extraTOML: "[tmdb]\napi_key = \"test-key\"\n[http]\nretries = 0\n")
        t.services.fail("/3/movie/", .timedOut())
        let answer = t.send("POST", "/api/movies", json: ["tmdb_id": 13475], token: t.userToken)
        #expect(answer.status == 504)
        #expect(answer.errorCode == "upstream_timeout")
        #expect(t.send("GET", "/api/movies", token: t.userToken).object["total"] as? Int == 0)
    }

    @Test func withoutATokenItIs401() throws {
        let t = try TestApp()
        #expect(t.send("GET", "/api/movies").status == 401)
    }
}
