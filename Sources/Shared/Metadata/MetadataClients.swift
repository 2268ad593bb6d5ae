import Config
import Net

/// Builds the metadata clients from the configuration: one HTTP client per service (its name is
/// in every error), MusicBrainz behind the cross-process rate limiter.
public enum MetadataClients {
    public static func tmdb(_ config: LCARSConfig, transport: HTTPTransportFactory? = nil) -> TMDBClient {
        TMDBClient(config: config.tmdb, http: HTTPClient(service: "TMDB", settings: HTTPClientSettings(config.http),
                                                         transport: transport?("TMDB")))
    }

    public static func musicBrainz(_ config: LCARSConfig, transport: HTTPTransportFactory? = nil) -> MusicBrainzClient {
        let limiter = SharedRateLimiter(path: config.musicbrainz.limiterFile,
                                        interval: Double(config.musicbrainz.rateLimitMs) / 1000)
        let settings = HTTPClientSettings(config.http)
        return MusicBrainzClient(config: config.musicbrainz,
                                 http: HTTPClient(service: "MusicBrainz", settings: settings, gate: limiter,
                                                  transport: transport?("MusicBrainz")),
                                 coverArt: HTTPClient(service: "Cover Art Archive", settings: settings,
                                                      transport: transport?("Cover Art Archive")))
    }
}
