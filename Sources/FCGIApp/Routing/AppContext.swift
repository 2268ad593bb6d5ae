import Foundation
import GRDB
import Shared

/// Everything a responder worker holds between requests: config and one database pool.
/// Nothing here is request state, so any worker can serve any request.
final class AppContext {
    let config: LCARSConfig
    let db: DatabasePool
    let sessions: SessionStore
    let limiter: LoginLimiter
    let accounts: UserAccounts
    let daemon: IPCClient
    let hasher = PasswordHasher()
    /// Metadata clients, made on first use (after fork: each worker has its own curl handles).
    lazy var tmdb: TMDBClient = MetadataClients.tmdb(config)
    lazy var musicBrainz: MusicBrainzClient = MetadataClients.musicBrainz(config)
    /// The indexers' fan-out (its HTTP clients are made per search, after fork).
    lazy var indexers: IndexerManager = IndexerManager.live(db: db, config: config)
    /// Set once the schema matched this binary; it never goes back, so it is checked until then only.
    var schemaChecked = false

    init(config: LCARSConfig, db: DatabasePool) {
        self.config = config
        self.db = db
        sessions = SessionStore(tokens: TokenService(secret: config.server.jwtSecret),
                                lifetime: TimeInterval(config.auth.sessionHours * 3600))
        limiter = LoginLimiter(config.auth)
        accounts = UserAccounts(hasher: hasher)
        daemon = IPCClient(socketPath: config.daemon.socket, timeout: TimeInterval(config.daemon.ipcTimeoutMs) / 1000)
    }
}
