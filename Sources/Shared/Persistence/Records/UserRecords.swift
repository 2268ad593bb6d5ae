import Foundation
import GRDB
import Core

/// A row of `users`. The password hash never leaves the server: API output uses `UserView`.
public struct UserRecord: Sendable, Equatable {
    public var id: Int64
    public var username: String
    public var passwordHash: String
    public var role: Role
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64, username: String, passwordHash: String, role: Role, createdAt: String, updatedAt: String) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension UserRecord: FetchableRecord {
    /// The columns `init(row:)` reads, in its order (decoding by position, not by name).
    static let columns = "id, username, password_hash, role, created_at, updated_at"
    /// The same columns of `users` aliased `u`, for joins that put the user first.
    static let joinedColumns = "u.id, u.username, u.password_hash, u.role, u.created_at, u.updated_at"

    public init(row: Row) {
        id = row[0]
        username = row[1]
        passwordHash = row[2]
        // The schema's CHECK admits only 'admin' and 'user'; anything else gets the lesser role.
        role = Role(rawValue: row[3]) ?? .user
        createdAt = row[4]
        updatedAt = row[5]
    }
}

/// What a change to a user sets; nil fields keep their value. The password arrives hashed.
public struct UserChange: Sendable, Equatable {
    public var username: String?
    public var passwordHash: String?
    public var role: Role?

    public init(username: String? = nil, passwordHash: String? = nil, role: Role? = nil) {
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
    }
}

/// A row of `sessions`: one login. Only the SHA-256 of the token is stored.
public struct SessionRecord: Sendable, Equatable {
    public var id: Int64
    public var userID: Int64
    public var tokenHash: String
    public var expiresAt: String
    public var createdAt: String
}

extension SessionRecord: FetchableRecord {
    static let columns = "id, user_id, token_hash, expires_at, created_at"

    public init(row: Row) {
        id = row[0]
        userID = row[1]
        tokenHash = row[2]
        expiresAt = row[3]
        createdAt = row[4]
    }
}

/// A session that has not run out, with the user it belongs to: what a valid token stands for.
public struct ActiveSession: Sendable, Equatable {
    public let sessionID: Int64
    public let user: UserRecord
}
