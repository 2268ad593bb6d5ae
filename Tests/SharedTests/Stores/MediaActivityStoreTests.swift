import Foundation
import Testing
import GRDB
@testable import Core
@testable import Persistence

/// ActivityStore: newest first, by type, paging backwards with `before`.
@Suite struct MediaActivityStoreTests {
    @Test func readsNewestFirstFilteredAndPaged() throws {
        let f = try MediaStoreFixture()
        for n in 1...3 {
            _ = try f.database.movies.insert(from: MediaStoreFixture.movie(Int64(n), "M\(n)"), monitored: true, qualityLimit: "1080p", addedBy: nil)
        }
        try f.database.movies.refresh(id: 1, from: MediaStoreFixture.movie(1, "M1"), by: nil)
        let all = try f.database.activity.recent(limit: 10)
        #expect(all.map(\.eventType) == ["movie_refreshed", "movie_added", "movie_added", "movie_added"])
        #expect(all[0].mediaType == "movie" && all[0].mediaID == 1 && all[0].username == nil)
        let added = try f.database.activity.recent(type: .movieAdded, limit: 2)
        #expect(added.map(\.message) == ["Added movie M3", "Added movie M2"])
        #expect(try f.database.activity.recent(type: .movieAdded, before: added[1].id, limit: 10).map(\.message) == ["Added movie M1"])
        #expect(try f.database.activity.recent(type: .showAdded, limit: 10).isEmpty)
    }
}
