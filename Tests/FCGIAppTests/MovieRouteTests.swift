import Foundation
import Testing
import GRDB
@testable import FCGIApp
@testable import Persistence

/// /api/movies in-process: the real handlers over a real SQLite file, TMDB stood in at the transport.
@Suite struct MovieRouteTests {
    static let tmdb = "[tmdb]\napi_key = \"test-key\"\n[http]\nretries = 0\n"

    func addStored(_ t: TestApp, _ tmdbID: Int64, _ title: String, monitored: Bool = true) throws -> Int64 {
        try t.database.movies.insert(from: MovieMetadata(tmdbID: tmdbID, imdbID: nil, title: title, originalTitle: nil, year: 2000,
                                                         overview: nil, posterPath: nil, backdropPath: nil, runtimeMinutes: nil, genres: []),
                                     monitored: monitored, qualityLimit: "1080p", addedBy: nil)
    }

    @Test func addingAMovieFromTMDBAndReadingItBack() throws {
        let t = try TestApp(extraTOML: Self.tmdb)
        try t.services.answer("/3/movie/13475", fixture: "tmdb/movie_13475.json")
        let added = t.send("POST", "/api/movies", json: ["tmdb_id": 13475, "quality_limit": "720p"], token: t.userToken)
        #expect(added.status == 201)
        #expect(added.object["title"] as? String == "Star Trek")
        #expect(added.object["status"] as? String == "missing")
        #expect(added.object["quality_limit"] as? String == "720p")
        let id = try #require(added.object["id"] as? Int)
        let requests = t.services.requests.count
        let again = t.send("POST", "/api/movies", json: ["tmdb_id": 13475], token: t.userToken)
        #expect(again.status == 409)
        #expect((again.object["error"] as? [String: Any])?["existing_id"] as? Int == id)
        #expect(t.services.requests.count == requests)   // the 409 comes before any TMDB call
        let got = t.send("GET", "/api/movies/\(id)", token: t.userToken)
        #expect(got.status == 200 && got.object["tmdb_id"] as? Int == 13475)
        let list = t.send("GET", "/api/movies", token: t.userToken)
        #expect(list.status == 200 && list.object["total"] as? Int == 1)
    }

    @Test func addValidatesTheBody() throws {
        let t = try TestApp(extraTOML: Self.tmdb)
        let quality = t.send("POST", "/api/movies", json: ["tmdb_id": 13475, "quality_limit": "flac"], token: t.userToken)
        #expect(quality.status == 422 && quality.errorCode == "validation_failed")
        #expect(quality.errorMessage?.contains("2160p, 1080p, 720p, 480p") == true)
        #expect(t.send("POST", "/api/movies", json: ["tmdb_id": 0], token: t.userToken).status == 422)
        #expect(t.send("POST", "/api/movies", json: ["monitored": true], token: t.userToken).status == 422)
        #expect(t.services.requests.isEmpty)
    }

    @Test func anUnknownMovieIsOne404Text() throws {
        let t = try TestApp()
        let answer = t.send("GET", "/api/movies/999", token: t.userToken)
        #expect(answer.status == 404)
        #expect(answer.errorMessage == "no movie with id 999")
        #expect(t.send("PUT", "/api/movies/999", json: ["monitored": true], token: t.userToken).errorMessage == "no movie with id 999")
        #expect(t.send("DELETE", "/api/movies/999", token: t.adminToken).errorMessage == "no movie with id 999")
        #expect(t.send("POST", "/api/movies/999/refresh", token: t.userToken).errorMessage == "no movie with id 999")
    }

    @Test func tmdbTimingOutIsA504AndWritesNothing() throws {
        let t = try TestApp(extraTOML: Self.tmdb)
        t.services.fail("/3/movie/", .timedOut())
        let answer = t.send("POST", "/api/movies", json: ["tmdb_id": 13475], token: t.userToken)
        #expect(answer.status == 504)
        #expect(answer.errorCode == "upstream_timeout")
        #expect(t.send("GET", "/api/movies", token: t.userToken).object["total"] as? Int == 0)
        #expect(t.send("GET", "/api/system/activity", token: t.adminToken).array.isEmpty)
    }

    @Test func tmdbFailingIsA502AndAnUnknownTMDBIDA404() throws {
        let t = try TestApp(extraTOML: Self.tmdb)
        t.services.answer("/3/movie/5", status: 503, json: "{}")
        #expect(t.send("POST", "/api/movies", json: ["tmdb_id": 5], token: t.userToken).status == 502)
        try t.services.answer("/3/movie/6", status: 404, fixture: "tmdb/error_404.json")
        #expect(t.send("POST", "/api/movies", json: ["tmdb_id": 6], token: t.userToken).status == 404)
        #expect(t.send("GET", "/api/movies", token: t.userToken).object["total"] as? Int == 0)
    }

    @Test func listsFilterPageAndSearch() throws {
        let t = try TestApp()
        for (n, title) in ["Star Trek", "Star Wars", "Alien"].enumerated() { _ = try addStored(t, Int64(n + 1), title, monitored: n != 1) }
        let page = t.send("GET", "/api/movies", query: ["limit": "2", "page": "2"], token: t.userToken)
        #expect(page.object["total"] as? Int == 3 && page.object["pages"] as? Int == 2 && page.object["page"] as? Int == 2)
        #expect((page.object["items"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Star Wars"])
        let search = t.send("GET", "/api/movies", query: ["search": "star"], token: t.userToken)
        #expect(search.object["total"] as? Int == 2)
        #expect(t.send("GET", "/api/movies", query: ["search": "star", "monitored": "false"], token: t.userToken).object["total"] as? Int == 1)
        #expect(t.send("GET", "/api/movies", query: ["status": "missing"], token: t.userToken).object["total"] as? Int == 3)
        for bad in [["status": "partial"], ["page": "0"], ["limit": "501"], ["monitored": "maybe"], ["sort": "title"]] {
            let answer = t.send("GET", "/api/movies", query: bad, token: t.userToken)
            #expect(answer.status == 400, "\(bad)")
        }
    }

    @Test func updateChecksTheQualityLimit() throws {
        let t = try TestApp()
        let id = try addStored(t, 1, "A")
        let ok = t.send("PUT", "/api/movies/\(id)", json: ["monitored": false, "quality_limit": "2160p"], token: t.userToken)
        #expect(ok.status == 200 && ok.object["monitored"] as? Bool == false && ok.object["quality_limit"] as? String == "2160p")
        let bad = t.send("PUT", "/api/movies/\(id)", json: ["quality_limit": "4k"], token: t.userToken)
        #expect(bad.status == 422)
        #expect(try t.database.movies.movie(id: id).qualityLimit == "2160p")
    }

    @Test func deleteIsForAdminsAndCanRemoveFilesInsideTheMounts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-mount-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TestApp(extraTOML: "[[storage.mounts]]\nname = \"lib\"\ntype = \"local\"\npath = \"\(dir)\"\n")
        let id = try addStored(t, 1, "A")
        #expect(FileManager.default.createFile(atPath: dir + "/a.mkv", contents: Data("x".utf8)))
        try t.db.write { try $0.execute(sql: "UPDATE movies SET file_path = ? WHERE id = ?", arguments: [dir + "/a.mkv", id]) }
        #expect(t.send("DELETE", "/api/movies/\(id)", token: t.userToken).status == 403)
        #expect(t.send("DELETE", "/api/movies/\(id)", query: ["delete_files": "perhaps"], token: t.adminToken).status == 400)
        let answer = t.send("DELETE", "/api/movies/\(id)", query: ["delete_files": "true"], token: t.adminToken)
        #expect(answer.status == 200 && answer.object["deleted_files"] as? [String] == [dir + "/a.mkv"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/a.mkv"))
        #expect(t.send("GET", "/api/movies/\(id)", token: t.userToken).status == 404)
        let activity = t.send("GET", "/api/system/activity", query: ["type": "movie_deleted"], token: t.adminToken).array
        #expect(activity.count == 1 && activity[0]["media_type"] as? String == "movie")
    }

    @Test func refreshRereadsTMDB() throws {
        let t = try TestApp(extraTOML: Self.tmdb)
        let id = try addStored(t, 13475, "Old title")
        try t.services.answer("/3/movie/13475", fixture: "tmdb/movie_13475.json")
        let answer = t.send("POST", "/api/movies/\(id)/refresh", token: t.userToken)
        #expect(answer.status == 200 && answer.object["title"] as? String == "Star Trek")
        #expect(t.send("GET", "/api/system/activity", query: ["type": "movie_refreshed"], token: t.adminToken).array.count == 1)
    }

    @Test func withoutATokenItIs401() throws {
        let t = try TestApp()
        #expect(t.send("GET", "/api/movies").status == 401)
    }
}
