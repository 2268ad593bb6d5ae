import Foundation
import Core

/// A job the scheduler runs: its name (the `[scheduler]` key), its schedule, and its work. The
/// work runs on the job's own queue (never on an event loop or the download manager's queue), may
/// block on HTTP and SQLite, and returns how many items it processed.
struct ScheduledJob: Sendable {
    let name: String
    let schedule: CronExpression
    let body: @Sendable (JobRun) throws -> Int
}

/// What a running job sees: where to report progress, and whether lcarsd is stopping (a job checks
/// between items and ends early, throwing `JobRun.Stopped`).
final class JobRun: @unchecked Sendable {
    let name: String
    let id: Int64
    let startedAt: Date
    private let lock = NSLock()
    private var stopping = false
    private var processed = 0
    private let report: @Sendable (JobRun, Int, Int?) -> Void

    init(name: String, id: Int64, startedAt: Date, report: @escaping @Sendable (JobRun, Int, Int?) -> Void) {
        self.name = name
        self.id = id
        self.startedAt = startedAt
        self.report = report
    }

    /// `items` processed so far (of `total`, when known): a `job:progress` event.
    func progress(items: Int, total: Int?) {
        lock.withLock { processed = items }
        report(self, items, total)
    }

    var items: Int { lock.withLock { processed } }
    var isStopping: Bool { lock.withLock { stopping } }
    func requestStop() { lock.withLock { stopping = true } }

    /// Thrown by a job that ended early because lcarsd is stopping.
    struct Stopped: Error, CustomStringConvertible {
        var description: String { "stopped: lcarsd shut down during the run" }
    }

    /// Thrown by a job that ran to its end but with failures (the run is recorded `failed` with
    /// this message and the items it did process).
    struct Failed: Error, CustomStringConvertible {
        let items: Int
        let description: String
    }
}
