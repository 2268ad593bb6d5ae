@testable import Core
@testable import Persistence
@testable import Auth
import Foundation
import GRDB
import Testing

@Suite struct EventTicketTests {
    @Test func ticketsWorkOnceAndOnlyInTime() throws {
        let database = try makeAppDatabase()
        let tickets = EventTickets(database.eventTickets)
        let user = try fastAccounts(database).create(username: "uhura", password: "hailing-frequencies", role: .user)
        let now = Date()
        let first = try tickets.issue(userID: user.id, now: now)
        #expect(first.ticket.count == 43)    // 32 random bytes, base64url
        #expect(first.expiresAt == SQLiteTime.format(now.addingTimeInterval(60)))
        let stored = try database.pool.read { try String.fetchOne($0, sql: "SELECT token_hash FROM event_tickets") }
        #expect(stored == TokenService.fingerprint(first.ticket))    // never the ticket itself
        #expect(try tickets.redeem(first.ticket, now: now) == user.id)
        #expect(try tickets.redeem(first.ticket, now: now) == nil)   // used
        #expect(try count(database, "event_tickets") == 0)

        let late = try tickets.issue(userID: user.id, now: now)
        #expect(try tickets.redeem(late.ticket, now: now.addingTimeInterval(61)) == nil)
        #expect(try tickets.redeem("forged", now: now) == nil)
        #expect(try tickets.redeem(String(repeating: "x", count: 10_000), now: now) == nil)
    }

    @Test func issuingDropsTheExpiredOnes() throws {
        let database = try makeAppDatabase()
        let tickets = EventTickets(database.eventTickets)
        let user = try fastAccounts(database).create(username: "rand", password: "yeoman-rand", role: .user)
        let now = Date()
        _ = try tickets.issue(userID: user.id, now: now)
        _ = try tickets.issue(userID: user.id, now: now.addingTimeInterval(61))
        #expect(try count(database, "event_tickets") == 1)
    }

    @Test func aFailedIssueLeavesTheOldTickets() throws {
        let database = try makeAppDatabase()
        let user = try fastAccounts(database).create(username: "rand", password: "yeoman-rand", role: .user)
        let now = Date()
        try database.eventTickets.issueTicket(tokenHash: "old", userID: user.id, expiresAt: now.addingTimeInterval(1), now: now)
        try database.eventTickets.issueTicket(tokenHash: "h", userID: user.id, expiresAt: now.addingTimeInterval(99), now: now)
        // The expired row is deleted first, then the duplicate fingerprint fails: both roll back.
        #expect(throws: DatabaseError.self) {
            try database.eventTickets.issueTicket(tokenHash: "h", userID: user.id, expiresAt: now.addingTimeInterval(99),
                                                  now: now.addingTimeInterval(5))
        }
        #expect(try count(database, "event_tickets", "token_hash = 'old'") == 1)
    }

    @Test func deletingTheUserDeletesTheirTickets() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        _ = try accounts.create(username: "kirk", password: "enterprise-1701", role: .admin)
        let user = try accounts.create(username: "chekov", password: "nuclear-wessels", role: .user)
        let issued = try EventTickets(database.eventTickets).issue(userID: user.id)
        try accounts.delete(id: user.id)
        #expect(try EventTickets(database.eventTickets).redeem(issued.ticket) == nil)
    }
}
