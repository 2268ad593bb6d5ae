import Foundation
import GRDB

/// The order of recent lists — every id of a list query, sorted as the list is — remembered per
/// database connection until the database changes. A page then is 50 row lookups by id, and the
/// total is the count of ids, instead of SQLite ordering again for each page:
/// - a search ranks every match with bm25 (position lists and column sizes of 2,000–7,000 matches
///   for a common word in a 20,000-movie library: 3–10 ms), and each next page, a second tab or
///   another user asking the same words ranked everything again;
/// - a deep page walked `OFFSET` index entries (10,000 on average over a 20,000-movie library)
///   and counted the table on every request.
///
/// Validity is exact, not a timeout: an order is used only on the same connection (held weakly:
/// one that was closed never matches) and at the same `PRAGMA data_version`, which SQLite changes
/// on that connection whenever any other connection — lcarsd, another worker, this process's
/// writer — commits. It is read in the same read transaction as the ids, so both describe one
/// snapshot.
final class ListOrders: @unchecked Sendable {
    static let shared = ListOrders()
    /// Bounds: at most `maxEntries` lists and `maxIDs` ids (8 bytes each: 2 MiB) remembered; past
    /// either, the older half goes. A list longer than `maxListIDs` is not kept (SQL pages it).
    let maxEntries: Int
    let maxIDs: Int
    let maxListIDs: Int

    init(maxEntries: Int = 64, maxIDs: Int = 262_144, maxListIDs: Int = 65_536) {
        self.maxEntries = maxEntries
        self.maxIDs = maxIDs
        self.maxListIDs = maxListIDs
    }

    private struct Entry {
        weak var connection: Database?
        let version: Int64
        /// nil: the list is longer than `maxListIDs` at this version.
        let ids: [Int64]?
        let serial: Int
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var idCount = 0
    private var serial = 0

    /// The ids `sql` selects (in its order), or nil when there are more than `maxListIDs`: then
    /// the caller pages with SQL. `sql` selects one id column and has no LIMIT.
    func ids(_ db: Database, sql: String, arguments: StatementArguments, key: String) throws -> [Int64]? {
        let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? -1
        if let known = remembered(key, connection: db, version: version) { return known.ids }
        let ids = try Int64.fetchAll(db.cachedStatement(sql: sql + " LIMIT \(maxListIDs + 1)"), arguments: arguments)
        let kept = ids.count > maxListIDs ? nil : ids
        remember(key, kept, connection: db, version: version)
        return kept
    }

    var count: Int { lock.withLock { entries.count } }

    private func remembered(_ key: String, connection: Database, version: Int64) -> Entry? {
        lock.withLock {
            guard let entry = entries[key], entry.connection === connection, entry.version == version else { return nil }
            return entry
        }
    }

    private func remember(_ key: String, _ ids: [Int64]?, connection: Database, version: Int64) {
        lock.withLock {
            if let old = entries.removeValue(forKey: key) { idCount -= old.ids?.count ?? 0 }
            let size = ids?.count ?? 0
            if entries.count >= maxEntries || idCount + size > maxIDs { dropOlderHalf() }
            serial += 1
            entries[key] = Entry(connection: connection, version: version, ids: ids, serial: serial)
            idCount += size
        }
    }

    private func dropOlderHalf() {
        let keep = entries.sorted { $0.value.serial > $1.value.serial }.prefix(entries.count / 2)
        entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        idCount = entries.values.reduce(0) { $0 + ($1.ids?.count ?? 0) }
    }
}
