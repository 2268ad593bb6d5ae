import Foundation
import Persistence

/// Builds the provider an `indexers` row describes: `public` rows map by name to the built-in
/// sites (1337x, EZTV, YTS, Rutracker) at the row's URL, `torznab` rows to a Torznab client with
/// the row's API key, `rss` rows to a feed reader.
public enum IndexerFactory {
    public static func provider(for row: IndexerRecord, transport: ReleaseTransport) throws -> ReleaseProvider {
        guard let kind = row.kind else { throw IndexerRules.unknownType(row.indexerType) }
        let url = try IndexerRules.baseURL(row.url)
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

    private static func publicSite(_ row: IndexerRecord, url base: URL, transport: ReleaseTransport) throws -> ReleaseProvider {
        // Site paths are relative to the base: "https://host/mirror" must keep its "mirror".
        let url = base.path.isEmpty || base.path.hasSuffix("/") ? base : base.appendingPathComponent("")
        switch IndexerRules.publicSiteName(row.name) {
        case "1337x": return X1337Provider(name: row.name, baseURL: url, transport: transport)
        case "EZTV": return EZTVProvider(name: row.name, baseURL: url, transport: transport)
        case "YTS": return YTSProvider(name: row.name, baseURL: url, transport: transport)
        case "Rutracker":
            return RutrackerProvider(name: row.name, baseURL: url, username: row.username ?? "", password: row.password ?? "",
                                     transport: transport)
        default: throw IndexerRules.unknownPublicSite(row.name)
        }
    }
}
