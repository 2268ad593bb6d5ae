import Foundation
import GRDB
import Core
import Releases

/// The owner of `blocklist`: releases that must never be grabbed again. An admin lists, adds and
/// removes entries; a grab looks one up by hash or exact title; ranking gets them all.
public struct BlocklistStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Newest first.
    public func list() throws -> [BlocklistEntry] {
        try pool.read { try BlocklistEntry.order(Column("id").desc).fetchAll($0) }
    }

    /// Adds an entry after checking it (422) and that its hash is not listed yet (409).
    @discardableResult
    public func add(_ entry: BlocklistEntry) throws -> BlocklistEntry {
        var entry = entry
        try Self.validate(&entry)
        return try pool.write { db in
            if let hash = entry.infoHash, try BlocklistEntry.filter(Column("info_hash") == hash).fetchCount(db) > 0 {
                throw DomainError.conflict("info hash \(hash) is already on the blocklist")
            }
            try entry.insert(db)
            return entry
        }
    }

    /// Allows a release again.
    public func remove(id: Int64) throws {
        let removed = try pool.write { try BlocklistEntry.deleteOne($0, key: id) }
        guard removed else { throw DomainError.notFound("no blocklist entry \(id)") }
    }

    /// The entry that blocks a release with this hash, or with exactly this title.
    public func entry(infoHash: String?, title: String?) throws -> BlocklistEntry? {
        try pool.read { db in
            try BlocklistEntry.filter(sql: "(info_hash IS NOT NULL AND info_hash = ?) OR (? IS NOT NULL AND title = ?)",
                                      arguments: [infoHash?.lowercased(), title, title]).fetchOne(db)
        }
    }

    /// Fills a ranking target's blocked hashes and titles.
    public func apply(to target: inout RankingTarget) throws {
        let rows = try pool.read { try Row.fetchAll($0, sql: "SELECT info_hash, title FROM blocklist") }
        for row in rows {
            if let hash = row[0] as String? { target.blockedHashes.insert(hash) }
            target.blockedTitles.insert(row[1])
        }
    }

    static func validate(_ entry: inout BlocklistEntry) throws {
        entry.title = entry.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...1000).contains(entry.title.count) else { throw DomainError.validation("title must be 1 to 1000 characters", field: "title") }
        if let hash = entry.infoHash {
            guard let normalized = Magnet.normalizeHash(hash) else {
                throw DomainError.validation("info_hash must be 40 hex digits (a v1 hash; 32 in base32) or 64 (a v2 hash)", field: "info_hash")
            }
            entry.infoHash = normalized
        }
        if let type = entry.mediaType, !MediaKind.downloadable.map(\.rawValue).contains(type) {
            throw DomainError.validation("media_type must be one of \(MediaKind.words(MediaKind.downloadable))", field: "media_type")
        }
        entry.reason = entry.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if entry.reason.isEmpty { entry.reason = "marked bad" }
        guard entry.reason.count <= 500 else { throw DomainError.validation("reason must be at most 500 characters", field: "reason") }
    }
}

extension AppDatabase {
    public var blocklist: BlocklistStore { BlocklistStore(pool: pool) }
}
