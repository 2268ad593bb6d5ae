import Foundation
import Core
import Indexers
import Persistence

/// An indexer as the API shows it (spec: Indexer), secrets masked (SecretMask): `api_key` and
/// `password` keep at most their last 4 characters behind stars; the URL's secrets (userinfo, key
/// query values, key-like path segments) and any URL in `last_error` are masked too.
struct IndexerView: Encodable {
    let id: Int64
    let name: String
    let indexer_type: String
    let url: String
    let api_key: String?
    let username: String?
    let password: String?
    let enabled: Bool
    let priority: Int
    let categories: [String]
    let last_check: String?
    let last_error: String?

    init(_ row: IndexerRecord) {
        id = row.id ?? 0
        name = row.name
        indexer_type = row.indexerType
        url = SecretMask.url(row.url)
        api_key = SecretMask.mask(row.apiKey)
        username = row.username
        password = SecretMask.mask(row.password).map { _ in "********" }
        enabled = row.enabled
        priority = row.priority
        categories = row.categoryList ?? Self.defaultCategories(row)
        last_check = row.lastCheck.map(SQLiteTime.iso8601)
        last_error = row.lastError.map(SecretMask.text)
    }

    /// Without a stored list: what the provider can search.
    static func defaultCategories(_ row: IndexerRecord) -> [String] {
        switch (row.kind, IndexerRules.publicSiteName(row.name)) {
        case (.public?, "YTS"?): ["movies"]
        case (.public?, "EZTV"?): ["tv"]
        default: IndexerStore.categoryNames
        }
    }
}
