import Foundation
import GRDB
import Core
import Persistence

/// Creating, changing and deleting users, with the rules the API and `lcarsd users` share:
/// valid names and passwords, unique names, and never zero admins.
public struct UserAccounts: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalid(field: String, reason: String)
        case notFound(id: Int64)
        case duplicate(username: String)
        case lastAdmin

        public var description: String {
            switch self {
            case .invalid(let field, let reason): "\(field): \(reason)"
            case .notFound(let id): "no user with id \(id)"
            case .duplicate(let name): "the username \"\(name)\" is taken"
            case .lastAdmin: "this is the last admin; make another user admin first"
            }
        }
    }

    public static let minPasswordLength = 8
    let hasher: PasswordHasher

    public init(hasher: PasswordHasher = PasswordHasher()) {
        self.hasher = hasher
    }

    public static func validate(username: String) throws(Failure) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard (2...32).contains(username.count), username.allSatisfy(allowed.contains) else {
            throw .invalid(field: "username", reason: "2 to 32 characters: letters, digits, '.', '_' or '-'")
        }
    }

    public static func validate(password: String) throws(Failure) {
        guard password.count >= minPasswordLength, password.utf8.count <= PasswordHasher.maxPasswordBytes else {
            throw .invalid(field: "password", reason: "\(minPasswordLength) to \(PasswordHasher.maxPasswordBytes) bytes")
        }
    }

    /// Hashing runs before the write transaction: it is slow on purpose and must not hold the lock.
    public func create(_ writer: some DatabaseWriter, username: String, password: String, role: Role) throws -> UserRecord {
        try Self.validate(username: username)
        try Self.validate(password: password)
        let hash = try hasher.hash(password)
        return try writer.write { db in
            if try Self.usernameTaken(db, username, except: nil) { throw Failure.duplicate(username: username) }
            var user = UserRecord(username: username, passwordHash: hash, role: role)
            try user.insert(db)
            return user
        }
    }

    public func update(_ writer: some DatabaseWriter, id: Int64, username: String?, password: String?, role: Role?) throws -> UserRecord {
        if let username { try Self.validate(username: username) }
        if let password { try Self.validate(password: password) }
        let hash = try password.map(hasher.hash)
        return try writer.write { db in
            guard var user = try UserRecord.fetchOne(db, key: id) else { throw Failure.notFound(id: id) }
            if let username, try Self.usernameTaken(db, username, except: id) { throw Failure.duplicate(username: username) }
            if let role, role != .admin, user.role == Role.admin.rawValue, try Self.adminCount(db) <= 1 {
                throw Failure.lastAdmin
            }
            user.username = username ?? user.username
            user.role = role?.rawValue ?? user.role
            user.passwordHash = hash ?? user.passwordHash
            user.updatedAt = SQLiteTime.format(Date())
            try user.update(db)
            // A new password ends every login made with the old one.
            if hash != nil { try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id]) }
            return user
        }
    }

    public func delete(_ writer: some DatabaseWriter, id: Int64) throws {
        try writer.write { db in
            guard let user = try UserRecord.fetchOne(db, key: id) else { throw Failure.notFound(id: id) }
            if user.role == Role.admin.rawValue, try Self.adminCount(db) <= 1 { throw Failure.lastAdmin }
            // Media and activity keep their rows; they just no longer point at the user.
            for table in ["movies", "tv_shows", "artists"] {
                try db.execute(sql: "UPDATE \(table) SET added_by = NULL WHERE added_by = ?", arguments: [id])
            }
            try db.execute(sql: "UPDATE activity SET user_id = NULL WHERE user_id = ?", arguments: [id])
            _ = try UserRecord.deleteOne(db, key: id)  // sessions go with it (ON DELETE CASCADE)
        }
    }

    static func usernameTaken(_ db: Database, _ username: String, except id: Int64?) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE username = ? COLLATE NOCASE AND id IS NOT ?",
                         arguments: [username, id]) ?? 0 > 0
    }

    static func adminCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'admin'") ?? 0
    }
}
