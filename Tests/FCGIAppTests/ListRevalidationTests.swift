import Foundation
import Testing
@testable import Core
@testable import FCGIApp
@testable import Persistence

/// ETag and If-None-Match on the list routes: 200 with a tag, 304 without a body when the tag
/// comes back, 200 with a new tag once anything in the answer changed.
@Suite struct ListRevalidationTests {
    func addMovie(_ t: TestApp, _ tmdbID: Int64, _ title: String) throws -> Int64 {
        try t.database.movies.insert(from: MovieMetadata(tmdbID: tmdbID, imdbID: nil, title: title, originalTitle: nil, year: 2000,
                                                         overview: nil, posterPath: "https://image.tmdb.org/t/p/w500/m\(tmdbID).jpg",
                                                         backdropPath: nil, runtimeMinutes: nil, genres: ["Drama"]),
                                     monitored: true, qualityLimit: "1080p", addedBy: nil)
    }

    @Test func aListAnswersWithATagAndA304WhenItComesBack() throws {
        let t = try TestApp()
        let id = try addMovie(t, 1, "Alien")
        _ = try addMovie(t, 2, "Brazil")
        let first = t.send("GET", "/api/movies", token: t.userToken)
        #expect(first.status == 200)
        let tag = try #require(first.header("ETag"))
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && tag.count == 34)
        #expect(first.header("Cache-Control") == "private, no-cache")
        #expect(String(decoding: HTTPResponse(status: first.status, headers: first.headers, body: first.body).cgiBytes(), as: UTF8.self)
            .contains("Cache-Control: private, no-cache\r\n"))

        let again = t.send("GET", "/api/movies", token: t.userToken, headers: ["if-none-match": tag])
        #expect(again.status == 304 && again.body.isEmpty)
        #expect(again.header("ETag") == tag)

        // Another page is another answer: its own tag, so the first one does not match it.
        #expect(t.send("GET", "/api/movies", query: ["limit": "1"], token: t.userToken, headers: ["if-none-match": tag]).status == 200)

        try t.database.movies.update(id: id, monitored: false, qualityLimit: nil)
        let changed = t.send("GET", "/api/movies", token: t.userToken, headers: ["if-none-match": tag])
        #expect(changed.status == 200)
        #expect(changed.header("ETag") != tag)
        #expect((changed.object["items"] as? [[String: Any]])?.first?["monitored"] as? Bool == false)
    }

    @Test func theConditionIsReadAsRFC9110Says() throws {
        let t = try TestApp()
        _ = try addMovie(t, 1, "Alien")
        let tag = try #require(t.send("GET", "/api/movies", token: t.userToken).header("ETag"))
        let status = { (condition: String) in t.send("GET", "/api/movies", token: t.userToken, headers: ["if-none-match": condition]).status }
        #expect(status("*") == 304)
        #expect(status(" * ") == 304)
        #expect(status("W/\(tag)") == 304)                               // nginx weakens the tag when it gzips
        #expect(status("\"other\", \(tag)") == 304)
        #expect(status("\"other\",W/\(tag) ") == 304)
        #expect(status("\"other\"") == 200)
        #expect(status(String(tag.dropFirst().dropLast())) == 200)        // unquoted is not a tag
        #expect(status("") == 200)
        #expect(status("garbage \(tag)") == 200)                          // nothing after the first thing that is not a tag
        #expect(status("\"unterminated, \(tag)") == 200)
        #expect(status("\(tag)x") == 200)
        #expect(status("W/W/\(tag)") == 200)
        #expect(status(String(repeating: "\"a\",", count: 2000) + tag) == 304)
    }

    @Test func theTagIsOnlyForSuccessfulGets() throws {
        let t = try TestApp()
        let refused = t.send("GET", "/api/movies", query: ["page": "0"], token: t.userToken, headers: ["if-none-match": "*"])
        #expect(refused.status == 400 && refused.header("ETag") == nil)
        #expect(t.send("GET", "/api/movies", headers: ["if-none-match": "*"]).status == 401)   // no token, no 304
        let one = t.send("GET", "/api/movies/\(try addMovie(t, 3, "Casablanca"))", token: t.userToken)
        #expect(one.header("ETag") == nil && one.header("Cache-Control") == nil)   // items are not lists: no-store
    }

    @Test func everyListRouteRevalidates() throws {
        let t = try TestApp()
        for path in ["/api/movies", "/api/tv", "/api/artists", "/api/albums", "/api/tracks"] {
            let first = t.send("GET", path, token: t.userToken)
            let tag = try #require(first.header("ETag"), "\(path)")
            #expect(t.send("GET", path, token: t.userToken, headers: ["if-none-match": tag]).status == 304, "\(path)")
        }
    }

    @Test func a304HasNoBodyAndNoLength() {
        let answer = HTTPResponse(status: 304, headers: [("ETag", "\"x\""), ("Cache-Control", "private, no-cache")], body: Data())
        let text = String(decoding: answer.cgiBytes(), as: UTF8.self)
        #expect(text.hasPrefix("Status: 304 Not Modified\r\n"))
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("\r\n\r\n"))
        #expect(!text.contains("no-store"))
    }

    @Test func theTagIsTheBodysHash() {
        let a = EntityTag.of(Data("{\"items\":[]}".utf8))
        #expect(a == EntityTag.of(Data("{\"items\":[]}".utf8)))
        #expect(a != EntityTag.of(Data("{\"items\":[1]}".utf8)))
        #expect(EntityTag.listed(in: "W/\"a\", \"b\"") == ["\"a\"", "\"b\""])
        #expect(EntityTag.listed(in: "\"a\" junk, \"b\"").isEmpty)            // a tag followed by junk is not one
        #expect(EntityTag.listed(in: "\"a\", junk \"b\"") == ["\"a\""])    // reading stops at the junk
    }
}
