@testable import Auth
@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// `login_failures` through `LoginFailureStore`, the delays and limits over it, and a whole login attempt.
@Suite struct LoginLimiterTests {
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    func limiter(_ database: AppDatabase, maxPerAddress: Int = 100, window: TimeInterval = 600) -> LoginLimiter {
        LoginLimiter(database.loginFailures, delayAfter: 3, maxDelay: 30, maxPerAddress: maxPerAddress, window: window)
    }

    @Test func anAddressCountsInAFixedWindow() throws {
        let store = try makeAppDatabase().loginFailures
        let key = LoginFailureKey.address("10.0.0.1")
        for i in 0..<3 { try store.recordFailedLogin([key], window: 600, now: at(Double(i))) }
        #expect(try store.counts(for: [key]) == [LoginFailureRecord(key: key, failures: 3, windowStartedAt: 1_000_000)])
        try store.recordFailedLogin([key], window: 600, now: at(599))
        #expect(try store.counts(for: [key]).first?.failures == 4)
        try store.recordFailedLogin([key], window: 600, now: at(600))
        #expect(try store.counts(for: [key]) == [LoginFailureRecord(key: key, failures: 1, windowStartedAt: 1_000_600)])
    }

    /// Each failure of a name+address starts its window again and keeps the count: a guesser who
    /// keeps going stays at the longest delay; the count is forgotten a window after the last one.
    @Test func aPairsWindowSlidesWithEachFailure() throws {
        let store = try makeAppDatabase().loginFailures
        let key = LoginFailureKey.pair(username: "Uhura", address: "10.0.0.1")
        for i in 0..<3 { try store.recordFailedLogin([key], window: 600, now: at(Double(i) * 500)) }
        #expect(try store.counts(for: [.pair(username: "UHURA", address: "10.0.0.1")])
                == [LoginFailureRecord(key: key, failures: 3, windowStartedAt: 1_001_000)])
        try store.recordFailedLogin([key], window: 600, now: at(1600))
        #expect(try store.counts(for: [key]) == [LoginFailureRecord(key: key, failures: 1, windowStartedAt: 1_001_600)])
    }

    /// Rows whose window ran out limit nobody; the next failure deletes them, so the table holds at
    /// most one window's worth of keys however long a guesser keeps trying.
    @Test func expiredRowsAreDeletedByTheNextFailure() throws {
        let database = try makeAppDatabase()
        let store = database.loginFailures
        try store.recordFailedLogin([.pair(username: "kirk", address: "10.0.0.1"), .address("10.0.0.1")], window: 600, now: t0)
        try store.recordFailedLogin([.pair(username: "spock", address: "")], window: 600, now: at(300))
        try store.recordFailedLogin([.pair(username: "mccoy", address: "")], window: 600, now: at(700))
        #expect(try store.counts(for: [.pair(username: "kirk", address: "10.0.0.1"), .address("10.0.0.1")]).isEmpty)
        #expect(try store.counts(for: [.pair(username: "spock", address: ""), .pair(username: "mccoy", address: "")]).count == 2)
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM login_failures") } == 2)
    }

    /// A name longer than any account can have is never stored (a 900 KB "username" used to be);
    /// the attempt still counts against the client's address.
    @Test func aNameNoAccountCanHaveIsNotStored() throws {
        let database = try makeAppDatabase()
        let limiter = limiter(database)
        let huge = String(repeating: "x", count: 900_000)
        try limiter.recordFailedLogin(username: huge, address: "10.0.0.5", now: t0)
        try limiter.recordFailedLogin(username: String(repeating: "y", count: 32), address: "", now: t0)
        let keys = try database.pool.read { try String.fetchAll($0, sql: "SELECT key FROM login_failures ORDER BY key") }
        #expect(keys == ["10.0.0.5", String(repeating: "y", count: 32) + "\n"])
    }

    @Test func clearingForgetsThePairButNotTheAddress() throws {
        let store = try makeAppDatabase().loginFailures
        let pair = LoginFailureKey.pair(username: "sulu", address: "10.0.0.1")
        try store.recordFailedLogin([pair, .address("10.0.0.1")], window: 600, now: t0)
        try store.clearFailures(.pair(username: "SULU", address: "10.0.0.1"))
        #expect(try store.counts(for: [pair, .address("10.0.0.1")]).map(\.key) == [.address("10.0.0.1")])
    }

    @Test func aFailureRecordedHalfWayLeavesNothing() throws {
        let database = try makeAppDatabase()
        try failWrites(database, "BEFORE INSERT", on: "login_failures", when: "NEW.scope = 'address'")
        let pair = LoginFailureKey.pair(username: "chekov", address: "10.0.0.9")
        #expect(throws: DatabaseError.self) {
            try database.loginFailures.recordFailedLogin([pair, .address("10.0.0.9")], window: 600, now: t0)
        }
        #expect(try database.loginFailures.counts(for: [pair]).isEmpty)
    }

    @Test func theDelayDoublesFromTheThirdFailureUpToItsCap() throws {
        let limiter = limiter(try makeAppDatabase())
        #expect((0...10).map(limiter.delay(afterFailures:)) == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30])
        #expect(limiter.delay(afterFailures: 10_000) == 30)
    }

    /// The replacement of the 15-minute lock: a name+address waits out a short delay after its
    /// latest failure, and then even many failures later the right password gets in within 30 s.
    @Test func aPairWaitsOutItsDelayFromTheLatestFailure() throws {
        let limiter = limiter(try makeAppDatabase())
        var t = 0.0
        for failure in 1...12 {
            #expect(try limiter.retryAfter(username: "Uhura", address: "10.0.0.1", now: at(t)) == nil, "failure \(failure)")
            try limiter.recordFailedLogin(username: "uhura", address: "10.0.0.1", now: at(t))
            t += Double(limiter.delay(afterFailures: failure))
        }
        // After the 12th failure the delay is at its cap: 30 s, counted from that failure.
        let last = t - 30
        #expect(try limiter.retryAfter(username: "UHURA", address: "10.0.0.1", now: at(last + 0.5)) == 30)
        #expect(try limiter.retryAfter(username: "uhura", address: "10.0.0.1", now: at(last + 29.2)) == 1)
        #expect(try limiter.retryAfter(username: "uhura", address: "10.0.0.1", now: at(last + 30)) == nil)
        // Another address is not delayed at all: the guesser cannot lock the owner out.
        #expect(try limiter.retryAfter(username: "uhura", address: "10.0.0.2", now: at(last + 0.5)) == nil)
    }

    @Test func theAddressLimitSpansUsernamesUntilItsWindowEnds() throws {
        let limiter = limiter(try makeAppDatabase(), maxPerAddress: 2, window: 60)
        try limiter.recordFailedLogin(username: "ghost1", address: "10.0.0.7", now: t0)
        try limiter.recordFailedLogin(username: "ghost2", address: "10.0.0.7", now: t0)
        #expect(try limiter.retryAfter(username: "admin", address: "10.0.0.7", now: at(0.5)) == 60)
        #expect(try limiter.retryAfter(username: "admin", address: "10.0.0.7", now: at(60)) == nil)
        #expect(try limiter.retryAfter(username: "admin", address: "10.0.0.8", now: t0) == nil)
    }

    @Test func aLoginAttemptIsDelayedCheckedAndCounted() throws {
        let database = try makeAppDatabase()
        let accounts = fastAccounts(database)
        let worf = try accounts.create(username: "worf", password: "bat-leth-1", role: .user)
        let login = Login(limiter: limiter(database), accounts: accounts,
                          sessions: Sessions(store: database.sessions, tokens: TokenService(secret: "s"), lifetime: 60))
        let pair = LoginFailureKey.pair(username: "worf", address: "10.0.0.3")
        guard case .rejected = try login.attempt(username: "worf", password: "wrong-one", address: "10.0.0.3", now: t0) else {
            Issue.record("a wrong password must be rejected"); return
        }
        guard case .granted(let user, _, _) = try login.attempt(username: "WORF", password: "bat-leth-1", address: "10.0.0.3", now: t0) else {
            Issue.record("the right password must log in"); return
        }
        #expect(user == worf)
        #expect(try database.loginFailures.counts(for: [pair]).isEmpty)   // success cleared the count
        for _ in 0..<3 { _ = try login.attempt(username: "worf", password: "wrong-one", address: "10.0.0.3", now: t0) }
        // During the delay even the right password is refused, unchecked and uncounted.
        for password in ["bat-leth-1", "wrong-two"] {
            guard case .rateLimited(let wait) = try login.attempt(username: "worf", password: password, address: "10.0.0.3", now: at(0.2)) else {
                Issue.record("during the delay every attempt is refused"); return
            }
            #expect(wait == 1)
        }
        #expect(try database.loginFailures.counts(for: [pair]).first?.failures == 3)
        guard case .granted = try login.attempt(username: "worf", password: "bat-leth-1", address: "10.0.0.3", now: at(1)) else {
            Issue.record("after the delay the right password logs in"); return
        }
        guard case .rejected = try login.attempt(username: "nobody", password: "whatever1", address: "10.0.0.3", now: t0) else {
            Issue.record("an unknown user must be rejected"); return
        }
        #expect(try database.sessions.sessions(of: worf.id).count == 2)
    }
}
