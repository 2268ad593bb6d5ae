import Foundation
import Control
import Core
import Persistence

/// Starting and finishing runs, and what `jobs.list` / `jobs.run` answer. Everything here runs on
/// the scheduler's queue except a job's work, which runs on the job's own queue.
extension Scheduler {
    /// `jobs.run`: starts the job now. 404 for a job lcarsd does not have, 409 while it runs.
    func runNow(_ name: String) throws -> JobCommand.JobView {
        owner.assertOnQueue()
        guard let job = jobs.first(where: { $0.name == name }) else {
            throw DomainError.notFound("no job named \"\(name)\"; lcarsd runs: \(jobs.map(\.name).joined(separator: ", "))")
        }
        if let run = running[name] {
            throw DomainError.conflict("\(name) is already running (run \(run.id), started \(SQLiteTime.iso8601(run.startedAt))); try again when it has finished",
                                       code: "conflict")
        }
        guard !stopped else { throw DomainError.unavailable("lcarsd is stopping; no new runs start") }
        try begin(job, at: now())
        return try view(job, lastRuns: store.lastRuns())
    }

    /// `jobs.list`: every job lcarsd runs, in order.
    func list() throws -> [JobCommand.JobView] {
        owner.assertOnQueue()
        let last = try store.lastRuns()
        return jobs.map { view($0, lastRuns: last) }
    }

    func view(_ job: ScheduledJob, lastRuns: [String: JobRunRecord]) -> JobCommand.JobView {
        let last = lastRuns[job.name].map {
            JobCommand.RunView(started_at: SQLiteTime.iso8601($0.startedAt), finished_at: $0.finishedAt.map(SQLiteTime.iso8601),
                               status: $0.status, items: $0.items, error: $0.error)
        }
        return JobCommand.JobView(name: job.name, schedule: job.schedule.text, next_run_at: stopped ? nil : nextFire[job.name].map { SQLiteTime.iso8601($0) },
                                  running: running[job.name] != nil, last_run: last)
    }

    /// A scheduled or missed run: a failure to record it is logged (the next fire time tries again).
    func beginLogged(_ job: ScheduledJob, at t: Date) {
        do { try begin(job, at: t) }
        catch { logger.error("cannot start job", metadata: ["job": "\(job.name)", "error": "\(error)"]) }
    }

    /// Records the run (`running`), publishes `job:started`, and queues the work on the job's queue;
    /// when the work ends, its outcome is recorded back here.
    func begin(_ job: ScheduledJob, at t: Date) throws {
        owner.assertOnQueue()
        let id = try store.start(name: job.name, at: t)
        let publish = self.publish
        let run = JobRun(name: job.name, id: id, startedAt: t) { run, items, total in
            publish(.jobProgress(run, items: items, total: total))
        }
        running[job.name] = run
        publish(.jobStarted(run))
        logger.info("job started", metadata: ["job": "\(job.name)", "run": "\(id)"])
        workers[job.name]?.async { [self] in
            let outcome = Self.perform(job, run)
            owner.submit { self.finish(run, outcome) }
        }
    }

    typealias Outcome = (status: JobRunStatus, items: Int, error: String?)

    /// Runs the work and turns how it ended into the run's record.
    static func perform(_ job: ScheduledJob, _ run: JobRun) -> Outcome {
        do {
            return (.succeeded, try job.body(run), nil)
        } catch let failed as JobRun.Failed {
            return (.failed, failed.items, failed.description)
        } catch {
            return (.failed, run.items, message(error))
        }
    }

    static func message(_ error: Error) -> String {
        switch error {
        case let domain as DomainError: domain.message
        case let convertible as DomainErrorConvertible: convertible.domainError.message
        default: "\(error)"
        }
    }

    private func finish(_ run: JobRun, _ outcome: Outcome) {
        owner.assertOnQueue()
        let t = now()
        do { try store.finish(id: run.id, status: outcome.status, items: outcome.items, error: outcome.error, at: t) }
        catch { logger.error("cannot record the end of a job run", metadata: ["job": "\(run.name)", "run": "\(run.id)", "error": "\(error)"]) }
        running[run.name] = nil
        publish(.jobFinished(run, status: outcome.status, items: outcome.items, error: outcome.error, at: t))
        logger.notice("job finished", metadata: ["job": "\(run.name)", "run": "\(run.id)", "status": "\(outcome.status.rawValue)",
                                                 "items": "\(outcome.items)", "error": "\(outcome.error ?? "")"])
    }
}
