import Dispatch

/// A serial queue that owns some state (the download manager's: libtorrent and the `downloads`
/// rows; the status reads: nothing but their own turn). Everything that touches that state runs here, one job at a time, so it needs no lock;
/// the control server queues a command here and answers when it is done, instead of running it
/// on a NIO event loop.
final class OwnerQueue: Sendable {
    let queue: DispatchQueue

    init(label: String) { queue = DispatchQueue(label: label) }

    /// Queues `job` and returns at once (the control server: the job replies when it is done).
    func submit(_ job: @escaping @Sendable () -> Void) {
        queue.async(execute: job)
    }

    /// Runs `job` on the queue and waits for it: for threads that are not event loops or tasks
    /// (start-up, shutdown, the alert loop).
    func sync<T>(_ job: () throws -> T) rethrows -> T {
        dispatchPrecondition(condition: .notOnQueue(queue))
        return try queue.sync(execute: job)
    }

    /// Traps in debug builds when called off the queue (a job touching owned state from elsewhere).
    func assertOnQueue() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
