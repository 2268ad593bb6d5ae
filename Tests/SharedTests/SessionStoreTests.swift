@testable import Auth
@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// `sessions` through `SessionStore`, and tokens over it (`Sessions`).
@Suite struct SessionStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func sessions(_ database: AppDatabase, lifetime: TimeInterval = 3600) -> Sessions {
        Sessions(store: database.sessions, tokens: TokenService(secret: "0123456789abcdef0123456789abcdef"), lifetime: lifetime)
    }

    @Test func tokensWorkUntilLogout() throws {
        let database = try makeAppDatabase()
        let kirk = try fastAccounts(database).create(username: "kirk", password: "enterprise-1701", role: .admin)
        let logins = sessions(database)
        let (token, expiresAt) = try logins.start(userID: kirk.id, now: now)
        #expect(expiresAt == SQLiteTime.format(now.addingTimeInterval(3600)))
        let found = try #require(try logins.authenticate(token: token, now: now))
        #expect(found.username == "kirk" && found.role == .admin && found.id == kirk.id)
        // Only the fingerprint is stored.
        #expect(try database.sessions.sessions(of: kirk.id).map(\.tokenHash) == [TokenService.fingerprint(token)])
        try logins.end(found)
        #expect(try logins.authenticate(token: token, now: now) == nil)
        #expect(try database.sessions.revokeSession(id: found.sessionID) == false)
    }

    @Test func aTokenForAnotherUsersSessionFails() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let kirk = try accounts.create(username: "kirk", password: "enterprise-1701", role: .admin)
        let (token, _) = try sessions(database).start(userID: kirk.id, now: now)
        #expect(try database.sessions.activeSession(tokenHash: TokenService.fingerprint(token), userID: kirk.id + 1, now: now) == nil)
        #expect(try database.sessions.activeSession(tokenHash: TokenService.fingerprint(token), userID: kirk.id, now: now)?.user == kirk)
    }

    @Test func expiredSessionsStopWorkingAndArePurged() throws {
        let database = try makeAppDatabase()
        let spock = try fastAccounts(database).create(username: "spock", password: "fascinating", role: .user)
        let logins = sessions(database, lifetime: 60)
        let (token, _) = try logins.start(userID: spock.id, now: now)
        let later = now.addingTimeInterval(61)
        #expect(try logins.authenticate(token: token, now: now.addingTimeInterval(59)) != nil)
        #expect(try database.sessions.activeSession(tokenHash: TokenService.fingerprint(token), userID: spock.id, now: later) == nil)
        #expect(try database.sessions.purgeExpired(now: now) == 0)
        #expect(try database.sessions.purgeExpired(now: later) == 1)
        #expect(try database.sessions.sessions(of: spock.id).isEmpty)
    }

    @Test func aNewLoginPurgesTheExpiredOnes() throws {
        let database = try makeAppDatabase()
        let spock = try fastAccounts(database).create(username: "spock", password: "fascinating", role: .user)
        try database.sessions.startSession(userID: spock.id, tokenHash: "old", expiresAt: now.addingTimeInterval(10), now: now)
        try database.sessions.startSession(userID: spock.id, tokenHash: "new", expiresAt: now.addingTimeInterval(999),
                                           now: now.addingTimeInterval(10))
        #expect(try database.sessions.sessions(of: spock.id).map(\.tokenHash) == ["new"])
    }

    @Test func aFailedLoginWriteLeavesNothing() throws {
        let database = try makeAppDatabase()
        let spock = try fastAccounts(database).create(username: "spock", password: "fascinating", role: .user)
        try database.sessions.startSession(userID: spock.id, tokenHash: "old", expiresAt: now.addingTimeInterval(10), now: now)
        try database.sessions.startSession(userID: spock.id, tokenHash: "same", expiresAt: now.addingTimeInterval(99), now: now)
        // The purge runs first; the duplicate fingerprint then fails the insert, and the purge goes too.
        #expect(throws: DatabaseError.self) {
            try database.sessions.startSession(userID: spock.id, tokenHash: "same", expiresAt: now.addingTimeInterval(99),
                                               now: now.addingTimeInterval(20))
        }
        #expect(try database.sessions.sessions(of: spock.id).map(\.tokenHash) == ["old", "same"])
    }

    @Test func revokingAllEndsEveryLoginOfOneUser() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let (a, b) = (try accounts.create(username: "troi", password: "imzadi-imzadi", role: .user),
                      try accounts.create(username: "crusher", password: "doctor-crusher", role: .user))
        for (user, hash) in [(a, "a1"), (a, "a2"), (b, "b1")] {
            try database.sessions.startSession(userID: user.id, tokenHash: hash, expiresAt: now.addingTimeInterval(60), now: now)
        }
        try database.sessions.revokeAllSessions(of: a.id)
        #expect(try database.sessions.sessions(of: a.id).isEmpty)
        #expect(try database.sessions.sessions(of: b.id).count == 1)
    }

    /// Sessions read once are reused until the database changes (SessionLookups): a change made
    /// by another program — here a second connection, as lcarsd or another worker would be — is
    /// seen on the very next lookup, and so is the clock passing the session's expiry.
    @Test func aRememberedSessionIsDroppedByAnyChangeAndByItsExpiry() throws {
        let (pool, path) = try makeTestDatabase()
        let database = AppDatabase(pool: pool)
        let kirk = try fastAccounts(database).create(username: "kirk", password: "enterprise-1701", role: .admin)
        try database.sessions.startSession(userID: kirk.id, tokenHash: "t-kirk", expiresAt: now.addingTimeInterval(60), now: now)
        let store = database.sessions
        for _ in 0..<3 { #expect(try store.activeSession(tokenHash: "t-kirk", userID: kirk.id, now: now)?.user.role == .admin) }
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "UPDATE users SET role = 'user' WHERE id = ?", arguments: [kirk.id]) }
        #expect(try store.activeSession(tokenHash: "t-kirk", userID: kirk.id, now: now)?.user.role == .user)
        #expect(try store.activeSession(tokenHash: "t-kirk", userID: kirk.id, now: now.addingTimeInterval(59))?.user.role == .user)
        #expect(try store.activeSession(tokenHash: "t-kirk", userID: kirk.id, now: now.addingTimeInterval(60)) == nil)
        #expect(try store.activeSession(tokenHash: "t-kirk", userID: kirk.id, now: now)?.user.id == kirk.id)
        try other.write { try $0.execute(sql: "DELETE FROM sessions WHERE token_hash = 't-kirk'") }
        #expect(try store.activeSession(tokenHash: "t-kirk", userID: kirk.id, now: now) == nil)
        #expect(try store.activeSession(tokenHash: "t-kirk", userID: kirk.id + 1, now: now) == nil)
    }
}
