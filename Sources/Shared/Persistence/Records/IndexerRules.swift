import Foundation
import Core

/// What an `indexers` row may hold: the built-in public sites, an absolute http(s) URL, a known type.
/// The store checks rows with it; the provider factory reads the same rules. Every refusal is a
/// 422 `DomainError` naming the field.
public enum IndexerRules {
    public static let publicSites = ["1337x", "EZTV", "YTS", "Rutracker"]

    public static func unknownType(_ type: String) -> DomainError {
        .validation("indexer_type must be public, torznab or rss, found \"\(type)\"", field: "indexer_type")
    }

    public static func unknownPublicSite(_ name: String) -> DomainError {
        .validation("\"\(name)\" is not a built-in public indexer (\(publicSites.joined(separator: ", "))); use torznab for others",
                    field: "name")
    }

    public static func badURL(_ url: String) -> DomainError {
        .validation("url must be an absolute http(s) address, found \"\(url)\"", field: "url")
    }

    /// The canonical spelling of a public site's name, or nil.
    public static func publicSiteName(_ name: String) -> String? {
        publicSites.first { $0.caseInsensitiveCompare(name.trimmingCharacters(in: .whitespaces)) == .orderedSame }
    }

    public static func baseURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false else { throw badURL(text) }
        return url
    }
}
