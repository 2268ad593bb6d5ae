import Foundation
import GRDB
import Core
import Persistence

/// The user behind a valid bearer token.
public struct AuthenticatedUser: Sendable, Equatable {
    public let id: Int64
    public let username: String
    public let role: Role
    public let createdAt: String
    public let sessionID: Int64
}

/// Logins as rows of `sessions`: creating one issues a token, deleting one revokes it.
public struct SessionStore: Sendable {
    public let tokens: TokenService
    public let lifetime: TimeInterval

    public init(tokens: TokenService, lifetime: TimeInterval) {
        self.tokens = tokens
        self.lifetime = lifetime
    }

    public func create(_ db: Database, userID: Int64, now: Date = Date()) throws -> (token: String, expiresAt: String) {
        let (token, claims) = try tokens.issue(userID: userID, now: now, lifetime: lifetime)
        let expiresAt = SQLiteTime.format(Date(timeIntervalSince1970: TimeInterval(claims.exp)))
        var session = SessionRecord(id: nil, userId: userID, tokenHash: TokenService.fingerprint(token),
                                    expiresAt: expiresAt, createdAt: SQLiteTime.format(now))
        try session.insert(db)
        return (token, expiresAt)
    }

    /// nil for a forged, expired, revoked or orphaned token. The signature is checked first so that
    /// garbage never reaches the database.
    public func authenticate(_ db: Database, token: String, now: Date = Date()) throws -> AuthenticatedUser? {
        guard let claims = try? tokens.verify(token, now: now) else { return nil }
        let row = try Row.fetchOne(db, sql: """
            SELECT s.id AS session_id, u.id, u.username, u.role, u.created_at
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = ? AND s.expires_at > ? AND u.id = ?
            """, arguments: [TokenService.fingerprint(token), SQLiteTime.format(now), claims.sub])
        guard let row, let role = Role(rawValue: row["role"]) else { return nil }
        return AuthenticatedUser(id: row["id"], username: row["username"], role: role,
                                 createdAt: row["created_at"], sessionID: row["session_id"])
    }

    public func revoke(_ db: Database, sessionID: Int64) throws {
        try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [sessionID])
    }

    public func revokeAll(_ db: Database, userID: Int64) throws {
        try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
    }

    public func purgeExpired(_ db: Database, now: Date = Date()) throws {
        try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [SQLiteTime.format(now)])
    }
}
