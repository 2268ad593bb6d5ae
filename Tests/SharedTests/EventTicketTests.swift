@testable import Core
@testable import Config
@testable import Releases
@testable import Persistence
@testable import Net
@testable import Auth
@testable import Metadata
@testable import Indexers
@testable import Control
@testable import Library
import Foundation
import GRDB
import Testing

@Suite struct EventTicketTests {
    @Test func ticketsWorkOnceAndOnlyInTime() throws {
        let (db, _) = try makeTestDatabase()
        let user = try UserAccounts().create(db, username: "uhura", password: "hailing-frequencies", role: .user)
        let now = Date()
        let first = try db.write { try EventTickets.issue($0, userID: user.id!, now: now) }
        #expect(first.ticket.count == 43)    // 32 random bytes, base64url
        let stored = try db.read { try String.fetchOne($0, sql: "SELECT token_hash FROM event_tickets") }
        #expect(stored == TokenService.fingerprint(first.ticket))    // never the ticket itself
        #expect(try db.write { try EventTickets.redeem($0, ticket: first.ticket, now: now) } == user.id)
        #expect(try db.write { try EventTickets.redeem($0, ticket: first.ticket, now: now) } == nil)   // used

        let late = try db.write { try EventTickets.issue($0, userID: user.id!, now: now) }
        #expect(try db.write { try EventTickets.redeem($0, ticket: late.ticket, now: now.addingTimeInterval(61)) } == nil)
        #expect(try db.write { try EventTickets.redeem($0, ticket: "forged", now: now) } == nil)
        #expect(try db.write { try EventTickets.redeem($0, ticket: String(repeating: "x", count: 10_000), now: now) } == nil)
    }

    @Test func deletingTheUserDeletesTheirTickets() throws {
        let (db, _) = try makeTestDatabase()
        let user = try UserAccounts().create(db, username: "chekov", password: "nuclear-wessels", role: .user)
        let issued = try db.write { try EventTickets.issue($0, userID: user.id!) }
        try db.write { try $0.execute(sql: "DELETE FROM users WHERE id = ?", arguments: [user.id]) }
        #expect(try db.write { try EventTickets.redeem($0, ticket: issued.ticket) } == nil)
    }
}
