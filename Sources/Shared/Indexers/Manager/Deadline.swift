import Foundation

/// Runs an operation with a deadline that holds even when the operation cannot be cancelled
/// (a blocking transfer on its own thread): the caller gets `Deadline.Expired` in time, and the
/// operation finishes, unobserved, on its own.
public enum Deadline {
    public struct Expired: Error, Equatable {
        public let seconds: TimeInterval
    }

    public static func run<T: Sendable>(seconds: TimeInterval, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let once = ResumeOnce<T>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            let work = Task(executorPreference: IndexerExecutor.shared) {
                do { once.resume(.success(try await operation())) } catch { once.resume(.failure(error)) }
            }
            // A GCD timer, not a sleeping task: it fires even while every cooperative thread is busy.
            DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) {
                if once.resume(.failure(Expired(seconds: seconds))) { work.cancel() }
            }
        }
    }
}

/// Resumes a continuation exactly once, whoever comes first.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Error>?
    private var pending: Result<T, Error>?

    func set(_ continuation: CheckedContinuation<T, Error>) {
        lock.lock()
        if let pending {
            lock.unlock()
            continuation.resume(with: pending)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    /// True when this call delivered the result.
    @discardableResult
    func resume(_ result: Result<T, Error>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let continuation {
            self.continuation = nil
            pending = .failure(CancellationError())   // marks "done" for a late set()
            continuation.resume(with: result)
            return true
        }
        if pending != nil { return false }
        pending = result
        return true
    }
}
