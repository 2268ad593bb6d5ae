import Foundation
import Config
import Persistence

/// Slows password guessing without letting anyone lock an account.
///
/// Per username *and* client address, failures past `delayAfter` make the next attempt wait
/// 1 s, then 2 s, 4 s … up to `maxDelay`, counted from the latest failure: a guesser gets a few
/// tries a minute, while the owner — from another address at once, from the same one within
/// `maxDelay` seconds — still gets in with the right password. (A lock per name, as before,
/// let anyone shut any account out, admin included, with five wrong passwords.)
/// Per address, past `maxPerAddress` failures every attempt from it waits until its window ends,
/// whatever the name. Waiting is the client's: login answers 429 with the seconds left and no
/// responder ever sleeps. A successful login clears its name+address count.
public struct LoginLimiter: Sendable {
    public let store: LoginFailureStore
    public let delayAfter: Int
    public let maxDelay: Int
    public let maxPerAddress: Int
    public let window: TimeInterval

    public init(_ store: LoginFailureStore, delayAfter: Int, maxDelay: Int, maxPerAddress: Int, window: TimeInterval) {
        self.store = store
        self.delayAfter = delayAfter
        self.maxDelay = maxDelay
        self.maxPerAddress = maxPerAddress
        self.window = window
    }

    public init(_ store: LoginFailureStore, _ auth: LCARSConfig.Auth) {
        self.init(store, delayAfter: auth.delayAfterFailures, maxDelay: auth.maxDelaySeconds,
                  maxPerAddress: auth.maxFailuresPerAddress, window: TimeInterval(auth.failureWindowMinutes * 60))
    }

    /// The keys a login attempt counts against; an unknown address (empty) counts only the name.
    /// A name longer than any account can have is not a key: it names nobody, and storing what an
    /// unauthenticated client sends would let it grow the database at will (its address still counts).
    func keys(username: String, address: String) -> [LoginFailureKey] {
        var keys: [LoginFailureKey] = []
        if username.count <= UserAccounts.usernameLengths.upperBound { keys.append(.pair(username: username, address: address)) }
        if !address.isEmpty { keys.append(.address(address)) }
        return keys
    }

    /// Seconds a name+address must wait after its `failures`-th failure: none up to `delayAfter`,
    /// then 1, 2, 4 … capped at `maxDelay`.
    public func delay(afterFailures failures: Int) -> Int {
        guard failures >= delayAfter else { return 0 }
        let doublings = min(failures - delayAfter, 20)
        return min(maxDelay, 1 << doublings)
    }

    /// Seconds to wait, or nil when a login attempt may go ahead.
    public func retryAfter(username: String, address: String, now: Date = Date()) throws -> Int? {
        let t = now.timeIntervalSince1970
        var until: TimeInterval = 0
        for count in try store.counts(for: keys(username: username, address: address)) {
            switch count.key.scope {
            case .pair:
                until = max(until, count.windowStartedAt + TimeInterval(delay(afterFailures: count.failures)))
            case .address where count.failures >= maxPerAddress:
                until = max(until, count.windowStartedAt + window)
            case .address:
                break
            }
        }
        return until > t ? max(1, Int((until - t).rounded(.up))) : nil
    }

    public func recordFailedLogin(username: String, address: String, now: Date = Date()) throws {
        try store.recordFailedLogin(keys(username: username, address: address), window: window, now: now)
    }

    /// After a successful login: this name from this address starts again without delay.
    public func clearFailures(username: String, address: String) throws {
        try store.clearFailures(.pair(username: username, address: address))
    }
}
