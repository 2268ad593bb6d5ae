import Foundation
import GRDB
import Core

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
