import Foundation
import Testing
@testable import Auth
@testable import FCGIApp
@testable import Persistence

/// The worker's memory of checked tokens never lets a token through that `Sessions` would refuse.
@Suite struct VerifiedTokensTests {
    @Test func aRevokedSessionIsRefusedEvenWhenItsTokenIsRemembered() throws {
        let t = try TestApp()
        let token = t.userToken
        #expect(t.send("GET", "/api/movies", token: token).status == 200)
        #expect(t.app.verifiedTokens.count == 1)
        #expect(t.send("POST", "/api/auth/logout", token: token).status == 200)
        #expect(t.send("GET", "/api/movies", token: token).status == 401)
    }

    @Test func aPasswordChangeEndsTheRememberedToken() throws {
        let t = try TestApp()
        let token = t.userToken
        #expect(t.send("GET", "/api/movies", token: token).status == 200)
        let user = try #require(try t.database.users.user(named: "someone"))
        try t.database.sessions.revokeAllSessions(of: user.id)
        #expect(t.send("GET", "/api/movies", token: token).status == 401)
    }

    @Test func anExpiredTokenIsRefusedAfterItWasRemembered() throws {
        let t = try TestApp()
        let token = t.userToken
        let cache = VerifiedTokens()
        #expect(try cache.authenticate(token, sessions: t.app.sessions) != nil)
        let later = Date().addingTimeInterval(TimeInterval(t.config.auth.sessionHours * 3600 + 60))
        #expect(try cache.authenticate(token, sessions: t.app.sessions, now: later) == nil)
    }

    @Test func forgedTokensAreRefusedAndNotRemembered() throws {
        let t = try TestApp()
        let token = t.userToken
        var tampered = Array(token)
        tampered[tampered.count - 2] = tampered[tampered.count - 2] == "A" ? "B" : "A"
        let cache = VerifiedTokens()
        for forged in [String(tampered), "", "a.b.c", token + "x", String(repeating: "x", count: 5000)] {
            #expect(try cache.authenticate(forged, sessions: t.app.sessions) == nil, "\(forged.prefix(40))")
        }
        #expect(cache.count == 0)
        #expect(try cache.authenticate(token, sessions: t.app.sessions)?.username == "someone")
    }

    @Test func theMemoryIsBounded() throws {
        let t = try TestApp()
        _ = t.userToken
        let user = try #require(try t.database.users.user(named: "someone"))
        let cache = VerifiedTokens()
        for _ in 0..<(VerifiedTokens.capacity + 5) {
            #expect(try cache.authenticate(try t.app.sessions.start(userID: user.id).token, sessions: t.app.sessions) != nil)
        }
        #expect(cache.count <= VerifiedTokens.capacity)
    }
}
