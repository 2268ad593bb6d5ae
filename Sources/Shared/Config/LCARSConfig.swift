/// The whole configuration, as loaded from TOML plus `LCARS_SECTION__KEY` overrides.
/// Sections follow the product spec (server, database, tmdb, musicbrainz, torrent, storage,
/// scheduler) plus what this stack needs (auth, fcgi, daemon). See config.example.toml.
public struct LCARSConfig: Sendable {
    public struct Server: Sendable {
        public var host: String
        public var port: Int
        public var jwtSecret: String
        public var dataDir: String
        public var logLevel: String
        /// Proxies in front of nginx whose X-Forwarded-For is believed (the login limiter's client address).
        public var trustedProxies: [IPNetwork]
        /// The image cache's size limit (posters, backdrops, covers served from our origin): the least
        /// recently used images go when it is full.
        public var imageCacheMB: Int
    }
    public struct Auth: Sendable {
        public var sessionHours: Int
        public var delayAfterFailures: Int     // failures of one name from one address before logins are delayed
        public var maxDelaySeconds: Int        // the delay doubles per further failure up to this
        public var maxFailuresPerAddress: Int
        public var failureWindowMinutes: Int
    }
    public struct FCGI: Sendable {
        public var socket: String
        public var workers: Int          // 0 = one per CPU
        public var maxRequests: Int      // a worker is recycled after this many requests
        public var maxBodyBytes: Int
        public var shutdownGraceSeconds: Int
    }
    public struct Daemon: Sendable {
        public var socket: String
        public var ipcTimeoutMs: Int
        public var eventsSocket: String      // nginx forwards GET /api/events here (HTTP, Server-Sent Events)
    }
    public struct Database: Sendable {
        public var path: String
        public var busyTimeoutMs: Int
    }
    public struct TMDB: Sendable {
        public var apiKey: String
        public var baseURL: String
        public var imageBaseURL: String
    }
    public struct MusicBrainz: Sendable {
        public var rateLimitMs: Int
        public var baseURL: String
        public var coverArtURL: String
        /// Primary types of the release groups an added artist gets as albums (lower-case).
        public var albumTypes: [String]
        /// The file every process locks to share the 1 request/second limit.
        public var limiterFile: String
    }
    /// The outgoing HTTP client shared by every outside service (TMDB, MusicBrainz, indexers).
    public struct HTTP: Sendable {
        public var contact: String         // in the User-Agent: LCARS/<version> ( <contact> )
        public var connectTimeoutMs: Int
        public var timeoutMs: Int          // the whole transfer, per attempt
        public var retries: Int            // extra attempts on 429, 5xx and connection failures
        public var retryBaseMs: Int        // first backoff; doubles each retry, with jitter
        public var maxRetryWaitMs: Int     // a longer Retry-After gives up instead of waiting
        public var interface: String       // CURLOPT_INTERFACE; empty = default routing
    }
    /// Release search across the indexers (the rows of the `indexers` table).
    public struct Indexers: Sendable {
        public var timeoutMs: Int          // per indexer and search: a slower one is left out of the results
        public var minIntervalMs: Int      // between two requests to one indexer, across all processes
        public var minSeeders: Int         // fewer seeders reject a release (too_few_seeders)
    }
    public struct Seeding: Sendable {
        public var enabled: Bool
        public var ratioLimit: Double
        public var timeLimitHours: Double
    }
    public struct Torrent: Sendable {
        public var downloadDir: String
        public var bindInterface: String
        public var maxConnections: Int
        public var portRange: ClosedRange<Int>
        public var listenAddress: String        // "" = every address of bind_interface (or of the host)
        public var enableDHT: Bool
        public var enablePEX: Bool
        public var enableLSD: Bool
        public var enableUPnP: Bool
        public var enableNATPMP: Bool
        public var enableUTP: Bool
        public var downloadRateLimitKiB: Int    // 0 = unlimited
        public var uploadRateLimitKiB: Int
        public var stalledTimeoutSeconds: Int   // no progress and no seeds this long → failed; 0 = never
        public var resumeSaveIntervalSeconds: Int
        public var stateDir: String             // libtorrent session state
        public var seeding: Seeding
    }
    public struct Mount: Sendable, Equatable {
        public enum Kind: String, Sendable { case local, smb }
        public var name: String
        public var type: Kind
        public var path: String          // local: the library root
        public var host: String          // smb
        public var share: String
        public var username: String
        public var password: String
        public var mountPoint: String
        public var enabled: Bool
    }
    public struct Naming: Sendable {
        public var moviePattern: String
        public var tvPattern: String
        public var musicPattern: String
    }
    public struct Rule: Sendable, Equatable {
        public enum Action: String, Sendable { case move, copy }
        public var action: Action
        public var destination: String
        public var mediaTypes: [String]
    }
    public struct Storage: Sendable {
        public var mounts: [Mount]
        public var naming: Naming
        public var rules: [Rule]
    }
    public struct Scheduler: Sendable {
        public var searchMissing: String
        public var refreshMetadata: String
        public var checkNewEpisodes: String
        public var checkNewReleases: String
        public var cleanupCompleted: String
        /// At most this many items per run of `refresh_metadata`, `check_new_episodes` and
        /// `check_new_releases` (least recently refreshed first), so a large library is covered
        /// over several runs instead of one run holding the services for hours.
        public var refreshLimit: Int
        /// At most this many missing items searched per run of `search_missing` (least recently
        /// searched first), so a long wanted list is spread over runs and indexers are not hammered.
        public var searchLimit: Int

        /// Every job's cron expression by the job's name (the key under `[scheduler]`).
        public var schedules: [(job: String, expression: String)] {
            [("search_missing", searchMissing), ("refresh_metadata", refreshMetadata), ("check_new_episodes", checkNewEpisodes),
             ("check_new_releases", checkNewReleases), ("cleanup_completed", cleanupCompleted)]
        }

        public func expression(forJob job: String) -> String? { schedules.first { $0.job == job }?.expression }
    }

    public var server: Server
    public var auth: Auth
    public var fcgi: FCGI
    public var daemon: Daemon
    public var database: Database
    public var tmdb: TMDB
    public var musicbrainz: MusicBrainz
    public var http: HTTP
    public var indexers: Indexers
    public var torrent: Torrent
    public var storage: Storage
    public var scheduler: Scheduler

    /// Where the configuration came from, for messages.
    public var sourceFile: String
}
