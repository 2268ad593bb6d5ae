import Foundation
import GRDB
import Core

/// One-use, short-lived tickets for the live event stream. A browser's EventSource cannot send an
/// Authorization header, and the login token must not travel in a URL (logs, history), so a
/// logged-in client trades its token for a ticket (POST /api/events/ticket) and opens
/// /api/events?ticket=… within `lifetime`. Only the ticket's SHA-256 is stored.
public enum EventTickets {
    public static let lifetime: TimeInterval = 60

    public static func issue(_ db: Database, userID: Int64, now: Date = Date()) throws -> (ticket: String, expiresAt: String) {
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = UInt8.random(in: .min ... .max) }
        let ticket = Base64URL.encode(Data(bytes))
        let expiresAt = SQLiteTime.format(now.addingTimeInterval(lifetime))
        try db.execute(sql: "DELETE FROM event_tickets WHERE expires_at <= ?", arguments: [SQLiteTime.format(now)])
        try db.execute(sql: "INSERT INTO event_tickets (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                       arguments: [TokenService.fingerprint(ticket), userID, expiresAt])
        return (ticket, expiresAt)
    }

    /// The user the ticket was issued to, or nil if it is unknown, used or expired. Redeeming consumes it.
    public static func redeem(_ db: Database, ticket: String, now: Date = Date()) throws -> Int64? {
        guard ticket.utf8.count <= 128 else { return nil }
        let row = try Row.fetchOne(db, sql: """
            DELETE FROM event_tickets WHERE token_hash = ? RETURNING user_id, expires_at
            """, arguments: [TokenService.fingerprint(ticket)])
        guard let row, (row["expires_at"] as String) > SQLiteTime.format(now) else { return nil }
        return row["user_id"]
    }
}
