import Dispatch

/// A serial queue that owns some state (the download manager's: libtorrent and the `downloads`
/// rows). Everything that touches that state runs here, one job at a time, so it needs no lock;
/// the control server `await`s a job instead of running it on a NIO event loop.
final class OwnerQueue: Sendable {
    let queue: DispatchQueue

    init(label: String) { queue = DispatchQueue(label: label) }

    /// Runs `job` on the queue; the caller's task is suspended (no thread waits) until it answers.
    func perform<T: Sendable>(_ job: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result(catching: job)) }
        }
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
