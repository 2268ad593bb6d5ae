import Foundation
import Core
import Persistence

/// Creating, changing and deleting users, with the rules the API and `lcarsd users` share: valid
/// names and passwords (checked here, before anything is hashed or written), and — checked by
/// `UserStore` inside its transactions — unique names and never zero admins.
public struct UserAccounts: Sendable {
    public static let minPasswordLength = 8
    public let store: UserStore
    let hasher: PasswordHasher

    public init(_ store: UserStore, hasher: PasswordHasher = PasswordHasher()) {
        self.store = store
        self.hasher = hasher
    }

    /// How long a username may be; no account has a name outside this range.
    public static let usernameLengths = 2...32

    public static func validate(username: String) throws(DomainError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard usernameLengths.contains(username.count), username.allSatisfy(allowed.contains) else {
            throw .validation("username: 2 to 32 characters: letters, digits, '.', '_' or '-'", field: "username")
        }
    }

    public static func validate(password: String) throws(DomainError) {
        guard password.count >= minPasswordLength, password.utf8.count <= PasswordHasher.maxPasswordBytes else {
            throw .validation("password: \(minPasswordLength) to \(PasswordHasher.maxPasswordBytes) bytes", field: "password")
        }
    }

    /// Hashing runs before the write transaction: it is slow on purpose and must not hold the lock.
    public func create(username: String, password: String, role: Role) throws -> UserRecord {
        try Self.validate(username: username)
        try Self.validate(password: password)
        return try store.createUser(username: username, passwordHash: try hasher.hash(password), role: role)
    }

    /// Changes what is given; a new password ends all of the user's logins.
    public func change(id: Int64, username: String? = nil, password: String? = nil, role: Role? = nil) throws -> UserRecord {
        if let username { try Self.validate(username: username) }
        if let password { try Self.validate(password: password) }
        let hash = try password.map(hasher.hash)
        return try store.changeUser(id: id, UserChange(username: username, passwordHash: hash, role: role))
    }

    public func delete(id: Int64) throws {
        try store.deleteUser(id: id)
    }

    /// The user if the password is theirs. Unknown names are checked against a decoy hash, so
    /// both refusals take the same time and do not tell which names exist.
    public func verify(username: String, password: String) throws -> UserRecord? {
        let user = try store.user(named: username)
        let valid = hasher.verify(password, against: user?.passwordHash ?? PasswordHasher.decoyHash)
        return valid ? user : nil
    }
}
