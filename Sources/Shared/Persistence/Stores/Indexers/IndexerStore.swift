import Foundation
import GRDB
import Core
import Releases

/// The owner of `indexers`: the admin's changes (checked by `IndexerChanges`), the search's reads
/// of the enabled rows, and what a search or test writes back (`last_check`, `last_error`).
/// Secrets sent back masked (as the API shows them) leave the stored value unchanged.
public struct IndexerStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    public static let categoryNames = ["movies", "tv", "music"]

    /// Every row, best priority first (lower number first).
    public func list() throws -> [IndexerRecord] {
        try pool.read { try IndexerRecord.order(Column("priority"), Column("id")).fetchAll($0) }
    }

    /// Enabled rows that allow this media type, best priority first.
    public func enabled(for type: SearchQuery.MediaType) throws -> [IndexerRecord] {
        try pool.read { try IndexerRecord.filter(Column("enabled") == true).order(Column("priority"), Column("id")).fetchAll($0) }
            .filter { $0.allows(type) }
    }

    /// The row with this id; 404 when there is none.
    public func find(id: Int64) throws -> IndexerRecord {
        guard let row = try pool.read({ try IndexerRecord.fetchOne($0, key: id) }) else { throw Self.notFound(id) }
        return row
    }

    /// The row with this name in any case, or nil (a cached release names its indexer).
    public func find(name: String) async throws -> IndexerRecord? {
        try await pool.read { try IndexerRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [name]).fetchOne($0) }
    }

    public func create(_ changes: IndexerChanges) throws -> IndexerRecord {
        try pool.write { db in
            var row = try changes.newRecord()
            try changes.validate(db, &row)
            try row.insert(db)
            return row
        }
    }

    public func update(id: Int64, _ changes: IndexerChanges) throws -> IndexerRecord {
        try pool.write { db in
            guard var row = try IndexerRecord.fetchOne(db, key: id) else { throw Self.notFound(id) }
            try changes.apply(to: &row)
            try changes.validate(db, &row)
            try row.update(db)
            return row
        }
    }

    public func delete(id: Int64) throws {
        guard try pool.write({ try IndexerRecord.deleteOne($0, key: id) }) else { throw Self.notFound(id) }
    }

    /// What a search or test found out: `last_check` = now for each indexer asked, `last_error`
    /// its error or null — all in one transaction.
    public func recordChecks(_ checks: [(id: Int64, error: String?)], now: Date = Date()) async throws {
        guard !checks.isEmpty else { return }
        let time = SQLiteTime.format(now)
        try await pool.write { db in
            for check in checks {
                try db.execute(sql: "UPDATE indexers SET last_check = ?, last_error = ? WHERE id = ?", arguments: [time, check.error, check.id])
            }
        }
    }

    static func notFound(_ id: Int64) -> DomainError { .notFound("indexer \(id) does not exist") }
}

extension AppDatabase {
    public var indexers: IndexerStore { IndexerStore(pool: pool) }
}
