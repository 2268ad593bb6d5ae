import Foundation
import GRDB
import Core
import Releases

/// A row of `blocklist`: a release that must never be grabbed again.
public struct BlocklistEntry: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "blocklist"
    public var id: Int64?
    public var infoHash: String?
    public var title: String
    public var indexer: String?
    public var mediaType: String?
    public var mediaId: Int64?
    public var reason: String
    public var addedBy: Int64?
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, title, indexer, reason
        case infoHash = "info_hash", mediaType = "media_type", mediaId = "media_id", addedBy = "added_by", createdAt = "created_at"
    }

    public init(infoHash: String?, title: String, indexer: String? = nil, mediaType: String? = nil, mediaId: Int64? = nil,
                reason: String, addedBy: Int64? = nil, now: Date = Date()) {
        self.infoHash = infoHash?.lowercased()
        self.title = title
        self.indexer = indexer
        self.mediaType = mediaType
        self.mediaId = mediaId
        self.reason = reason
        self.addedBy = addedBy
        self.createdAt = SQLiteTime.format(now)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Reading and changing the blocklist, and handing it to ranking.
public enum Blocklist {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        case notFound(id: Int64)
        case duplicate(infoHash: String)

        public var description: String {
            switch self {
            case let .invalid(why): why
            case let .notFound(id): "no blocklist entry \(id)"
            case let .duplicate(hash): "info hash \(hash) is already on the blocklist"
            }
        }
    }

    public static func list(_ db: Database) throws -> [BlocklistEntry] {
        try BlocklistEntry.order(Column("id").desc).fetchAll(db)
    }

    @discardableResult
    public static func add(_ db: Database, _ entry: BlocklistEntry) throws -> BlocklistEntry {
        var entry = entry
        try validate(&entry)
        if let hash = entry.infoHash, try BlocklistEntry.filter(Column("info_hash") == hash).fetchCount(db) > 0 {
            throw Failure.duplicate(infoHash: hash)
        }
        try entry.insert(db)
        return entry
    }

    public static func remove(_ db: Database, id: Int64) throws {
        guard try BlocklistEntry.deleteOne(db, key: id) else { throw Failure.notFound(id: id) }
    }

    /// Fills a ranking target's blocked hashes and titles.
    public static func apply(_ db: Database, to target: inout RankingTarget) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT info_hash, title FROM blocklist")
        for row in rows {
            if let hash = row["info_hash"] as String? { target.blockedHashes.insert(hash) }
            target.blockedTitles.insert(row["title"])
        }
    }

    private static func validate(_ entry: inout BlocklistEntry) throws {
        entry.title = entry.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...1000).contains(entry.title.count) else { throw Failure.invalid("title must be 1 to 1000 characters") }
        if let hash = entry.infoHash {
            guard let normalized = Magnet.normalizeHash(hash) else { throw Failure.invalid("info_hash must be 40 hex (or 32 base32) characters") }
            entry.infoHash = normalized
        }
        if let type = entry.mediaType, !MediaKind.downloadable.map(\.rawValue).contains(type) {
            throw Failure.invalid("media_type must be one of \(MediaKind.words(MediaKind.downloadable))")
        }
        entry.reason = entry.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if entry.reason.isEmpty { entry.reason = "marked bad" }
        guard entry.reason.count <= 500 else { throw Failure.invalid("reason must be at most 500 characters") }
    }
}
