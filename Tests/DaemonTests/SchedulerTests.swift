import Foundation
import Logging
import Testing
@testable import Core
@testable import Control
@testable import Daemon
@testable import Persistence

/// lcarsd's scheduler with a hand-moved clock (no timer, no sleeps): a job never overlaps itself,
/// a run missed while lcarsd was down runs once at start, runs left `running` are failed
/// "interrupted", every run is recorded and published, and `jobs.run` / `jobs.list` answer.
@Suite struct SchedulerTests {
    @Test func aJobNeverOverlapsItself() async throws {
        let clock = TestClock("2026-03-01 02:00:00")
        let gate = Gate()
        let slow = try job("slow", "* * * * * *") { run in
            gate.entered.signal()
            gate.open.wait()
            run.progress(items: 1, total: 1)
            return 1
        }
        let (scheduler, db, events) = try makeScheduler([slow], clock: clock)
        try scheduler.start(timer: false)
        clock.advance(1)
        scheduler.tick()                               // 02:00:01: the run starts
        #expect(gate.waitEntered())
        for _ in 0..<3 {                               // its next fire times come while it runs: skipped
            clock.advance(1)
            scheduler.tick()
        }
        let again = await scheduler.command(JobCommand.run, .object(["name": .string("slow")]))
        #expect(again.error?.code == "conflict")
        #expect(again.error?.message.hasPrefix("slow is already running (run 1, started 2026-03-01T02:00:01Z)") == true)
        let listed = try #require(await scheduler.command(JobCommand.list).result).decode([JobCommand.JobView].self)
        #expect(listed.first?.running == true && listed.first?.last_run?.status == .running && listed.first?.last_run?.finished_at == nil)
        #expect(try db.jobs.runs(of: "slow").count == 1)

        gate.open.signal()
        scheduler.drain()
        let runs = try db.jobs.runs(of: "slow")
        #expect(runs.count == 1 && runs[0].status == .succeeded && runs[0].items == 1 && runs[0].finishedAt == "2026-03-01 02:00:04")
        #expect(events.names == ["job:started", "job:progress", "job:finished"])

        clock.advance(1)                               // free again: the next fire time runs it
        scheduler.tick()
        #expect(gate.waitEntered())
        gate.open.signal()
        scheduler.drain()
        #expect(try db.jobs.runs(of: "slow").map(\.status) == [.succeeded, .succeeded])
    }

    @Test func aRunMissedWhileDownRunsOnceAtStart() async throws {
        let clock = TestClock("2026-03-01 03:30:00")
        let count = Counter()
        let hourly = try job("hourly", "0 0 * * * *") { _ in count.bump(); return 7 }
        let recent = try job("recent", "0 0 * * * *") { _ in count.bump(); return 0 }
        let fresh = try job("fresh", "0 0 * * * *") { _ in count.bump(); return 0 }
        let db = try makeDownloadsDatabase()
        // hourly last ran at 01:00: 02:00 and 03:00 passed while lcarsd was down.
        try db.jobs.finish(id: db.jobs.start(name: "hourly", at: SQLiteTime.parse("2026-03-01 01:00:00")!),
                           status: .succeeded, items: 1, error: nil, at: SQLiteTime.parse("2026-03-01 01:00:09")!)
        // recent started at 03:00:00, its latest fire time: nothing missed.
        try db.jobs.finish(id: db.jobs.start(name: "recent", at: SQLiteTime.parse("2026-03-01 03:00:00")!),
                           status: .succeeded, items: 1, error: nil, at: SQLiteTime.parse("2026-03-01 03:00:05")!)
        let (scheduler, _, events) = try makeScheduler([hourly, recent, fresh], database: db, clock: clock)
        try scheduler.start(timer: false)
        scheduler.drain()
        #expect(count.value == 1)                          // once, though two fire times were missed
        let runs = try db.jobs.runs(of: "hourly")
        #expect(runs.count == 2 && runs[0].startedAt == "2026-03-01 03:30:00" && runs[0].status == .succeeded && runs[0].items == 7)
        #expect(try db.jobs.runs(of: "recent").count == 1)
        #expect(try db.jobs.runs(of: "fresh").isEmpty)      // never ran: a fresh install runs nothing at start
        #expect(events.names == ["job:started", "job:finished"])

        let listed = try #require(await scheduler.command(JobCommand.list).result).decode([JobCommand.JobView].self)
        #expect(listed.map(\.name) == ["hourly", "recent", "fresh"])
        #expect(listed.allSatisfy { $0.next_run_at == "2026-03-01T04:00:00Z" && !$0.running && $0.schedule == "0 0 * * * *" })
        #expect(listed[0].last_run == JobCommand.RunView(started_at: "2026-03-01T03:30:00Z", finished_at: "2026-03-01T03:30:00Z",
                                                         status: .succeeded, items: 7, error: nil))
        #expect(listed[2].last_run == nil)

        clock.set("2026-03-01 03:59:59")
        scheduler.tick()
        scheduler.drain()
        #expect(count.value == 1)
        clock.set("2026-03-01 04:00:00")
        scheduler.tick()
        scheduler.drain()
        #expect(count.value == 4)                          // all three at 04:00
    }

    /// A run a crash left `running` is failed "interrupted". It is not re-run just for that (a job
    /// that crashed lcarsd would crash it again at every restart): only a fire time missed since its
    /// start makes it run at start.
    @Test func runsACrashLeftRunningAreFailedAsInterrupted() throws {
        let db = try makeDownloadsDatabase()
        _ = try db.jobs.start(name: "nightly", at: SQLiteTime.parse("2026-03-02 02:00:00")!)     // crashed 10 minutes ago
        _ = try db.jobs.start(name: "hourly", at: SQLiteTime.parse("2026-03-02 01:00:00")!)      // crashed; 02:00 missed since
        let count = Counter()
        let jobs = [try job("nightly", "0 0 2 * * *") { _ in count.bump(); return 3 },
                    try job("hourly", "0 0 * * * *") { _ in count.bump(); return 1 }]
        let (scheduler, _, _) = try makeScheduler(jobs, database: db, clock: TestClock("2026-03-02 02:10:00"))
        try scheduler.start(timer: false)
        scheduler.drain()
        let nightly = try db.jobs.runs(of: "nightly")
        #expect(nightly.count == 1 && nightly[0].status == .failed && nightly[0].error == JobStore.interrupted)
        #expect(nightly[0].finishedAt == "2026-03-02 02:10:00")
        let hourly = try db.jobs.runs(of: "hourly")
        #expect(hourly.map(\.status) == [.succeeded, .failed] && hourly[1].error == JobStore.interrupted)
        #expect(count.value == 1)
    }

    @Test func runNowRecordsSuccessFailureAndUnknownNames() async throws {
        let clock = TestClock("2026-03-01 12:00:00")
        let ok = try job("ok", "0 0 2 * * *") { run in run.progress(items: 5, total: 5); return 5 }
        let broken = try job("broken", "0 0 2 * * *") { run in
            run.progress(items: 2, total: 4)
            throw DomainError.upstream("TMDB", "TMDB answered 503")
        }
        let partial = try job("partial", "0 0 2 * * *") { _ in throw JobRun.Failed(items: 9, description: "1 of 10 refreshes failed: x") }
        let (scheduler, db, events) = try makeScheduler([ok, broken, partial], clock: clock)
        try scheduler.start(timer: false)

        let started = try #require(await scheduler.command(JobCommand.run, .object(["name": .string("ok")])).result).decode(JobCommand.JobView.self)
        #expect(started.name == "ok" && started.last_run?.started_at == "2026-03-01T12:00:00Z")
        #expect(started.next_run_at == "2026-03-02T02:00:00Z")
        _ = await scheduler.command(JobCommand.run, .object(["name": .string("broken")]))
        _ = await scheduler.command(JobCommand.run, .object(["name": .string("partial")]))
        scheduler.drain()
        let last = try db.jobs.lastRuns()
        #expect(last["ok"]?.status == .succeeded && last["ok"]?.items == 5 && last["ok"]?.error == nil)
        #expect(last["broken"]?.status == .failed && last["broken"]?.items == 2 && last["broken"]?.error == "TMDB answered 503")
        #expect(last["partial"]?.status == .failed && last["partial"]?.items == 9 && last["partial"]?.error == "1 of 10 refreshes failed: x")
        let finished = events.payloads("job:finished", as: FinishedEvent.self)
        #expect(finished.count == 3)
        let brokenRun = try #require(last["broken"]?.id)
        #expect(finished.contains(FinishedEvent(name: "broken", run_id: brokenRun, status: "failed", items: 2, error: "TMDB answered 503",
                                                started_at: "2026-03-01T12:00:00Z", finished_at: "2026-03-01T12:00:00Z")))

        let unknown = await scheduler.command(JobCommand.run, .object(["name": .string("search_missing")]))
        #expect(unknown.error?.code == "not_found")
        #expect(unknown.error?.message == "no job named \"search_missing\"; lcarsd runs: ok, broken, partial")
        #expect(await scheduler.command(JobCommand.run, .object(["job": .string("ok")])).error?.code == "invalid_argument")
    }

    @Test func stopAsksARunningJobToEndAndStartsNothingAfter() async throws {
        let clock = TestClock("2026-03-01 12:00:00")
        let gate = Gate()
        let looping = try job("looping", "* * * * * *") { run in
            gate.entered.signal()
            var items = 0
            while !run.isStopping {            // a job checks between items
                items += 1
                run.progress(items: items, total: nil)
                _ = gate.open.wait(timeout: .now() + .milliseconds(5))
            }
            throw JobRun.Stopped()
        }
        let (scheduler, db, _) = try makeScheduler([looping], clock: clock)
        try scheduler.start(timer: false)
        _ = await scheduler.command(JobCommand.run, .object(["name": .string("looping")]))
        #expect(gate.waitEntered())
        scheduler.stop(waitingUpTo: 30)
        let run = try #require(try db.jobs.lastRuns()["looping"])
        #expect(run.status == .failed && run.error == "stopped: lcarsd shut down during the run" && run.items >= 1)
        clock.advance(5)
        scheduler.tick()
        scheduler.drain()
        #expect(try db.jobs.runs(of: "looping").count == 1)
        #expect(await scheduler.command(JobCommand.run, .object(["name": .string("looping")])).error?.code == "internal_error")
        let listed = try #require(await scheduler.command(JobCommand.list).result).decode([JobCommand.JobView].self)
        #expect(listed.first?.next_run_at == nil && listed.first?.running == false)
    }
}

/// The real timer and clock: a job due every second fires by itself, twice (the timer re-arms).
@Suite struct SchedulerTimerTests {
    @Test func theTimerFiresJobsByItself() throws {
        let fired = DispatchSemaphore(value: 0)
        let db = try makeDownloadsDatabase()
        let scheduler = Scheduler(jobs: [try job("tick", "* * * * * *") { _ in fired.signal(); return 1 }], store: db.jobs,
                                  publish: { _ in }, logger: .init(label: "test"))
        try scheduler.start()
        defer { scheduler.stop(waitingUpTo: 10) }
        // Timeouts only keep a broken timer from hanging the suite; nothing is timed.
        #expect(fired.wait(timeout: .now() + 30) == .success)
        #expect(fired.wait(timeout: .now() + 30) == .success)
        scheduler.stop(waitingUpTo: 10)
        #expect(try db.jobs.runs(of: "tick").count >= 2)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func bump() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
