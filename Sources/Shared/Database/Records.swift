import Foundation
import GRDB

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

public enum Role: String, Codable, Sendable, CaseIterable {
    case admin, user
}

/// A row of `sessions`: one login. Only the SHA-256 of the token is stored.
public struct SessionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "sessions"
    public var id: Int64?
    public var userId: Int64
    public var tokenHash: String
    public var expiresAt: String
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case userId = "user_id"
        case tokenHash = "token_hash"
        case expiresAt = "expires_at"
        case createdAt = "created_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// SQLite's own `datetime('now')` text form (UTC, "YYYY-MM-DD HH:MM:SS"), which sorts and compares
/// correctly as text; the API shows the same instants as ISO 8601.
public enum SQLiteTime {
    /// Formatted with gmtime_r: this runs on every authenticated request, and building a
    /// DateFormatter each time cost a fifth of a responder's CPU.
    public static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2)) "
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
    }

    /// The instant a `format` text names (UTC); nil for any other text.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int32($0) }
        guard text.count == 19, parts.count == 6 else { return nil }
        var fields = tm()
        fields.tm_year = parts[0] - 1900
        fields.tm_mon = parts[1] - 1
        fields.tm_mday = parts[2]
        fields.tm_hour = parts[3]
        fields.tm_min = parts[4]
        fields.tm_sec = parts[5]
        return Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
    }

    /// "2026-01-02 03:04:05" → "2026-01-02T03:04:05Z"; anything else is returned unchanged.
    public static func iso8601(_ text: String) -> String {
        guard text.count == 19, text.dropFirst(10).first == " " else { return text }
        return text.replacingOccurrences(of: " ", with: "T") + "Z"
    }
}
