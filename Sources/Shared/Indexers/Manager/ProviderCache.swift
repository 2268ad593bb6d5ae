import Foundation
import Persistence

/// Providers kept between searches in one process, so that what they learn lasts: Torznab caps,
/// a Rutracker session, the HTTP client's open connections. A row whose settings change gets a
/// new provider; an entry is rebuilt after `lifetime` (caps and sessions do change, slowly).
final class ProviderCache: @unchecked Sendable {
    private struct Entry {
        let key: String
        let provider: ReleaseProvider
        let created: Date
    }

    private let lock = NSLock()
    private var entries: [Int64: Entry] = [:]
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 3600) { self.lifetime = lifetime }

    func provider(for row: IndexerRecord, make: (IndexerRecord) throws -> ReleaseProvider) throws -> ReleaseProvider {
        guard let id = row.id else { return try make(row) }
        let key = [row.name, row.indexerType, row.url, row.apiKey ?? "", row.username ?? "", row.password ?? ""].joined(separator: "\u{1}")
        if let entry = lock.withLock({ entries[id] }), entry.key == key, Date().timeIntervalSince(entry.created) < lifetime {
            return entry.provider
        }
        let provider = try make(row)
        lock.withLock { entries[id] = Entry(key: key, provider: provider, created: Date()) }
        return provider
    }
}
