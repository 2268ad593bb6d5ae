import Foundation
import GRDB

/// What failed logins are counted against: one username from one client address (the growing
/// delay), or a client address whatever the name (the address limit).
public struct LoginFailureKey: Sendable, Hashable {
    /// `pair` is stored as "user": V002's CHECK admits "user" and "address", and a pair key
    /// always begins with the name, so no schema change was needed when the per-name lock went.
    public enum Scope: String, Sendable { case pair = "user", address }
    public let scope: Scope
    public let key: String

    /// The name is case-insensitive, as login matches names; an address never holds a newline,
    /// so "name\naddress" cannot collide with another pair.
    public static func pair(username: String, address: String) -> LoginFailureKey {
        .init(scope: .pair, key: username.lowercased() + "\n" + address)
    }
    public static func address(_ address: String) -> LoginFailureKey { .init(scope: .address, key: address) }
}

/// A row of `login_failures`: how many logins failed for one key since its window started.
public struct LoginFailureRecord: Sendable, Equatable {
    public let key: LoginFailureKey
    public let failures: Int
    /// Unix seconds the key's window started: an address's first failure (a fixed window), a
    /// pair's latest failure (each failure starts the pair's window again, keeping the count).
    public let windowStartedAt: TimeInterval
}

extension LoginFailureRecord: FetchableRecord {
    static let columns = "scope, key, failures, window_started_at"

    public init(row: Row) {
        // The schema's CHECK admits only the two scopes.
        key = LoginFailureKey(scope: LoginFailureKey.Scope(rawValue: row[0]) ?? .address, key: row[1])
        failures = row[2]
        windowStartedAt = row[3]
    }
}
