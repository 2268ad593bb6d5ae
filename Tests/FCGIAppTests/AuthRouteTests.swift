import Foundation
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

    @Test func tooManyFailuresAre429EvenForTheRightPassword() throws {
        let t = try TestApp(extraTOML: "[auth]\nmax_failures_per_user = 2\n")
        _ = try t.login("kirk")
        #expect(login(t, "kirk", "wrong-1").status == 401)
        #expect(login(t, "kirk", "wrong-2").status == 401)
        let answer = login(t, "kirk", "password-kirk")
        #expect(answer.status == 429)
        #expect(answer.errorCode == "rate_limited")
        let retry = try #require(answer.header("Retry-After").flatMap { Int($0) })
        #expect((1...15 * 60).contains(retry))
        #expect(answer.errorMessage == "too many failed logins; try again in \(retry) s")
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
