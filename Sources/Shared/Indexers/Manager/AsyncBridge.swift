import Foundation
import Core

/// Responders are synchronous FastCGI workers and lcarsd's jobs run on their own queues; the
/// indexer code is async. This runs an async operation to completion from such a thread (which is
/// not one of Swift's cooperative threads, so blocking it starves nothing). Every operation passed here carries its own deadline.
public enum AsyncBridge {
    public static func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: IndexerExecutor.shared) {
            do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?   // written once before the semaphore is signalled, read after
}
