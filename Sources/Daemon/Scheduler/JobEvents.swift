import Foundation
import Core

/// The scheduler's live events (docs/api.md "Live events"): `job:started`, `job:progress`,
/// `job:finished`. Times are ISO 8601 (UTC).
extension LiveEvent {
    struct JobStarted: Encodable {
        let name: String, run_id: Int64, started_at: String
    }
    static func jobStarted(_ run: JobRun) -> LiveEvent {
        LiveEvent(name: "job:started", payload: JobStarted(name: run.name, run_id: run.id, started_at: SQLiteTime.iso8601(run.startedAt)))
    }

    struct JobProgress: Encodable {
        let name: String, run_id: Int64, items: Int, total: Int?
    }
    static func jobProgress(_ run: JobRun, items: Int, total: Int?) -> LiveEvent {
        LiveEvent(name: "job:progress", payload: JobProgress(name: run.name, run_id: run.id, items: items, total: total))
    }

    struct JobFinished: Encodable {
        let name: String, run_id: Int64, status: JobRunStatus, items: Int, error: String?, started_at: String, finished_at: String
    }
    static func jobFinished(_ run: JobRun, status: JobRunStatus, items: Int, error: String?, at finishedAt: Date) -> LiveEvent {
        LiveEvent(name: "job:finished", payload: JobFinished(name: run.name, run_id: run.id, status: status, items: items, error: error,
                                                             started_at: SQLiteTime.iso8601(run.startedAt), finished_at: SQLiteTime.iso8601(finishedAt)))
    }
}
