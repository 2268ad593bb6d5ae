import Foundation
import Core
import Auth
import Config
import Control
import Indexers
import Metadata
import Net
import Persistence

/// Everything a responder worker holds between requests: config, the database handle, and the
/// outside-service clients made on first use.
/// Nothing here is request state, so any worker can serve any request.
public final class AppContext {
    let config: LCARSConfig
    let database: AppDatabase
    let sessions: Sessions
    let limiter: LoginLimiter
    let accounts: UserAccounts
    let daemon: any DaemonChannel
    let hasher = PasswordHasher()
    /// Signature verdicts of the tokens this worker has seen (the session is still read each time).
    let verifiedTokens = VerifiedTokens()
    /// The transport of every outside HTTP client: nil = libcurl; tests stand in for the services.
    let httpTransport: HTTPTransportFactory?
    /// Metadata clients, made on first use (after fork: each worker has its own curl handles).
    lazy var tmdb: TMDBClient = MetadataClients.tmdb(config, transport: httpTransport)
    lazy var musicBrainz: MusicBrainzClient = MetadataClients.musicBrainz(config, transport: httpTransport)
    /// Posters and covers served from our origin (cached under the data directory).
    lazy var images: ImageFetcher = ImageFetcher.live(config, transport: httpTransport)
    /// The indexers' fan-out (its HTTP clients are made per search, after fork).
    lazy var indexers: IndexerManager = IndexerManager.live(database: database, config: config, transport: httpTransport)
    /// Set once the schema matched this binary; it never goes back, so it is checked until then only.
    var schemaChecked = false

    /// `daemon` and `httpTransport` are for tests (an in-process lcarsd and outside services).
    public init(config: LCARSConfig, database: AppDatabase, daemon: (any DaemonChannel)? = nil, httpTransport: HTTPTransportFactory? = nil) {
        self.config = config
        self.database = database
        self.httpTransport = httpTransport
        sessions = Sessions(database, config: config)
        limiter = LoginLimiter(database.loginFailures, config.auth)
        accounts = UserAccounts(database.users, hasher: hasher)
        self.daemon = daemon ?? ControlClient(socketPath: config.daemon.socket, timeout: TimeInterval(config.daemon.ipcTimeoutMs) / 1000)
    }
}
