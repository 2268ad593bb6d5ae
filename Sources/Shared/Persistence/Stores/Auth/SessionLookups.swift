import Foundation
import GRDB

/// Sessions already read, remembered per database connection until the database changes.
///
/// Every authenticated request reads its session (and user). Between two changes to the file —
/// a logout, a password change, a revoked login, any other write — the answer can only change
/// with the clock, which is compared on every use. So an answer is reused only on the same
/// connection (held weakly: a closed one never matches), at the same `PRAGMA data_version` (as
/// ListOrders: SQLite changes it whenever another connection commits, and it describes the read
/// transaction's snapshot), and before the session's `expires_at`. Only found sessions are kept.
final class SessionLookups: @unchecked Sendable {
    static let shared = SessionLookups()
    /// More logins than a worker sees between recycles in practice; past it, start over.
    static let capacity = 256

    private struct Key: Hashable {
        let tokenHash: String
        let userID: Int64
    }

    private struct Entry {
        weak var connection: Database?
        let version: Int64
        let expiresAt: Date
        let session: ActiveSession
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    func session(tokenHash: String, userID: Int64, connection: Database, version: Int64, now: Date) -> ActiveSession? {
        lock.withLock {
            guard let entry = entries[Key(tokenHash: tokenHash, userID: userID)], entry.connection === connection,
                  entry.version == version, entry.expiresAt > now else { return nil }
            return entry.session
        }
    }

    func remember(_ session: ActiveSession, tokenHash: String, userID: Int64, expiresAt: Date,
                  connection: Database, version: Int64) {
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[Key(tokenHash: tokenHash, userID: userID)] =
                Entry(connection: connection, version: version, expiresAt: expiresAt, session: session)
        }
    }

    var count: Int { lock.withLock { entries.count } }
}
