import Foundation
import Net
import Persistence
import Releases

/// One indexer's part of a search, and writing what happened back to its row.
struct IndexerResult: Sendable {
    let row: IndexerRecord
    let releases: [ReleaseCandidate]
    let error: String?
    let elapsedMs: Int
    /// Whether last_check/last_error change: not when the indexer was not asked at all.
    let stores: Bool

    var report: IndexerReport? {
        guard let id = row.id else { return nil }
        return IndexerReport(id: id, name: row.name, count: releases.count, error: error, elapsedMs: elapsedMs)
    }
}

extension IndexerManager {
    func searchOne(_ row: IndexerRecord, _ query: SearchQuery) async -> IndexerResult {
        let started = Date()
        let result = await runProvider(row) { provider -> [ReleaseCandidate] in
            guard provider.supports(query.mediaType) else { return [] }
            return try await provider.search(query)
        }
        let elapsed = Self.milliseconds(since: started)
        switch result {
        case .success(let releases):
            return IndexerResult(row: row, releases: releases, error: nil, elapsedMs: elapsed, stores: true)
        case .failure(let error):
            let stores = !(error is Throttled) && !Self.isUnsupported(error)
            return IndexerResult(row: row, releases: [], error: Self.describe(error, indexer: row.name), elapsedMs: elapsed, stores: stores)
        }
    }

    /// Builds the row's provider, waits for its slot (minimum interval) and runs `operation`, all
    /// within `timeout`.
    func runProvider<T: Sendable>(_ row: IndexerRecord, _ operation: @escaping @Sendable (ReleaseProvider) async throws -> T) async -> Result<T, Error> {
        let started = Date()
        do {
            let provider = try providers.provider(for: row, make: makeProvider)
            if let id = row.id {
                guard let slot = try await throttle.reserve(indexerID: id, within: timeout / 2) else {
                    throw Throttled(wait: try await throttle.wait(indexerID: id))
                }
                let delay = slot.timeIntervalSinceNow
                if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
            }
            let remaining = max(0.05, timeout - Date().timeIntervalSince(started))
            return .success(try await Deadline.run(seconds: remaining) { try await operation(provider) })
        } catch is Deadline.Expired {
            return .failure(Deadline.Expired(seconds: timeout))   // the whole budget, as configured
        } catch {
            return .failure(error)
        }
    }

    /// last_check = now for every indexer that was asked; last_error = its error or null.
    func record(_ results: [IndexerResult]) async throws {
        let checks = results.filter(\.stores).compactMap { result in result.row.id.map { (id: $0, error: result.error) } }
        try await database.indexers.recordChecks(checks)
    }

    struct Throttled: Error, CustomStringConvertible {
        let wait: TimeInterval
        var description: String {
            "not asked: its minimum interval (indexers.min_interval_ms) allows the next request in \(String(format: "%.1f", wait)) s"
        }
    }

    static func isUnsupported(_ error: Error) -> Bool {
        if case ProviderError.notSupported = error { return true }
        return false
    }

    /// A message that names the indexer once, never an API key (HTTP errors carry the path only).
    static func describe(_ error: Error, indexer: String) -> String {
        let text: String
        switch error {
        case let expired as Deadline.Expired:
            text = "no answer within \(HTTPClientError.format(expired.seconds)) s (indexers.timeout_ms); left out of the results"
        case let failure as HTTPClientError:
            // curl's own timeout is the indexer deadline too: whichever fires first, one message.
            text = failure.isTimeout
                ? "no answer within \(HTTPClientError.format(failure.kind.timeoutSeconds)) s (indexers.timeout_ms); left out of the results"
                : "\(failure.method) \(failure.path): \(failure.what)"
        default:
            text = "\(error)"
        }
        return text.hasPrefix(indexer + ":") ? text : "\(indexer): \(text)"
    }

    static func milliseconds(since start: Date) -> Int { Int((Date().timeIntervalSince(start) * 1000).rounded()) }
}

extension HTTPClientError.Kind {
    var timeoutSeconds: Double { if case .timeout(let s) = self { s } else { 0 } }
}
