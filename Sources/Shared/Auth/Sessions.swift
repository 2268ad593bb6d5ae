import Foundation
import Config
import Core
import Persistence

/// The user behind a valid bearer token.
public struct AuthenticatedUser: Sendable, Equatable {
    public let id: Int64
    public let username: String
    public let role: Role
    public let createdAt: String
    public let sessionID: Int64

    public init(_ session: ActiveSession) {
        id = session.user.id
        username = session.user.username
        role = session.user.role
        createdAt = session.user.createdAt
        sessionID = session.sessionID
    }
}

/// Logins: issuing a token records a session; a token works while its session does. The token's
/// signature is checked before the database is asked, so forged tokens never reach SQLite.
public struct Sessions: Sendable {
    public let store: SessionStore
    public let tokens: TokenService
    public let lifetime: TimeInterval

    public init(store: SessionStore, tokens: TokenService, lifetime: TimeInterval) {
        self.store = store
        self.tokens = tokens
        self.lifetime = lifetime
    }

    /// Signed with `server.jwt_secret`, valid for `auth.session_hours`.
    public init(_ database: AppDatabase, config: LCARSConfig) {
        self.init(store: database.sessions, tokens: TokenService(secret: config.server.jwtSecret),
                  lifetime: TimeInterval(config.auth.sessionHours * 3600))
    }

    /// A new token for `userID` and when it expires (SQLite time text).
    public func start(userID: Int64, now: Date = Date()) throws -> (token: String, expiresAt: String) {
        let (token, claims) = try tokens.issue(userID: userID, now: now, lifetime: lifetime)
        let session = try store.startSession(userID: userID, tokenHash: TokenService.fingerprint(token),
                                             expiresAt: Date(timeIntervalSince1970: TimeInterval(claims.exp)), now: now)
        return (token, session.expiresAt)
    }

    /// nil for a forged, expired, revoked or orphaned token.
    public func authenticate(token: String, now: Date = Date()) throws -> AuthenticatedUser? {
        guard let claims = try? tokens.verify(token, now: now) else { return nil }
        return try store.activeSession(tokenHash: TokenService.fingerprint(token), userID: claims.sub, now: now)
            .map(AuthenticatedUser.init)
    }

    /// Logout: the caller's token stops working.
    public func end(_ user: AuthenticatedUser) throws {
        try store.revokeSession(id: user.sessionID)
    }
}
