import Foundation
import Testing
import GRDB
@testable import Core
@testable import Persistence

/// MovieStore: each write one transaction with its activity row; lists with FTS search.
@Suite struct MediaMovieStoreTests {
    @Test func insertWritesTheMovieAndItsActivityTogether() throws {
        let f = try MediaStoreFixture()
        let id = try f.database.movies.insert(from: MediaStoreFixture.movie(13475, "Star Trek"), monitored: true,
                                              qualityLimit: "720p", addedBy: nil)
        let movie = try f.database.movies.movie(id: id)
        #expect(movie.title == "Star Trek" && movie.qualityLimit == "720p" && movie.status == .missing)
        #expect(movie.genres == ["Science Fiction", "Action"])
        let media = try f.db.read { try Row.fetchOne($0, sql: "SELECT media_type, media_id FROM activity WHERE event_type = 'movie_added'") }
        #expect(media?["media_type"] as String? == MediaKind.movie.rawValue)
        #expect(media?["media_id"] as Int64? == id)
    }

    @Test func aDuplicateIsA409WithTheExistingIDAndWritesNothing() throws {
        let f = try MediaStoreFixture()
        let id = try f.database.movies.insert(from: MediaStoreFixture.movie(1, "A"), monitored: true, qualityLimit: "1080p", addedBy: nil)
        #expect(throws: DomainError.conflict("this movie is already in the library (id \(id), tmdb_id 1)", code: "duplicate", existingID: id)) {
            try f.database.movies.ensureAbsent(tmdbID: 1)
        }
        #expect(throws: DomainError.self) {
            try f.database.movies.insert(from: MediaStoreFixture.movie(1, "A again"), monitored: true, qualityLimit: "1080p", addedBy: nil)
        }
        #expect(try f.count("movies") == 1)
        #expect(try f.activityCount("movie_added") == 1)
    }

    @Test func aConstraintViolationLeavesNeitherRowNorActivity() throws {
        let f = try MediaStoreFixture()
        // added_by references users: an unknown user fails the write.
        #expect(throws: (any Error).self) {
            try f.database.movies.insert(from: MediaStoreFixture.movie(2, "B"), monitored: true, qualityLimit: "1080p", addedBy: 999)
        }
        #expect(try f.count("movies") == 0)
        #expect(try f.count("activity") == 0)
    }

    @Test func refreshReplacesMetadataKeepsTheUsersChoicesAndLogs() throws {
        let f = try MediaStoreFixture()
        let store = f.database.movies
        let id = try store.insert(from: MediaStoreFixture.movie(3, "Old"), monitored: false, qualityLimit: "480p", addedBy: nil)
        try f.exec("UPDATE movies SET status = 'available', file_path = '/m/x.mkv' WHERE id = ?", [id])
        try store.refresh(id: id, from: MediaStoreFixture.movie(3, "New"), by: nil)
        let movie = try store.movie(id: id)
        #expect(movie.title == "New" && !movie.monitored && movie.qualityLimit == "480p")
        #expect(movie.status == .available && movie.filePath == "/m/x.mkv")
        #expect(try f.activityCount("movie_refreshed") == 1)
        #expect(throws: DomainError.notFound(.movie, id: 77)) { try store.refresh(id: 77, from: MediaStoreFixture.movie(4, "X"), by: nil) }
        #expect(try f.activityCount("movie_refreshed") == 1)
    }

    @Test func updateSetsOnlyWhatIsGiven() throws {
        let f = try MediaStoreFixture()
        let store = f.database.movies
        let id = try store.insert(from: MediaStoreFixture.movie(5, "M"), monitored: true, qualityLimit: "1080p", addedBy: nil)
        try store.setQualityLimit(id: id, "2160p")
        #expect(try store.movie(id: id).qualityLimit == "2160p" && store.movie(id: id).monitored)
        try store.setMonitored(id: id, false)
        #expect(try !store.movie(id: id).monitored && store.movie(id: id).qualityLimit == "2160p")
        try store.update(id: id, monitored: true, qualityLimit: "720p")
        #expect(try store.movie(id: id).monitored && store.movie(id: id).qualityLimit == "720p")
        #expect(throws: DomainError.notFound(.movie, id: 99)) { try store.update(id: 99, monitored: true, qualityLimit: nil) }
    }

    @Test func deleteReturnsTheFileAndLogsInTheSameTransaction() throws {
        let f = try MediaStoreFixture()
        let store = f.database.movies
        let id = try store.insert(from: MediaStoreFixture.movie(6, "Gone"), monitored: true, qualityLimit: "1080p", addedBy: nil)
        try f.exec("UPDATE movies SET file_path = '/lib/gone.mkv' WHERE id = ?", [id])
        #expect(try store.delete(id: id, removingFiles: true, by: nil) == ["/lib/gone.mkv"])
        #expect(try f.count("movies") == 0)
        let message = try f.db.read { try String.fetchOne($0, sql: "SELECT message FROM activity WHERE event_type = 'movie_deleted'") }
        #expect(message == "Deleted movie Gone and its files")
        #expect(throws: DomainError.notFound(.movie, id: id)) { _ = try store.delete(id: id, removingFiles: false, by: nil) }
        #expect(try f.activityCount("movie_deleted") == 1)
    }

    @Test func pagesFilterSearchAndCount() throws {
        let f = try MediaStoreFixture()
        let store = f.database.movies
        for (n, title) in ["Star Trek", "Star Wars", "Alien", "Arrival", "Stargate"].enumerated() {
            _ = try store.insert(from: MediaStoreFixture.movie(Int64(100 + n), title), monitored: n % 2 == 0, qualityLimit: "1080p", addedBy: nil)
        }
        let all = try store.page(MediaListQuery(page: 1, limit: 2))
        #expect(all.total == 5 && all.items.map(\.title) == ["Alien", "Arrival"])
        #expect(try store.page(MediaListQuery(page: 3, limit: 2)).items.map(\.title) == ["Stargate"])
        #expect(try store.page(MediaListQuery(monitored: false)).total == 2)
        #expect(try store.page(MediaListQuery(search: "sta")).total == 3)
        #expect(try store.page(MediaListQuery(search: "star tr")).items.map(\.title) == ["Star Trek"])
        #expect(try store.page(MediaListQuery(search: "star", monitored: true)).total == 2)
        #expect(try store.page(MediaListQuery(search: " -- ")).total == 0)
        #expect(try store.page(MediaListQuery(status: "available")).total == 0)
        #expect(try store.ids(forTMDB: [100, 104, 5]) == [100: 1, 104: 5])
    }

    /// A page's ids go to SQLite as a JSON array written digit by digit: the text JSON would have.
    @Test func pageIDsAreAJSONArray() throws {
        typealias Listing = MediaListing<MovieSummary>
        #expect(Listing.jsonArray([Int64]()) == "[]")
        #expect(Listing.jsonArray([0]) == "[0]")
        let ids: [Int64] = [7, 10, 1_000_000, 9_007_199_254_740_993, .max, -42, .min]
        #expect(Listing.jsonArray(ids) == "[" + ids.map(String.init).joined(separator: ",") + "]")
        #expect(Listing.jsonArray(ids[2...3]) == "[1000000,9007199254740993]")
    }
}

