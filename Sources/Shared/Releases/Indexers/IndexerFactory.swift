import Foundation

/// Builds the provider an `indexers` row describes: `public` rows map by name to the built-in
/// sites (1337x, EZTV, YTS, Rutracker) at the row's URL, `torznab` rows to a Torznab client with
/// the row's API key, `rss` rows to a feed reader.
public enum IndexerFactory {
    public static let publicSites = ["1337x", "EZTV", "YTS", "Rutracker"]

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownType(String)
        case unknownPublicSite(String)
        case badURL(String)

        public var description: String {
            switch self {
            case let .unknownType(type): "indexer_type must be public, torznab or rss, found \"\(type)\""
            case let .unknownPublicSite(name):
                "\"\(name)\" is not a built-in public indexer (\(IndexerFactory.publicSites.joined(separator: ", "))); use torznab for others"
            case let .badURL(url): "url must be an absolute http(s) address, found \"\(url)\""
            }
        }
    }

    public static func provider(for row: IndexerRecord, transport: ReleaseTransport) throws -> ReleaseProvider {
        guard let kind = row.kind else { throw Failure.unknownType(row.indexerType) }
        let url = try baseURL(row.url)
        switch kind {
        case .torznab:
            return TorznabProvider(name: row.name, baseURL: url, apiKey: row.apiKey ?? "", transport: transport,
                                   trackers: DefaultTrackers.list)
        case .rss:
            return RSSProvider(name: row.name, feedURL: url, transport: transport)
        case .public:
            return try publicSite(row, url: url, transport: transport)
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

    private static func publicSite(_ row: IndexerRecord, url base: URL, transport: ReleaseTransport) throws -> ReleaseProvider {
        // Site paths are relative to the base: "https://host/mirror" must keep its "mirror".
        let url = base.path.isEmpty || base.path.hasSuffix("/") ? base : base.appendingPathComponent("")
        switch publicSiteName(row.name) {
        case "1337x": return X1337Provider(name: row.name, baseURL: url, transport: transport)
        case "EZTV": return EZTVProvider(name: row.name, baseURL: url, transport: transport)
        case "YTS": return YTSProvider(name: row.name, baseURL: url, transport: transport)
        case "Rutracker":
            return RutrackerProvider(name: row.name, baseURL: url, username: row.username ?? "", password: row.password ?? "",
                                     transport: transport)
        default: throw Failure.unknownPublicSite(row.name)
        }
    }
}
