import Foundation
import GRDB
import Core

/// A row of `users`. The password hash never leaves the server: API output uses `UserView`.
public struct UserRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "users"
    public var id: Int64?
    public var username: String
    public var passwordHash: String
    public var role: String
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, username, role
        case passwordHash = "password_hash"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(username: String, passwordHash: String, role: Role, now: Date = Date()) {
        self.username = username
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.createdAt = SQLiteTime.format(now)
        self.updatedAt = self.createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `sessions`: one login. Only the SHA-256 of the token is stored.
public struct SessionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "sessions"
    public var id: Int64?
    public var userId: Int64
    public var tokenHash: String
    public var expiresAt: String
    public var createdAt: String

    public init(id: Int64? = nil, userId: Int64, tokenHash: String, expiresAt: String, createdAt: String) {
        self.id = id
        self.userId = userId
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case userId = "user_id"
        case tokenHash = "token_hash"
        case expiresAt = "expires_at"
        case createdAt = "created_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
