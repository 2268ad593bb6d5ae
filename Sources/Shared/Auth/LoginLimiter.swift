import Foundation
import Config
import Persistence

/// Counts failed logins per username and per client address in a fixed window. Past the limit,
/// login answers 429 with the seconds left until the window ends, even for the right password,
/// so a guesser learns nothing. A successful login clears the username's count.
public struct LoginLimiter: Sendable {
    public let store: LoginFailureStore
    public let maxPerUser: Int
    public let maxPerAddress: Int
    public let window: TimeInterval

    public init(_ store: LoginFailureStore, maxPerUser: Int, maxPerAddress: Int, window: TimeInterval) {
        self.store = store
        self.maxPerUser = maxPerUser
        self.maxPerAddress = maxPerAddress
        self.window = window
    }

    public init(_ store: LoginFailureStore, _ auth: LCARSConfig.Auth) {
        self.init(store, maxPerUser: auth.maxFailuresPerUser, maxPerAddress: auth.maxFailuresPerAddress,
                  window: TimeInterval(auth.failureWindowMinutes * 60))
    }

    /// The keys a login attempt counts against; an unknown address (empty) counts only the name.
    /// A name longer than any account can have is not a key: it names nobody, and storing what an
    /// unauthenticated client sends would let it grow the database at will (its address still counts).
    func keys(username: String, address: String) -> [LoginFailureKey] {
        var keys: [LoginFailureKey] = []
        if username.count <= UserAccounts.usernameLengths.upperBound { keys.append(.user(username)) }
        if !address.isEmpty { keys.append(.address(address)) }
        return keys
    }

    func limit(_ key: LoginFailureKey) -> Int {
        key.scope == .user ? maxPerUser : maxPerAddress
    }

    /// Seconds to wait, or nil when a login attempt may go ahead.
    public func retryAfter(username: String, address: String, now: Date = Date()) throws -> Int? {
        let t = now.timeIntervalSince1970
        var wait: TimeInterval = 0
        for count in try store.counts(for: keys(username: username, address: address))
        where count.failures >= limit(count.key) && t - count.windowStartedAt < window {
            wait = max(wait, count.windowStartedAt + window - t)
        }
        return wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
    }

    public func recordFailedLogin(username: String, address: String, now: Date = Date()) throws {
        try store.recordFailedLogin(keys(username: username, address: address), window: window, now: now)
    }

    public func clearFailures(username: String) throws {
        try store.clearFailures(username: username)
    }
}
