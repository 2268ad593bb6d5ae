import Foundation
import Auth

/// What a worker remembers of the bearer tokens it has already checked: the signature's verdict
/// and the token's fingerprint, both fixed for a given token and `jwt_secret`. Checking the
/// signature (base64, HMAC, decoding the claims) and hashing the token to its hex fingerprint
/// again on every request cost as much as the database lookup they lead to.
///
/// What can change is not remembered here: the expiry is compared with the clock and the session
/// is looked up on every request (SessionStore.activeSession, which reuses a row it read only
/// while the database is unchanged), so logout, a password change or a revoked session still
/// refuse the token at once.
final class VerifiedTokens {
    struct Entry {
        let userID: Int64
        let expiresAt: Int64
        let fingerprint: String
    }

    /// More tokens than a worker sees between recycles in practice; past it, start over.
    static let capacity = 256
    private var entries: [String: Entry] = [:]

    /// nil for a forged, expired, revoked or orphaned token (as `Sessions.authenticate`).
    func authenticate(_ token: String, sessions: Sessions, now: Date = Date()) throws -> AuthenticatedUser? {
        guard let entry = entry(for: token, sessions: sessions, now: now),
              entry.expiresAt > Int64(now.timeIntervalSince1970) else { return nil }
        return try sessions.store.activeSession(tokenHash: entry.fingerprint, userID: entry.userID, now: now)
            .map(AuthenticatedUser.init)
    }

    /// Only tokens whose signature holds are remembered.
    private func entry(for token: String, sessions: Sessions, now: Date) -> Entry? {
        if let known = entries[token] { return known }
        guard let claims = try? sessions.tokens.verify(token, now: now) else { return nil }
        let entry = Entry(userID: claims.sub, expiresAt: claims.exp, fingerprint: TokenService.fingerprint(token))
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[token] = entry
        return entry
    }

    var count: Int { entries.count }
}
