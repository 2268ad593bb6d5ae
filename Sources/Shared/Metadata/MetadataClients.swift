import Foundation
import Config
import Net

/// Builds the metadata clients from the configuration: one HTTP client per service (its name is
/// in every error), MusicBrainz behind the cross-process rate limiter.
public enum MetadataClients {
    public static func tmdb(_ config: LCARSConfig, transport: HTTPTransportFactory? = nil) -> TMDBClient {
        TMDBClient(config: config.tmdb, http: HTTPClient(service: "TMDB", settings: HTTPClientSettings(config),
                                                         transport: transport?("TMDB")))
    }

    /// The longest a MusicBrainz request waits for its turn under the shared limit: a responder
    /// answers 503 `upstream_busy` with Retry-After rather than wait longer, so a few users
    /// searching at once cannot tie up every worker.
    public static let musicBrainzMaxWait: TimeInterval = 5

    public static func musicBrainz(_ config: LCARSConfig, transport: HTTPTransportFactory? = nil,
                                   maxWait: TimeInterval? = MetadataClients.musicBrainzMaxWait) -> MusicBrainzClient {
        let limiter = SharedRateLimiter(path: config.musicbrainz.limiterFile, interval: Double(config.musicbrainz.rateLimitMs) / 1000,
                                        maxWait: maxWait, service: "MusicBrainz")
        let settings = HTTPClientSettings(config)
        return MusicBrainzClient(config: config.musicbrainz,
                                 http: HTTPClient(service: "MusicBrainz", settings: settings, gate: limiter,
                                                  transport: transport?("MusicBrainz")),
                                 coverArt: HTTPClient(service: "Cover Art Archive", settings: settings,
                                                      transport: transport?("Cover Art Archive")))
    }
}
