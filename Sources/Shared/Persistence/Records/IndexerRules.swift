import Foundation

/// What an `indexers` row may hold: the built-in public sites, an absolute http(s) URL, a known type.
/// The store checks rows with it; the provider factory reads the same rules.
public enum IndexerRules {
    public static let publicSites = ["1337x", "EZTV", "YTS", "Rutracker"]

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownType(String)
        case unknownPublicSite(String)
        case badURL(String)

        public var description: String {
            switch self {
            case let .unknownType(type): "indexer_type must be public, torznab or rss, found \"\(type)\""
            case let .unknownPublicSite(name):
                "\"\(name)\" is not a built-in public indexer (\(IndexerRules.publicSites.joined(separator: ", "))); use torznab for others"
            case let .badURL(url): "url must be an absolute http(s) address, found \"\(url)\""
            }
        }
    }

    /// The canonical spelling of a public site's name, or nil.
    public static func publicSiteName(_ name: String) -> String? {
        publicSites.first { $0.caseInsensitiveCompare(name.trimmingCharacters(in: .whitespaces)) == .orderedSame }
    }

    public static func baseURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false else { throw Failure.badURL(text) }
        return url
    }
}
