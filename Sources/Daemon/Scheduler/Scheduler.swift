import Foundation
import Logging
import Core
import Persistence

/// Runs lcarsd's scheduled jobs on time (config `[scheduler]`, six-field cron in lcarsd's local
/// time zone) and on demand (`jobs.run`), recording every run in `jobs` and publishing
/// `job:started` / `job:progress` / `job:finished`.
///
/// Threads (docs/concurrency.md): the scheduler's state — next fire times, the running runs, the
/// timer — belongs to its own serial queue (`owner`, label `lcarsd.scheduler`); the control
/// commands `jobs.list` / `jobs.run` run there too. Each job's work runs on that job's own serial
/// queue (`lcarsd.job.<name>`), so it never blocks an event loop, the download manager, or another
/// job, and a job never overlaps itself: while a run is in progress, its fire times are skipped
/// and `jobs.run` answers `conflict`.
final class Scheduler: @unchecked Sendable {
    let owner = OwnerQueue(label: "lcarsd.scheduler")
    let jobs: [ScheduledJob]
    let store: JobStore
    let publish: @Sendable (LiveEvent) -> Void
    let now: @Sendable () -> Date
    let zone: ScheduleZone
    let logger: Logger
    /// Each job's own queue, where its work runs.
    let workers: [String: DispatchQueue]

    // Confined to `owner`.
    var nextFire: [String: Date] = [:]
    var running: [String: JobRun] = [:]
    var stopped = false
    private var timer: DispatchSourceTimer?

    /// `now` and `zone` are the seams tests set (a fake clock; UTC).
    init(jobs: [ScheduledJob], store: JobStore, publish: @escaping @Sendable (LiveEvent) -> Void, logger: Logger,
         zone: ScheduleZone = .system, now: @escaping @Sendable () -> Date = { Date() }) {
        self.jobs = jobs
        self.store = store
        self.publish = publish
        self.logger = logger
        self.zone = zone
        self.now = now
        workers = Dictionary(uniqueKeysWithValues: jobs.map { ($0.name, DispatchQueue(label: "lcarsd.job.\($0.name)")) })
    }

    /// At lcarsd's start: runs a crash or stop left `running` become failed ("interrupted"); each
    /// job's next fire time is set; a job whose time came while lcarsd was down (the first fire
    /// time after its last run's start has passed) runs once now. With `timer`, jobs then fire by
    /// themselves; tests leave it off and call `tick()` with their clock.
    func start(timer: Bool = true) throws {
        try owner.sync {
            let t = now()
            let interrupted = try store.failInterrupted(at: t)
            if interrupted > 0 { logger.notice("job runs interrupted by the last stop marked failed", metadata: ["runs": "\(interrupted)"]) }
            let last = try store.lastRuns()
            for job in jobs {
                nextFire[job.name] = job.schedule.next(after: t, in: zone)
                if let run = last[job.name], Self.missed(job, lastStart: run.startedAt, now: t, zone: zone) {
                    logger.notice("running a job whose time passed while lcarsd was down", metadata: ["job": "\(job.name)", "last_run": "\(run.startedAt)"])
                    beginLogged(job, at: t)
                }
            }
            if timer { arm() }
        }
    }

    /// Whether a fire time lies between the job's last start and now. A job that never ran has
    /// missed nothing (a fresh install does not run everything at first start).
    static func missed(_ job: ScheduledJob, lastStart: String, now: Date, zone: ScheduleZone) -> Bool {
        guard let started = SQLiteTime.parse(lastStart), let due = job.schedule.next(after: started, in: zone) else { return false }
        return due <= now
    }

    /// Fires every job whose time has come, as the timer does (for tests, with their clock).
    func tick() { owner.sync { fireDue() } }

    /// Stops firing jobs, asks running ones to end (they check between items) and waits for them up
    /// to `seconds`; a run still going then stays `running` and is failed "interrupted" at the next start.
    func stop(waitingUpTo seconds: Double) {
        let runs = owner.sync { () -> [JobRun] in
            stopped = true
            timer?.cancel()
            timer = nil
            return Array(running.values)
        }
        runs.forEach { $0.requestStop() }
        let group = DispatchGroup()
        for queue in workers.values { queue.async(group: group) {} }
        if group.wait(timeout: .now() + seconds) == .timedOut {
            logger.warning("jobs still running at stop; they will show as interrupted", metadata: ["jobs": "\(runs.map(\.name))"])
            return
        }
        owner.sync {}   // the finished runs' records, queued by their workers, are written
    }

    private func fireDue() {
        owner.assertOnQueue()
        guard !stopped else { return }
        let t = now()
        for job in jobs {
            guard let due = nextFire[job.name], due <= t else { continue }
            nextFire[job.name] = job.schedule.next(after: t, in: zone)
            if let run = running[job.name] {
                logger.info("job still running; this fire time is skipped", metadata: ["job": "\(job.name)", "run": "\(run.id)"])
                continue
            }
            beginLogged(job, at: t)
        }
    }

    /// A wall-clock timer for the earliest next fire time, re-armed after each firing; it wakes at
    /// least once a minute, so a jump of the system clock is noticed within a minute.
    private func arm() {
        owner.assertOnQueue()
        guard !stopped else { return }
        let wait = nextFire.values.min().map { min(max($0.timeIntervalSince(now()), 0), 60) } ?? 60
        timer?.cancel()
        let source = DispatchSource.makeTimerSource(queue: owner.queue)
        source.schedule(wallDeadline: .now() + wait, leeway: .milliseconds(20))
        source.setEventHandler { [weak self] in
            self?.fireDue()
            self?.arm()
        }
        source.resume()
        timer = source
    }
}
