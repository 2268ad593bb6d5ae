import Foundation
import Persistence

/// One login attempt: the limiter first (while a name+address waits out its delay, or an address
/// is over its limit, the attempt is refused before the password is checked, so a guesser learns
/// nothing and costs no hashing), then the password, then a new session. A failure counts against
/// the name+address and the address; a success clears the name+address count.
public struct Login: Sendable {
    public enum Outcome: Sendable {
        case granted(user: UserRecord, token: String, expiresAt: String)
        case rejected
        case rateLimited(retryAfter: Int)
    }

    let limiter: LoginLimiter
    let accounts: UserAccounts
    let sessions: Sessions

    public init(limiter: LoginLimiter, accounts: UserAccounts, sessions: Sessions) {
        self.limiter = limiter
        self.accounts = accounts
        self.sessions = sessions
    }

    /// `address` is the client's (empty when unknown: then only the name is limited).
    public func attempt(username: String, password: String, address: String, now: Date = Date()) throws -> Outcome {
        if let wait = try limiter.retryAfter(username: username, address: address, now: now) {
            return .rateLimited(retryAfter: wait)
        }
        guard let user = try accounts.verify(username: username, password: password) else {
            try limiter.recordFailedLogin(username: username, address: address, now: now)
            return .rejected
        }
        try limiter.clearFailures(username: username, address: address)
        let session = try sessions.start(userID: user.id, now: now)
        return .granted(user: user, token: session.token, expiresAt: session.expiresAt)
    }
}
