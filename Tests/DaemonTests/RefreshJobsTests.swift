import Foundation
import GRDB
import Testing
@testable import Config
@testable import Control
@testable import Core
@testable import Daemon
@testable import Library
@testable import Metadata
@testable import Persistence

/// The jobs lcarsd runs today (JobCatalog) over the real Library use cases and stores, with TMDB
/// and MusicBrainz stood in at the transport: new episodes and release groups appear missing and
/// monitored by the show's / artist's monitoring (specials not), files and statuses survive, one
/// failing item or service does not stop the rest, and the run says what failed.
@Suite struct RefreshJobsTests {
    static let artist = "a1a1a1a1-0000-4000-8000-000000000001"

    final class Library: @unchecked Sendable {
        let config: LCARSConfig
        let database: AppDatabase
        let stub = StubMetadata()
        let scheduler: Scheduler
        var movieID: Int64 = 0, showID: Int64 = 0, artistID: Int64 = 0

        init(tmdbKey: String = "k") throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-jobs-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir + "/run", withIntermediateDirectories: true)
            config = try ConfigLoader.parse("""
                [server]
                jwt_secret = "0123456789abcdef0123456789abcdef-job-tests"
                data_dir = "\(dir)"
                [tmdb]
                api_key = "\(tmdbKey)"
                [musicbrainz]
                rate_limit_ms = 0
                [http]
                retries = 0
                [scheduler]
                refresh_limit = 10
                """, file: "jobs-test.toml")
            database = try AppDatabase.open(config.database)
            try database.migrate()
            let stub = stub
            let jobs = try JobCatalog.jobs(config: config, database: database, transport: { _ in stub })
            let clock = TestClock("2026-03-01 12:00:00")
            scheduler = Scheduler(jobs: jobs, store: database.jobs, publish: { _ in }, logger: .init(label: "test"),
                                  zone: .named(TimeZone(identifier: "UTC")!), now: { clock.now })
            try scheduler.start(timer: false)
        }

        /// A movie with its file, a continuing show with two episodes placed, an artist.
        func fill() throws {
            try stub.answer("/3/movie/13475", fixture: "tmdb/movie_13475.json")
            try stub.answer("/3/tv/4242", fixture: "tmdb/tv_4242.json")
            for n in 0...3 { try stub.answer("/3/tv/4242/season/\(n)", fixture: "tmdb/tv_4242_season_\(n).json") }
            try stub.answer("/ws/2/artist/\(RefreshJobsTests.artist)", fixture: "musicbrainz/artist_\(RefreshJobsTests.artist).json")
            try stub.answer("/ws/2/release-group", fixture: "musicbrainz/browse_release_groups_\(RefreshJobsTests.artist).json")
            let tmdb = MetadataClients.tmdb(config, transport: { _ in self.stub })
            movieID = try MovieLibrary(database: database, tmdb: tmdb).add(tmdbID: 13475, monitored: true, qualityLimit: "1080p", userID: nil)
            showID = try ShowLibrary(database: database, tmdb: tmdb).add(tmdbID: 4242, monitored: true, qualityLimit: "1080p", userID: nil)
            artistID = try ArtistLibrary(database: database, musicBrainz: MetadataClients.musicBrainz(config, transport: { _ in self.stub }))
                .add(mbid: RefreshJobsTests.artist, monitored: true, qualityLimit: "flac", userID: nil)
            try database.pool.write { db in
                try db.execute(sql: "UPDATE movies SET status = 'available', file_path = '/lib/Star Trek (2009)/st.mkv', file_size = 7 WHERE id = ?",
                               arguments: [movieID])
                try db.execute(sql: """
                    UPDATE episodes SET status = 'available', file_path = '/lib/s03e01.mkv', file_size = 5, monitored = 0
                    WHERE show_id = ? AND season_number = 3 AND episode_number = 1
                    """, arguments: [showID])
            }
        }

        /// TMDB now lists S03E09 and a third special; MusicBrainz a new album.
        func upstreamMovesOn() throws {
            try stub.answer("/3/tv/4242/season/3", fixture: "tmdb/tv_4242_season_3_v2.json")
            var specials = try JSONSerialization.jsonObject(with: Data(try StubMetadata.fixture("tmdb/tv_4242_season_0.json").utf8)) as! [String: Any]
            var episodes = specials["episodes"] as! [[String: Any]]
            var special = episodes[0]
            special["episode_number"] = 3
            special["id"] = 4242003
            special["name"] = "Special 3"
            episodes.append(special)
            specials["episodes"] = episodes
            stub.answer("/3/tv/4242/season/0", json: String(decoding: try JSONSerialization.data(withJSONObject: specials), as: UTF8.self))
            var browse = try JSONSerialization.jsonObject(with: Data(try StubMetadata.fixture(
                "musicbrainz/browse_release_groups_\(RefreshJobsTests.artist).json").utf8)) as! [String: Any]
            var groups = browse["release-groups"] as! [[String: Any]]
            groups.append(["id": "c3c3c3c3-0000-4000-8000-000000000199", "title": "Second Flight", "primary-type": "Album",
                           "secondary-types": [String](), "first-release-date": "2026-02-20", "disambiguation": ""])
            browse["release-groups"] = groups
            browse["release-group-count"] = groups.count
            stub.answer("/ws/2/release-group", json: String(decoding: try JSONSerialization.data(withJSONObject: browse), as: UTF8.self))
        }

        func run(_ name: String) async throws -> JobRunRecord {
            let answer = await scheduler.command(JobCommand.run, .object(["name": .string(name)]))
            #expect(answer.ok, "\(answer.error?.message ?? "")")
            scheduler.drain()
            return try #require(try database.jobs.lastRuns()[name])
        }

        func episode(_ season: Int, _ number: Int) throws -> Row? {
            try database.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT status, monitored, file_path FROM episodes WHERE show_id = ? AND season_number = ? AND episode_number = ?",
                                 arguments: [showID, season, number])
            }
        }

        func row(_ sql: String) throws -> Row? { try database.pool.read { try Row.fetchOne($0, sql: sql) } }

        func execute(_ statements: String...) throws {
            try database.pool.write { db in for sql in statements { try db.execute(sql: sql) } }
        }

        func scalar<T: DatabaseValueConvertible>(_ sql: String) throws -> T? { try database.pool.read { try T.fetchOne($0, sql: sql) } }
    }

    @Test func lcarsdListsOnlyTheJobsItCanRun() throws {
        let library = try Library()
        #expect(library.scheduler.jobs.map(\.name) == ["search_missing", "refresh_metadata", "check_new_episodes", "check_new_releases"])
        #expect(library.scheduler.jobs.map(\.schedule.text) == ["0 0 */6 * * *", "0 0 2 * * *", "0 0 */12 * * *", "0 0 3 * * *"])
    }

    @Test func newEpisodesAppearMissingAndMonitoredSpecialsNot() async throws {
        let library = try Library()
        try library.fill()
        try library.upstreamMovesOn()
        let run = try await library.run("check_new_episodes")
        #expect(run.status == .succeeded && run.items == 1 && run.error == nil)
        let new = try #require(try library.episode(3, 9))
        #expect(new[0] as String == "missing" && new[1] as Bool == true)
        let special = try #require(try library.episode(0, 3))
        #expect(special[0] as String == "missing" && special[1] as Bool == false)
        let placed = try #require(try library.episode(3, 1))      // status, monitoring and file survive
        #expect(placed[0] as String == "available" && placed[1] as Bool == false && placed[2] as String? == "/lib/s03e01.mkv")
        #expect(try library.scalar("SELECT COUNT(*) FROM albums") as Int? == 4)  // artists are not this job's
    }

    @Test func newReleaseGroupsAppearAsMissingAlbums() async throws {
        let library = try Library()
        try library.fill()
        try library.upstreamMovesOn()
        let run = try await library.run("check_new_releases")
        #expect(run.status == .succeeded && run.items == 1)
        let album = try library.row("SELECT status, monitored, artist_id FROM albums WHERE mbid = 'c3c3c3c3-0000-4000-8000-000000000199'")
        #expect(album?[0] as String? == "missing" && album?[1] as Bool? == true && album?[2] as Int64? == library.artistID)
        #expect(try library.episode(3, 9) == nil)                  // shows are not this job's
    }

    @Test func refreshMetadataRefreshesEverythingAndKeepsFilesAndStatuses() async throws {
        let library = try Library()
        try library.fill()
        try library.upstreamMovesOn()
        let run = try await library.run("refresh_metadata")
        #expect(run.status == .succeeded && run.items == 3)
        #expect(try library.scalar("SELECT status || ' ' || file_path FROM movies") as String? == "available /lib/Star Trek (2009)/st.mkv")
        #expect(try library.episode(3, 9) != nil)
        #expect(try library.scalar("SELECT COUNT(*) FROM albums") as Int? == 5)
        #expect(try library.scalar("SELECT COUNT(*) FROM activity WHERE event_type IN ('movie_refreshed', 'show_refreshed', 'artist_refreshed')") as Int? == 3)
    }

    @Test func oneFailingItemDoesNotStopTheOthers() async throws {
        let library = try Library()
        try library.fill()
        library.stub.answer("/3/movie/13475", status: 500, json: "{}")
        let run = try await library.run("refresh_metadata")
        #expect(run.status == .failed && run.items == 2)
        #expect(run.error?.hasPrefix("1 of 3 refreshes failed: movie \"Star Trek\" (id \(library.movieID)): ") == true)
        #expect(try library.scalar("SELECT status FROM movies") as String? == "available")
    }

    @Test func aServiceWithoutAKeyIsNotAskedAgainInTheRun() async throws {
        let library = try Library(tmdbKey: "")
        try library.execute("INSERT INTO movies (tmdb_id, title, year, updated_at) VALUES (1, 'A', 2000, '2026-01-01 00:00:00')",
                            "INSERT INTO movies (tmdb_id, title, year, updated_at) VALUES (2, 'B', 2000, '2026-01-02 00:00:00')",
                            "INSERT INTO tv_shows (tmdb_id, title, updated_at) VALUES (3, 'C', '2026-01-03 00:00:00')")
        let run = try await library.run("refresh_metadata")
        #expect(run.status == .failed && run.items == 0)
        #expect(run.error?.hasPrefix("1 of 3 refreshes failed, 2 left for the next run: movie \"A\" (id 1): TMDB is not configured") == true)
        #expect(run.error?.hasSuffix("(TMDB not asked again this run)") == true)
    }
}
