import Foundation
import GRDB
import Auth
import Testing
@testable import FCGIApp

/// /api/auth in-process: login, logout and me over a real SQLite file.
@Suite struct AuthRouteTests {
    func login(_ t: TestApp, _ username: String, _ password: String) -> TestResponse {
        t.send("POST", "/api/auth/login", json: ["username": username, "password": password])
    }

    @Test func loggingInReturnsAWorkingTokenAndTheUser() throws {
        let t = try TestApp()
        _ = try t.login("kirk", role: .admin)
        let answer = login(t, "KIRK", "password-kirk")
        #expect(answer.status == 200)
        let token = try #require(answer.object["token"] as? String)
        #expect(token.split(separator: ".").count == 3)
        #expect((answer.object["expires_at"] as? String)?.hasSuffix("Z") == true)
        let user = try #require(answer.object["user"] as? [String: Any])
        #expect(Set(user.keys) == ["id", "username", "role", "created_at"])
        #expect(user["username"] as? String == "kirk" && user["role"] as? String == "admin")
        #expect(t.send("GET", "/api/auth/me", token: token).object["username"] as? String == "kirk")
    }

    @Test func aWrongPasswordOrAnUnknownUserIs401() throws {
        let t = try TestApp()
        _ = try t.login("kirk")
        for (name, password) in [("kirk", "not-the-password"), ("nobody-here", "whatever123")] {
            let answer = login(t, name, password)
            #expect(answer.status == 401)
            #expect(answer.errorCode == "invalid_credentials")
            #expect(answer.errorMessage == "unknown username or wrong password")
        }
    }

    /// Failures of one name from one address delay that pair only (429 + Retry-After, at most 30 s
    /// by default), never the name from elsewhere: nobody can lock an account by guessing wrong.
    @Test func failuresDelayTheNameFromThatAddressOnly() throws {
        let t = try TestApp()
        _ = try t.login("kirk")
        // As after a guesser's 8th wrong password from 10.9.9.9 just now: the longest delay.
        for _ in 0..<8 { try t.app.limiter.recordFailedLogin(username: "kirk", address: "10.9.9.9") }
        let answer = t.send("POST", "/api/auth/login", json: ["username": "kirk", "password": "password-kirk"], remoteAddress: "10.9.9.9")
        #expect(answer.status == 429)
        #expect(answer.errorCode == "rate_limited")
        let retry = try #require(answer.header("Retry-After").flatMap { Int($0) })
        #expect((1...30).contains(retry))
        #expect(answer.errorMessage == "too many failed logins; try again in \(retry) s")
        #expect(t.send("POST", "/api/auth/login", json: ["username": "kirk", "password": "password-kirk"],
                       remoteAddress: "10.8.8.8").status == 200)
    }

    /// Behind a trusted proxy (loopback by default) the client is the right-most X-Forwarded-For
    /// entry that is not a trusted proxy; from anywhere else the header is ignored.
    @Test func theClientAddressTrustsXForwardedForOnlyFromTrustedProxies() throws {
        let t = try TestApp()   // server.trusted_proxies: loopback
        func failedLoginCounts(remote: String, forwardedFor: String) throws -> [String] {
            try t.db.write { try $0.execute(sql: "DELETE FROM login_failures") }
            let answer = t.send("POST", "/api/auth/login", json: ["username": "nobody", "password": "wrong-pw-1"],
                                headers: ["x-forwarded-for": forwardedFor], remoteAddress: remote)
            #expect(answer.status == 401)
            return try t.db.read { try String.fetchAll($0, sql: "SELECT key FROM login_failures WHERE scope = 'address'") }
        }
        #expect(try failedLoginCounts(remote: "127.0.0.1", forwardedFor: "198.51.100.7, 203.0.113.5") == ["203.0.113.5"])
        #expect(try failedLoginCounts(remote: "::1", forwardedFor: "2001:db8::1") == ["2001:db8::1"])
        #expect(try failedLoginCounts(remote: "192.0.2.10", forwardedFor: "203.0.113.5") == ["192.0.2.10"])
        #expect(try failedLoginCounts(remote: "127.0.0.1", forwardedFor: "not-an-address") == ["127.0.0.1"])
    }

    @Test func malformedOrIncompleteBodies() throws {
        let t = try TestApp()
        for body in ["{not json", ""] {
            let answer = t.send("POST", "/api/auth/login", rawBody: Data(body.utf8))
            #expect(answer.status == 400, "\(body)")
            #expect(answer.errorCode == "malformed_json")
        }
        let missing = t.send("POST", "/api/auth/login", json: ["username": "kirk"])
        #expect(missing.status == 422 && missing.errorMessage?.contains("password") == true)
        let mistyped = t.send("POST", "/api/auth/login", json: ["username": 5, "password": "x"])
        #expect(mistyped.status == 422 && mistyped.errorMessage?.contains("username") == true)
    }

    @Test func logoutRevokesTheToken() throws {
        let t = try TestApp()
        let token = t.userToken
        let other = try t.login("second")
        let answer = t.send("POST", "/api/auth/logout", token: token)
        #expect(answer.status == 200)
        #expect(answer.object["success"] as? Bool == true)
        let after = t.send("GET", "/api/auth/me", token: token)
        #expect(after.status == 401 && after.errorCode == "unauthorized")
        #expect(t.send("GET", "/api/auth/me", token: other).status == 200)   // only that login ended
    }

    @Test func meShowsTheCaller() throws {
        let t = try TestApp()
        let answer = t.send("GET", "/api/auth/me", token: t.userToken)
        #expect(answer.status == 200)
        #expect(answer.object["username"] as? String == "someone" && answer.object["role"] as? String == "user")
        #expect(answer.object["password_hash"] == nil)
    }

    @Test func withoutAValidTokenItIs401() throws {
        let t = try TestApp()
        // Another signature: its first character carries six whole bits (the last one has padding bits).
        var parts = t.userToken.split(separator: ".").map(String.init)
        parts[2] = (parts[2].hasPrefix("A") ? "B" : "A") + parts[2].dropFirst()
        let forged = parts.joined(separator: ".")
        for (method, path) in [("GET", "/api/auth/me"), ("POST", "/api/auth/logout")] {
            for token in [nil, "garbage", "a.b.c", forged] {
                let answer = t.send(method, path, token: token)
                #expect(answer.status == 401, "\(method) \(path) \(token ?? "no token")")
                #expect(answer.errorCode == "unauthorized")
                #expect(answer.header("WWW-Authenticate") == "Bearer")
            }
        }
    }
}
