@testable import Auth
@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// `login_failures` through `LoginFailureStore`, the limits over it, and a whole login attempt.
@Suite struct LoginLimiterTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    @Test func failuresCountWithinTheWindowAndRestartAfterIt() throws {
        let store = try makeAppDatabase().loginFailures
        let key = LoginFailureKey.user("Uhura")
        for i in 0..<3 { try store.recordFailedLogin([key], window: 600, now: t0.addingTimeInterval(Double(i))) }
        #expect(try store.counts(for: [.user("UHURA")]) == [LoginFailureRecord(key: .user("uhura"), failures: 3, windowStartedAt: 1_000_000)])
        try store.recordFailedLogin([key], window: 600, now: t0.addingTimeInterval(599))
        #expect(try store.counts(for: [key]).first?.failures == 4)
        try store.recordFailedLogin([key], window: 600, now: t0.addingTimeInterval(600))
        #expect(try store.counts(for: [key]) == [LoginFailureRecord(key: key, failures: 1, windowStartedAt: 1_000_600)])
    }

    /// Rows whose window ran out limit nobody; the next failure deletes them, so the table holds at
    /// most one window's worth of keys however long a guesser keeps trying.
    @Test func expiredRowsAreDeletedByTheNextFailure() throws {
        let database = try makeAppDatabase()
        let store = database.loginFailures
        try store.recordFailedLogin([.user("kirk"), .address("10.0.0.1")], window: 600, now: t0)
        try store.recordFailedLogin([.user("spock")], window: 600, now: t0.addingTimeInterval(300))
        try store.recordFailedLogin([.user("mccoy")], window: 600, now: t0.addingTimeInterval(700))
        #expect(try store.counts(for: [.user("kirk"), .address("10.0.0.1")]).isEmpty)
        #expect(try store.counts(for: [.user("spock"), .user("mccoy")]).map(\.key) == [.user("spock"), .user("mccoy")])
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM login_failures") } == 2)
    }

    /// A name longer than any account can have is never stored (a 900 KB "username" used to be);
    /// the attempt still counts against the client's address.
    @Test func aNameNoAccountCanHaveIsNotStored() throws {
        let database = try makeAppDatabase()
        let limiter = LoginLimiter(database.loginFailures, maxPerUser: 3, maxPerAddress: 100, window: 600)
        let huge = String(repeating: "x", count: 900_000)
        try limiter.recordFailedLogin(username: huge, address: "10.0.0.5", now: t0)
        try limiter.recordFailedLogin(username: String(repeating: "y", count: 32), address: "", now: t0)
        let keys = try database.pool.read { try String.fetchAll($0, sql: "SELECT key FROM login_failures ORDER BY key") }
        #expect(keys == ["10.0.0.5", String(repeating: "y", count: 32)])
    }

    @Test func clearingForgetsTheNameButNotTheAddress() throws {
        let store = try makeAppDatabase().loginFailures
        try store.recordFailedLogin([.user("sulu"), .address("10.0.0.1")], window: 600, now: t0)
        try store.clearFailures(username: "SULU")
        #expect(try store.counts(for: [.user("sulu"), .address("10.0.0.1")]).map(\.key) == [.address("10.0.0.1")])
    }

    @Test func aFailureRecordedHalfWayLeavesNothing() throws {
        let database = try makeAppDatabase()
        try failWrites(database, "BEFORE INSERT", on: "login_failures", when: "NEW.scope = 'address'")
        #expect(throws: DatabaseError.self) {
            try database.loginFailures.recordFailedLogin([.user("chekov"), .address("10.0.0.9")], window: 600, now: t0)
        }
        #expect(try database.loginFailures.counts(for: [.user("chekov")]).isEmpty)
    }

    @Test func blocksAfterTheLimitUntilTheWindowEnds() throws {
        let limiter = LoginLimiter(try makeAppDatabase().loginFailures, maxPerUser: 3, maxPerAddress: 100, window: 600)
        for i in 0..<3 {
            #expect(try limiter.retryAfter(username: "Uhura", address: "10.0.0.1", now: t0) == nil)
            try limiter.recordFailedLogin(username: "uhura", address: "10.0.0.1", now: t0.addingTimeInterval(Double(i)))
        }
        #expect(try limiter.retryAfter(username: "UHURA", address: "10.0.0.2", now: t0.addingTimeInterval(100)) == 500)
        #expect(try limiter.retryAfter(username: "uhura", address: "", now: t0.addingTimeInterval(600)) == nil)
        // A new failure after the window starts a new count.
        try limiter.recordFailedLogin(username: "uhura", address: "", now: t0.addingTimeInterval(700))
        #expect(try limiter.retryAfter(username: "uhura", address: "", now: t0.addingTimeInterval(701)) == nil)
    }

    @Test func theAddressLimitSpansUsernames() throws {
        let limiter = LoginLimiter(try makeAppDatabase().loginFailures, maxPerUser: 100, maxPerAddress: 2, window: 60)
        try limiter.recordFailedLogin(username: "ghost1", address: "10.0.0.7", now: t0)
        try limiter.recordFailedLogin(username: "ghost2", address: "10.0.0.7", now: t0)
        #expect(try limiter.retryAfter(username: "admin", address: "10.0.0.7", now: t0.addingTimeInterval(0.5)) == 60)
        #expect(try limiter.retryAfter(username: "admin", address: "10.0.0.8", now: t0) == nil)
    }

    @Test func aLoginAttemptIsLimitedCheckedAndCounted() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let worf = try accounts.create(username: "worf", password: "bat-leth-1", role: .user)
        let login = Login(limiter: LoginLimiter(database.loginFailures, maxPerUser: 2, maxPerAddress: 100, window: 600),
                          accounts: accounts,
                          sessions: Sessions(store: database.sessions, tokens: TokenService(secret: "s"), lifetime: 60))
        guard case .rejected = try login.attempt(username: "worf", password: "wrong-one", address: "", now: t0) else {
            Issue.record("a wrong password must be rejected"); return
        }
        guard case .granted(let user, _, _) = try login.attempt(username: "WORF", password: "bat-leth-1", address: "", now: t0) else {
            Issue.record("the right password must log in"); return
        }
        #expect(user == worf)
        #expect(try database.loginFailures.counts(for: [.user("worf")]).isEmpty)   // success cleared the count
        for _ in 0..<2 { _ = try login.attempt(username: "worf", password: "wrong-one", address: "", now: t0) }
        guard case .rateLimited(let wait) = try login.attempt(username: "worf", password: "bat-leth-1", address: "", now: t0) else {
            Issue.record("past the limit even the right password is refused"); return
        }
        #expect(wait == 600)
        guard case .rejected = try login.attempt(username: "nobody", password: "whatever1", address: "", now: t0) else {
            Issue.record("an unknown user must be rejected"); return
        }
        #expect(try database.sessions.sessions(of: worf.id).count == 1)
    }
}
