import Foundation
import GRDB
import Releases

/// A row of `indexers` (spec schema, plus V006's username/password/next_request_at).
public struct IndexerRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "indexers"

    public enum Kind: String, Codable, Sendable, CaseIterable { case `public`, torznab, rss }

    public var id: Int64?
    public var name: String
    public var indexerType: String
    public var url: String
    public var apiKey: String?
    public var username: String?
    public var password: String?
    public var enabled: Bool
    public var priority: Int
    /// JSON array of "movies", "tv", "music"; nil = every type the provider supports.
    public var categories: String?
    public var lastCheck: String?
    public var lastError: String?

    enum CodingKeys: String, CodingKey {
        case id, name, url, username, password, enabled, priority, categories
        case indexerType = "indexer_type", apiKey = "api_key", lastCheck = "last_check", lastError = "last_error"
    }

    public init(name: String, indexerType: Kind, url: String, apiKey: String? = nil, username: String? = nil, password: String? = nil,
                enabled: Bool = true, priority: Int = 50, categories: [String]? = nil) {
        self.name = name
        self.indexerType = indexerType.rawValue
        self.url = url
        self.apiKey = apiKey
        self.username = username
        self.password = password
        self.enabled = enabled
        self.priority = priority
        self.categories = categories.map(Self.encodeCategories)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var kind: Kind? { Kind(rawValue: indexerType) }

    /// The media types the row allows ("movies", "tv", "music"); nil = no restriction.
    public var categoryList: [String]? {
        guard let categories, let data = categories.data(using: .utf8),
              let list = try? JSONDecoder().decode([String].self, from: data) else { return nil }
        return list
    }

    /// Whether the row allows searching this media type (the provider must support it too).
    public func allows(_ type: SearchQuery.MediaType) -> Bool {
        guard let list = categoryList else { return true }
        let wanted = type == .movie ? "movies" : type == .tv ? "tv" : "music"
        return list.contains(wanted)
    }

    static func encodeCategories(_ list: [String]) -> String {
        "[" + list.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}
