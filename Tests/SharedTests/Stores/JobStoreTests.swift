@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// `jobs` (V008): a run is recorded when it starts and finished once; runs a crash left `running`
/// become failed "interrupted" at the next start; history is bounded per job. And the read-only
/// order the refresh jobs walk the library in.
@Suite struct JobStoreTests {
    func database() throws -> AppDatabase { AppDatabase(pool: try makeTestDatabase().0) }
    let t0 = SQLiteTime.parse("2026-03-01 02:00:00")!

    @Test func aRunIsRecordedFromStartToFinish() throws {
        let jobs = try database().jobs
        let id = try jobs.start(name: "refresh_metadata", at: t0)
        #expect(try jobs.lastRuns()["refresh_metadata"] == JobRunRecord(id: id, name: "refresh_metadata", startedAt: "2026-03-01 02:00:00",
                                                                         finishedAt: nil, status: .running, items: 0, error: nil))
        try jobs.finish(id: id, status: .succeeded, items: 12, error: nil, at: t0.addingTimeInterval(65))
        let run = try #require(try jobs.lastRuns()["refresh_metadata"])
        #expect(run.status == .succeeded && run.items == 12 && run.finishedAt == "2026-03-01 02:01:05" && run.error == nil)
        // A finish never rewrites a finished run.
        try jobs.finish(id: id, status: .failed, items: 1, error: "late", at: t0.addingTimeInterval(99))
        #expect(try jobs.lastRuns()["refresh_metadata"]?.status == .succeeded)
    }

    @Test func runsLeftRunningByACrashAreFailedAsInterrupted() throws {
        let jobs = try database().jobs
        let crashed = try jobs.start(name: "check_new_episodes", at: t0)
        let done = try jobs.start(name: "refresh_metadata", at: t0)
        try jobs.finish(id: done, status: .succeeded, items: 3, error: nil, at: t0.addingTimeInterval(5))
        #expect(try jobs.failInterrupted(at: t0.addingTimeInterval(3600)) == 1)
        let runs = try jobs.lastRuns()
        #expect(runs["check_new_episodes"] == JobRunRecord(id: crashed, name: "check_new_episodes", startedAt: "2026-03-01 02:00:00",
                                                           finishedAt: "2026-03-01 03:00:00", status: .failed, items: 0,
                                                           error: JobStore.interrupted))
        #expect(runs["refresh_metadata"]?.status == .succeeded && runs["refresh_metadata"]?.items == 3)   // untouched
        #expect(try jobs.failInterrupted(at: t0) == 0)
    }

    @Test func theTableRefusesImpossibleRows() throws {
        let db = try database()
        #expect(throws: DatabaseError.self) {
            try db.pool.write { try $0.execute(sql: "INSERT INTO jobs (name, started_at, status) VALUES ('x', '2026-01-01 00:00:00', 'paused')") }
        }
        #expect(throws: DatabaseError.self) {   // finished but still running
            try db.pool.write { try $0.execute(sql: "INSERT INTO jobs (name, started_at, finished_at, status) VALUES ('x', 'a', 'b', 'running')") }
        }
        #expect(throws: DatabaseError.self) {   // done without a finish time
            try db.pool.write { try $0.execute(sql: "INSERT INTO jobs (name, started_at, status) VALUES ('x', 'a', 'succeeded')") }
        }
    }

    @Test func historyIsBoundedPerJob() throws {
        let jobs = try database().jobs
        let other = try jobs.start(name: "other", at: t0)
        try jobs.finish(id: other, status: .succeeded, items: 0, error: nil, at: t0)
        for i in 0..<(JobStore.keepPerJob + 5) {
            let id = try jobs.start(name: "busy", at: t0.addingTimeInterval(Double(i)))
            try jobs.finish(id: id, status: .succeeded, items: i, error: nil, at: t0.addingTimeInterval(Double(i)))
        }
        let kept = try jobs.runs(of: "busy", limit: 1000)
        #expect(kept.count == JobStore.keepPerJob && kept.first?.items == JobStore.keepPerJob + 4)
        #expect(try jobs.runs(of: "other").count == 1)
    }

    @Test func theRefreshQueueIsLeastRecentlyRefreshedFirst() throws {
        let db = try database()
        try db.pool.write { db in
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, updated_at) VALUES (1, 'Old Movie', 2000, '2026-01-01 00:00:00')")
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, updated_at) VALUES (2, 'New Movie', 2000, '2026-02-05 00:00:00')")
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title, status, updated_at) VALUES (10, 'Running', 'continuing', '2026-01-03 00:00:00')")
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title, status, updated_at) VALUES (11, 'Over', 'ended', '2026-01-02 00:00:00')")
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title, status, monitored, updated_at) VALUES (12, 'Ignored', 'continuing', 0, '2026-01-01 00:00:00')")
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title, status, updated_at) VALUES (13, 'Soon', 'upcoming', '2026-01-04 00:00:00')")
            try db.execute(sql: "INSERT INTO artists (mbid, name, updated_at) VALUES ('a', 'Band', '2026-01-05 00:00:00')")
            try db.execute(sql: "INSERT INTO artists (mbid, name, monitored, updated_at) VALUES ('b', 'Quiet', 0, '2026-01-01 12:00:00')")
        }
        let queue = db.refreshQueue
        #expect(try queue.everything(limit: 4).map(\.title) == ["Old Movie", "Ignored", "Quiet", "Over"])
        #expect(try queue.everything(limit: 100).count == 8)
        #expect(try queue.continuingShows(limit: 10).map(\.title) == ["Running", "Soon"])
        #expect(try queue.continuingShows(limit: 1).map(\.title) == ["Running"])
        #expect(try queue.monitoredArtists(limit: 10) == [RefreshQueueStore.Item(kind: .artist, id: 1, title: "Band")])
    }
}
