import Foundation
import GRDB

/// What failed logins are counted against: a username (case-insensitive, as login matches names)
/// or a client address.
public struct LoginFailureKey: Sendable, Hashable {
    public enum Scope: String, Sendable { case user, address }
    public let scope: Scope
    public let key: String

    public static func user(_ username: String) -> LoginFailureKey { .init(scope: .user, key: username.lowercased()) }
    public static func address(_ address: String) -> LoginFailureKey { .init(scope: .address, key: address) }
}

/// A row of `login_failures`: how many logins failed for one key since its window started.
public struct LoginFailureRecord: Sendable, Equatable {
    public let key: LoginFailureKey
    public let failures: Int
    /// Unix seconds of the first failure in the window.
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
