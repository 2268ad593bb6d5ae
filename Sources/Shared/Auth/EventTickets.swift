import Foundation
import Core
import Persistence

/// One-use, short-lived tickets for the live event stream. A browser's EventSource cannot send an
/// Authorization header, and the login token must not travel in a URL (logs, history), so a
/// logged-in client trades its token for a ticket (POST /api/events/ticket) and opens
/// /api/events?ticket=… within `lifetime`. Only the ticket's SHA-256 is stored.
public struct EventTickets: Sendable {
    public static let lifetime: TimeInterval = 60
    /// Longer "tickets" are refused unhashed: they are not ours.
    static let maxLength = 128
    let store: EventTicketStore

    public init(_ store: EventTicketStore) { self.store = store }

    public func issue(userID: Int64, now: Date = Date()) throws -> (ticket: String, expiresAt: String) {
        var generator = SystemRandomNumberGenerator()
        let ticket = Base64URL.encode(Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
        let expiresAt = now.addingTimeInterval(Self.lifetime)
        try store.issueTicket(tokenHash: TokenService.fingerprint(ticket), userID: userID, expiresAt: expiresAt, now: now)
        return (ticket, SQLiteTime.format(expiresAt))
    }

    /// The user the ticket was issued to, or nil if it is unknown, used or expired. Redeeming consumes it.
    public func redeem(_ ticket: String, now: Date = Date()) throws -> Int64? {
        guard ticket.utf8.count <= Self.maxLength else { return nil }
        return try store.redeemTicket(tokenHash: TokenService.fingerprint(ticket), now: now)
    }
}
