import Foundation
import GRDB
import Core

extension AppDatabase {
    /// The accounts (`users`).
    public var users: UserStore { UserStore(pool: pool) }
}

/// The owner of `users`. The rules that depend on the table's current content — names unique
/// regardless of case, never zero admins — are checked inside the transaction of the write they
/// guard, so two concurrent requests cannot both pass them. Hashing and input validation happen
/// before (Auth's `UserAccounts`): they are slow or need no database.
public struct UserStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The one 404 text of users.
    public static func notFound(id: Int64) -> DomainError { .notFound("no user with id \(id)") }

    /// Every user, oldest first.
    public func all() throws -> [UserRecord] {
        try pool.read { try UserRecord.fetchAll($0, sql: "SELECT \(UserRecord.columns) FROM users ORDER BY id") }
    }

    /// The user with `id`; `DomainError.notFound` when there is none.
    public func user(id: Int64) throws -> UserRecord {
        guard let user = try pool.read({ try Self.fetch($0, id: id) }) else { throw Self.notFound(id: id) }
        return user
    }

    /// The user called `username`, ignoring case (as login does); nil when there is none.
    public func user(named username: String) throws -> UserRecord? {
        try pool.read {
            try UserRecord.fetchOne($0, sql: "SELECT \(UserRecord.columns) FROM users WHERE username = ? COLLATE NOCASE",
                                    arguments: [username])
        }
    }

    /// Adds an account; a name taken in any case is a conflict.
    public func createUser(username: String, passwordHash: String, role: Role, now: Date = Date()) throws -> UserRecord {
        try pool.write { db in
            if try Self.isTaken(db, username, except: nil) { throw Self.duplicate(username) }
            let time = SQLiteTime.format(now)
            try db.execute(sql: """
                INSERT INTO users (username, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [username, passwordHash, role.rawValue, time, time])
            return UserRecord(id: db.lastInsertedRowID, username: username, passwordHash: passwordHash, role: role,
                              createdAt: time, updatedAt: time)
        }
    }

    /// Renames, re-roles or re-keys an account. A new password ends every login made with the old one.
    public func changeUser(id: Int64, _ change: UserChange, now: Date = Date()) throws -> UserRecord {
        try pool.write { db in
            guard var user = try Self.fetch(db, id: id) else { throw Self.notFound(id: id) }
            if let name = change.username, try Self.isTaken(db, name, except: id) { throw Self.duplicate(name) }
            if let role = change.role, role != .admin, user.role == .admin, try Self.adminCount(db) <= 1 { throw Self.lastAdmin }
            user.username = change.username ?? user.username
            user.passwordHash = change.passwordHash ?? user.passwordHash
            user.role = change.role ?? user.role
            user.updatedAt = SQLiteTime.format(now)
            try db.execute(sql: "UPDATE users SET username = ?, password_hash = ?, role = ?, updated_at = ? WHERE id = ?",
                           arguments: [user.username, user.passwordHash, user.role.rawValue, user.updatedAt, id])
            if change.passwordHash != nil { try SessionStore.revokeAll(db, userID: id) }
            return user
        }
    }

    /// Removes an account; its sessions and event tickets go with it (ON DELETE CASCADE).
    public func deleteUser(id: Int64) throws {
        try pool.write { db in
            guard let user = try Self.fetch(db, id: id) else { throw Self.notFound(id: id) }
            if user.role == .admin, try Self.adminCount(db) <= 1 { throw Self.lastAdmin }
            try Self.detachReferences(db, userID: id)
            try db.execute(sql: "DELETE FROM users WHERE id = ?", arguments: [id])
        }
    }

    /// Media and activity keep their rows; they just no longer point at the user. V001 declares
    /// these references without ON DELETE, so the deletion has to clear them itself.
    static func detachReferences(_ db: Database, userID: Int64) throws {
        for table in ["movies", "tv_shows", "artists"] {
            try db.execute(sql: "UPDATE \(table) SET added_by = NULL WHERE added_by = ?", arguments: [userID])
        }
        try db.execute(sql: "UPDATE activity SET user_id = NULL WHERE user_id = ?", arguments: [userID])
    }

    static func fetch(_ db: Database, id: Int64) throws -> UserRecord? {
        try UserRecord.fetchOne(db, sql: "SELECT \(UserRecord.columns) FROM users WHERE id = ?", arguments: [id])
    }

    static func isTaken(_ db: Database, _ username: String, except id: Int64?) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE username = ? COLLATE NOCASE AND id IS NOT ?",
                         arguments: [username, id]) ?? 0 > 0
    }

    static func adminCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = ?", arguments: [Role.admin.rawValue]) ?? 0
    }

    static func duplicate(_ username: String) -> DomainError { .conflict("the username \"\(username)\" is taken") }
    static let lastAdmin = DomainError.conflict("this is the last admin; make another user admin first")
}
