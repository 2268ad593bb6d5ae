import Core

/// lcarsd's scheduler commands (docs/ipc.md "Job commands"), shared by the daemon that answers
/// them and the responders that ask (`GET /api/system/jobs`, `POST /api/system/jobs/:name/run`).
public enum JobCommand {
    /// `{}` → `[JobView]`, in the order lcarsd runs them.
    public static let list = "jobs.list"
    /// `{name}` → the `JobView` with the run just started; `not_found` for a job lcarsd does not
    /// have, `conflict` while that job runs.
    public static let run = "jobs.run"

    public struct RunArgs: Codable, Sendable {
        public var name: String
        public init(name: String) { self.name = name }
    }

    /// One job: its schedule, when it fires next, whether it runs now, and its latest run.
    public struct JobView: Codable, Sendable, Equatable {
        public var name: String
        public var schedule: String
        /// ISO 8601 (UTC); null while lcarsd is stopping.
        public var next_run_at: String?
        public var running: Bool
        public var last_run: RunView?

        public init(name: String, schedule: String, next_run_at: String?, running: Bool, last_run: RunView?) {
            self.name = name
            self.schedule = schedule
            self.next_run_at = next_run_at
            self.running = running
            self.last_run = last_run
        }
    }

    /// One run as the API shows it (times ISO 8601, UTC).
    public struct RunView: Codable, Sendable, Equatable {
        public var started_at: String
        public var finished_at: String?
        public var status: JobRunStatus
        public var items: Int
        public var error: String?

        public init(started_at: String, finished_at: String?, status: JobRunStatus, items: Int, error: String?) {
            self.started_at = started_at
            self.finished_at = finished_at
            self.status = status
            self.items = items
            self.error = error
        }
    }
}
