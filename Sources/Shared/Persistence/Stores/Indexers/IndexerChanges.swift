import Foundation
import GRDB
import Core

/// The fields a create or update of an `indexers` row may carry (nil = not given), and the rules
/// a row must meet: names unique (any case), a known type, an http(s) URL, public rows only for
/// the built-in sites, categories from movies/tv/music, priority 1–100. Refusals are 422s; a name
/// already taken is a 409.
public struct IndexerChanges: Sendable {
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

    /// A new row from a create: name, indexer_type and url are required.
    func newRecord() throws -> IndexerRecord {
        guard let name else { throw DomainError.validation("name is required", field: "name") }
        guard let indexerType else { throw DomainError.validation("indexer_type is required (public, torznab or rss)", field: "indexer_type") }
        guard let url else { throw DomainError.validation("url is required", field: "url") }
        var row = IndexerRecord(name: name, indexerType: .public, url: url)
        row.indexerType = indexerType
        try apply(to: &row)
        return row
    }

    func apply(to row: inout IndexerRecord) throws {
        if let indexerType { row.indexerType = indexerType }
        if let name { row.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        // The URL as the API shows it (its secrets masked) sent back keeps the stored one.
        if let url, url != SecretMask.url(row.url) { row.url = url.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let apiKey, apiKey != SecretMask.mask(row.apiKey) { row.apiKey = apiKey.isEmpty ? nil : apiKey }
        if let username { row.username = username.isEmpty ? nil : username }
        if let password, password != SecretMask.mask(row.password) { row.password = password.isEmpty ? nil : password }
        if let enabled { row.enabled = enabled }
        if let priority {
            guard (1...100).contains(priority) else {
                throw DomainError.validation("priority must be 1 to 100 (lower is asked first), found \(priority)", field: "priority")
            }
            row.priority = priority
        }
        if let categories { row.categories = IndexerRecord.encodeCategories(try Self.check(categories)) }
    }

    static func check(_ list: [String]) throws -> [String] {
        if let bad = list.first(where: { !IndexerStore.categoryNames.contains($0) }) {
            throw DomainError.validation("categories must be a list of movies, tv, music; found \"\(bad)\"", field: "categories")
        }
        guard !list.isEmpty else { throw DomainError.validation("categories must name at least one of movies, tv, music", field: "categories") }
        return list
    }

    func validate(_ db: Database, _ row: inout IndexerRecord) throws {
        guard (1...64).contains(row.name.count), !row.name.contains(where: \.isNewline) else {
            throw DomainError.validation("name must be 1 to 64 characters on one line", field: "name")
        }
        guard let kind = row.kind else { throw IndexerRules.unknownType(row.indexerType) }
        _ = try IndexerRules.baseURL(row.url)
        guard row.url.count <= 2048 else { throw DomainError.validation("url must be at most 2048 characters", field: "url") }
        if kind == .public {
            guard let canonical = IndexerRules.publicSiteName(row.name) else { throw IndexerRules.unknownPublicSite(row.name) }
            row.name = canonical
        }
        for (field, value) in [("api_key", row.apiKey), ("username", row.username), ("password", row.password)] {
            if let value, value.count > 512 || value.contains(where: \.isNewline) {
                throw DomainError.validation("\(field) must be at most 512 characters on one line", field: field)
            }
        }
        let clash = try IndexerRecord.filter(sql: "name = ? COLLATE NOCASE AND id IS NOT ?", arguments: [row.name, row.id]).fetchCount(db)
        if clash > 0 { throw DomainError.conflict("an indexer named \"\(row.name)\" already exists") }
    }
}
