import Foundation
import GRDB
import Core

extension AppDatabase {
    /// The logins (`sessions`).
    public var sessions: SessionStore { SessionStore(pool: pool) }
}

/// The owner of `sessions`: one row per login, holding the SHA-256 of its token. A row that is
/// gone or past `expires_at` means the token no longer works (logout, password change, expiry).
public struct SessionStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Records a login, dropping the sessions that have run out on the way (logins are rare
    /// enough that this keeps the table small without a sweeper).
    @discardableResult
    public func startSession(userID: Int64, tokenHash: String, expiresAt: Date, now: Date = Date()) throws -> SessionRecord {
        try pool.write { db in
            try Self.purgeExpired(db, now: now)
            let (expires, created) = (SQLiteTime.format(expiresAt), SQLiteTime.format(now))
            try db.execute(sql: "INSERT INTO sessions (user_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [userID, tokenHash, expires, created])
            return SessionRecord(id: db.lastInsertedRowID, userID: userID, tokenHash: tokenHash, expiresAt: expires, createdAt: created)
        }
    }

    /// The unexpired session with this token fingerprint, if it belongs to `userID` (the token's
    /// signed subject), with its user. This runs on every authenticated request.
    public func activeSession(tokenHash: String, userID: Int64, now: Date = Date()) throws -> ActiveSession? {
        try pool.read { db in
            let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? -1
            let lookups = SessionLookups.shared
            if let known = lookups.session(tokenHash: tokenHash, userID: userID, connection: db, version: version, now: now) {
                return known
            }
            // Prepared once per connection: this runs before every authenticated answer the
            // lookups cannot give.
            let statement = try db.cachedStatement(sql: """
                SELECT \(UserRecord.joinedColumns), s.id, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = ? AND s.expires_at > ? AND u.id = ?
                """)
            guard let row = try Row.fetchOne(statement, arguments: [tokenHash, SQLiteTime.format(now), userID]) else { return nil }
            let session = ActiveSession(sessionID: row[6], user: UserRecord(row: row))
            if let expiresAt = SQLiteTime.parse(row[7]) {
                lookups.remember(session, tokenHash: tokenHash, userID: userID, expiresAt: expiresAt, connection: db, version: version)
            }
            return session
        }
    }

    /// The sessions of one user, oldest first (expired ones included until they are purged).
    public func sessions(of userID: Int64) throws -> [SessionRecord] {
        try pool.read {
            try SessionRecord.fetchAll($0, sql: "SELECT \(SessionRecord.columns) FROM sessions WHERE user_id = ? ORDER BY id",
                                       arguments: [userID])
        }
    }

    /// Ends one login (logout). Whether there was such a session.
    @discardableResult
    public func revokeSession(id: Int64) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    /// Ends every login of a user.
    public func revokeAllSessions(of userID: Int64) throws {
        try pool.write { try Self.revokeAll($0, userID: userID) }
    }

    /// Deletes the sessions that have run out; how many.
    @discardableResult
    public func purgeExpired(now: Date = Date()) throws -> Int {
        try pool.write { try Self.purgeExpired($0, now: now) }
    }

    /// Also part of `UserStore.changeUser`'s transaction (a new password).
    static func revokeAll(_ db: Database, userID: Int64) throws {
        try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
    }

    @discardableResult
    static func purgeExpired(_ db: Database, now: Date) throws -> Int {
        try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [SQLiteTime.format(now)])
        return db.changesCount
    }
}
