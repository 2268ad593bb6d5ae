import Foundation
import GRDB
import Core

extension AppDatabase {
    /// The one-use tickets of the live event stream (`event_tickets`).
    public var eventTickets: EventTicketStore { EventTicketStore(pool: pool) }
}

/// The owner of `event_tickets`: fingerprints of one-use, short-lived tickets (Auth's `EventTickets`
/// makes them). Redeeming deletes the row, so a ticket works once.
public struct EventTicketStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Stores a new ticket's fingerprint, dropping the ones that have run out.
    public func issueTicket(tokenHash: String, userID: Int64, expiresAt: Date, now: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM event_tickets WHERE expires_at <= ?", arguments: [SQLiteTime.format(now)])
            try db.execute(sql: "INSERT INTO event_tickets (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                           arguments: [tokenHash, userID, SQLiteTime.format(expiresAt)])
        }
    }

    /// Consumes the ticket with this fingerprint: the user it was issued to, or nil if it is
    /// unknown, used or expired.
    public func redeemTicket(tokenHash: String, now: Date = Date()) throws -> Int64? {
        try pool.write { db in
            let row = try Row.fetchOne(db, sql: "DELETE FROM event_tickets WHERE token_hash = ? RETURNING user_id, expires_at",
                                       arguments: [tokenHash])
            guard let row, (row[1] as String) > SQLiteTime.format(now) else { return nil }
            return row[0]
        }
    }
}
