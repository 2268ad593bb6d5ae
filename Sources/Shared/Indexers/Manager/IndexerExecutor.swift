import Dispatch

/// Where indexer work runs: a serial dispatch queue of its own instead of Swift's cooperative pool,
/// which has one thread per core (two here) and stalls when other code blocks those threads. Jobs
/// here never block (transfers run on their own threads, waits are timers), so one thread serves
/// every indexer, and a deadline or a fast indexer is never queued behind unrelated work.
public final class IndexerExecutor: TaskExecutor, @unchecked Sendable {
    public static let shared = IndexerExecutor()
    private let queue = DispatchQueue(label: "lcars.indexers")

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
