import Foundation
import GRDB

/// Changes to `indexers` with their rules: names unique (any case), a known type, an http(s)
/// URL, public rows only for the built-in sites, categories from movies/tv/music, priority 1–100.
/// Secrets sent back masked (as the API shows them) leave the stored value unchanged.
public enum IndexerStore {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        case notFound(id: Int64)
        case duplicate(name: String)

        public var description: String {
            switch self {
            case let .invalid(why): why
            case let .notFound(id): "indexer \(id) does not exist"
            case let .duplicate(name): "an indexer named \"\(name)\" already exists"
            }
        }
    }

    /// The fields a create or update may carry; nil = not given.
    public struct Changes: Sendable {
        public var name: String?
        public var indexerType: String?
        public var url: String?
        public var apiKey: String?
        public var username: String?
        public var password: String?
        public var enabled: Bool?
        public var priority: Int?
        public var categories: [String]?

        public init(name: String? = nil, indexerType: String? = nil, url: String? = nil, apiKey: String? = nil, username: String? = nil,
                    password: String? = nil, enabled: Bool? = nil, priority: Int? = nil, categories: [String]? = nil) {
            self.name = name
            self.indexerType = indexerType
            self.url = url
            self.apiKey = apiKey
            self.username = username
            self.password = password
            self.enabled = enabled
            self.priority = priority
            self.categories = categories
        }
    }

    public static let categoryNames = ["movies", "tv", "music"]

    public static func list(_ db: Database) throws -> [IndexerRecord] {
        try IndexerRecord.order(Column("priority"), Column("id")).fetchAll(db)
    }

    public static func get(_ db: Database, id: Int64) throws -> IndexerRecord {
        guard let row = try IndexerRecord.fetchOne(db, key: id) else { throw Failure.notFound(id: id) }
        return row
    }

    public static func create(_ db: Database, _ changes: Changes) throws -> IndexerRecord {
        guard let name = changes.name else { throw Failure.invalid("name is required") }
        guard let type = changes.indexerType else { throw Failure.invalid("indexer_type is required (public, torznab or rss)") }
        guard let url = changes.url else { throw Failure.invalid("url is required") }
        var row = IndexerRecord(name: name, indexerType: .public, url: url)
        row.indexerType = type
        try apply(changes, to: &row)
        try validate(db, &row)
        try row.insert(db)
        return row
    }

    public static func update(_ db: Database, id: Int64, _ changes: Changes) throws -> IndexerRecord {
        var row = try get(db, id: id)
        if let type = changes.indexerType { row.indexerType = type }
        try apply(changes, to: &row)
        try validate(db, &row)
        try row.update(db)
        return row
    }

    public static func delete(_ db: Database, id: Int64) throws {
        guard try IndexerRecord.deleteOne(db, key: id) else { throw Failure.notFound(id: id) }
    }

    private static func apply(_ c: Changes, to row: inout IndexerRecord) throws {
        if let name = c.name { row.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let url = c.url { row.url = url.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let key = c.apiKey, key != SecretMask.mask(row.apiKey) { row.apiKey = key.isEmpty ? nil : key }
        if let user = c.username { row.username = user.isEmpty ? nil : user }
        if let password = c.password, password != SecretMask.mask(row.password) { row.password = password.isEmpty ? nil : password }
        if let enabled = c.enabled { row.enabled = enabled }
        if let priority = c.priority {
            guard (1...100).contains(priority) else { throw Failure.invalid("priority must be 1 to 100 (lower is asked first), found \(priority)") }
            row.priority = priority
        }
        if let list = c.categories {
            if let bad = list.first(where: { !categoryNames.contains($0) }) {
                throw Failure.invalid("categories must be a list of movies, tv, music; found \"\(bad)\"")
            }
            guard !list.isEmpty else { throw Failure.invalid("categories must name at least one of movies, tv, music") }
            row.categories = IndexerRecord.encodeCategories(list)
        }
    }

    private static func validate(_ db: Database, _ row: inout IndexerRecord) throws {
        guard (1...64).contains(row.name.count), !row.name.contains(where: \.isNewline) else {
            throw Failure.invalid("name must be 1 to 64 characters on one line")
        }
        guard let kind = row.kind else { throw Failure.invalid(IndexerRules.Failure.unknownType(row.indexerType).description) }
        do { _ = try IndexerRules.baseURL(row.url) } catch { throw Failure.invalid("\(error)") }
        guard row.url.count <= 2048 else { throw Failure.invalid("url must be at most 2048 characters") }
        if kind == .public {
            guard let canonical = IndexerRules.publicSiteName(row.name) else {
                throw Failure.invalid(IndexerRules.Failure.unknownPublicSite(row.name).description)
            }
            row.name = canonical
        }
        for (field, value) in [("api_key", row.apiKey), ("username", row.username), ("password", row.password)] {
            if let value, value.count > 512 || value.contains(where: \.isNewline) {
                throw Failure.invalid("\(field) must be at most 512 characters on one line")
            }
        }
        let clash = try IndexerRecord.filter(sql: "name = ? COLLATE NOCASE AND id IS NOT ?", arguments: [row.name, row.id]).fetchCount(db)
        if clash > 0 { throw Failure.duplicate(name: row.name) }
    }
}

/// How secrets appear in answers: never in full. Keys longer than 12 characters keep their last 4
/// (enough to tell two keys apart), anything shorter is all stars.
public enum SecretMask {
    public static func mask(_ secret: String?) -> String? {
        guard let secret, !secret.isEmpty else { return nil }
        return secret.count > 12 ? "********" + secret.suffix(4) : "********"
    }
}
