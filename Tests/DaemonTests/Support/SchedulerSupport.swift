import Foundation
import Logging
@testable import Core
@testable import Control
@testable import Daemon
@testable import Persistence

/// A clock the test moves by hand (the scheduler's `now` seam).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ text: String) { current = SQLiteTime.parse(text)! }
    var now: Date { lock.withLock { current } }
    func set(_ text: String) { lock.withLock { current = SQLiteTime.parse(text)! } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// The live events a scheduler published, in order.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [LiveEvent] = []
    func append(_ event: LiveEvent) { lock.withLock { events.append(event) } }
    var names: [String] { lock.withLock { events.map(\.name) } }
    func payloads<T: Decodable>(_ name: String, as: T.Type) -> [T] {
        lock.withLock { events.filter { $0.name == name }.compactMap { try? JSONDecoder().decode(T.self, from: $0.json) } }
    }
}

/// `job:finished` as a client reads it.
struct FinishedEvent: Decodable, Equatable {
    let name: String, run_id: Int64, status: String, items: Int, error: String?, started_at: String, finished_at: String
}

/// A job body that waits until the test opens the gate, and says when it has entered.
final class Gate: @unchecked Sendable {
    let entered = DispatchSemaphore(value: 0)
    let open = DispatchSemaphore(value: 0)
    /// Waits for the job to be inside its work; the timeout only keeps a broken test from hanging.
    func waitEntered() -> Bool { entered.wait(timeout: .now() + 30) == .success }
}

extension Scheduler {
    /// Waits until every run started so far has finished and been recorded: each job's queue has
    /// done its work (which queued the record on the scheduler's queue), then the scheduler's queue.
    func drain() {
        for queue in workers.values { queue.sync {} }
        owner.sync {}
    }

    /// A command answered as lcarsd's control server answers it.
    func command(_ cmd: String, _ args: JSONValue = .object([:])) async -> ControlResponse {
        await ControlCommands(ControlCommands.jobCommands(self)).handle(ControlRequest(id: 1, cmd: cmd, args: args))
    }
}

/// A scheduler over a fresh database with a test clock (UTC) and an event log.
func makeScheduler(_ jobs: [ScheduledJob], database: AppDatabase? = nil, clock: TestClock) throws -> (Scheduler, AppDatabase, EventLog) {
    let db = try database ?? makeDownloadsDatabase()
    let events = EventLog()
    let scheduler = Scheduler(jobs: jobs, store: db.jobs, publish: { events.append($0) }, logger: Logger(label: "test"),
                              zone: .named(TimeZone(identifier: "UTC")!), now: { clock.now })
    return (scheduler, db, events)
}

func job(_ name: String, _ cron: String, _ body: @escaping @Sendable (JobRun) throws -> Int) throws -> ScheduledJob {
    ScheduledJob(name: name, schedule: try CronExpression(cron), body: body)
}
