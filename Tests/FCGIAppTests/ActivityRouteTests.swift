import Foundation
import Testing
@testable import FCGIApp
@testable import Persistence

/// GET /api/system/activity in-process.
@Suite struct ActivityRouteTests {
    func app() throws -> TestApp {
        let t = try TestApp()
        for n in 1...3 {
            _ = try t.database.movies.insert(
                from: MovieMetadata(tmdbID: Int64(n), imdbID: nil, title: "M\(n)", originalTitle: nil, year: 2000, overview: nil,
                                    posterPath: nil, backdropPath: nil, runtimeMinutes: nil, genres: []),
                monitored: true, qualityLimit: "1080p", addedBy: nil)
        }
        _ = try t.database.movies.delete(id: 2, removingFiles: false, by: nil)
        return t
    }

    @Test func adminsReadNewestFirstByTypeAndPageBackwards() throws {
        let t = try app()
        let all = t.send("GET", "/api/system/activity", token: t.adminToken)
        #expect(all.status == 200)
        #expect(all.array.map { $0["event_type"] as? String } == ["movie_deleted", "movie_added", "movie_added", "movie_added"])
        #expect(all.array[0]["media_type"] as? String == "movie" && all.array[0]["media_id"] as? Int == 2)
        let added = t.send("GET", "/api/system/activity", query: ["type": "movie_added", "limit": "2"], token: t.adminToken).array
        #expect(added.map { $0["message"] as? String } == ["Added movie M3", "Added movie M2"])
        let last = try #require(added.last?["id"] as? Int)
        let older = t.send("GET", "/api/system/activity", query: ["type": "movie_added", "before": "\(last)"], token: t.adminToken).array
        #expect(older.map { $0["message"] as? String } == ["Added movie M1"])
    }

    @Test func badQueriesAre400AndUsersAre403() throws {
        let t = try app()
        #expect(t.send("GET", "/api/system/activity", token: t.userToken).status == 403)
        for bad in [["type": "movie_exploded"], ["limit": "0"], ["limit": "501"], ["before": "x"], ["page": "1"]] {
            #expect(t.send("GET", "/api/system/activity", query: bad, token: t.adminToken).status == 400, "\(bad)")
        }
    }
}
