import Foundation
import Testing
@testable import FCGIApp

/// /api/users in-process: admins manage accounts; the rules answer 409, 422, 404 and 403.
@Suite struct UserRouteTests {
    func create(_ t: TestApp, _ body: [String: Any]) -> TestResponse {
        t.send("POST", "/api/users", json: body, token: t.adminToken)
    }

    func userCount(_ t: TestApp) -> Int {
        t.send("GET", "/api/users", token: t.adminToken).array.count
    }

    @Test func createListShowUpdateDelete() throws {
        let t = try TestApp()
        let created = create(t, ["username": "riker", "password": "number-one"])
        #expect(created.status == 201)
        #expect(Set(created.object.keys) == ["id", "username", "role", "created_at"])
        #expect(created.object["role"] as? String == "user")
        let id = try #require(created.object["id"] as? Int)
        let list = t.send("GET", "/api/users", token: t.adminToken)
        #expect(list.status == 200 && list.array.map { $0["username"] as? String } == ["admin", "riker"])
        #expect(t.send("GET", "/api/users/\(id)", token: t.adminToken).object["username"] as? String == "riker")

        let updated = t.send("PUT", "/api/users/\(id)", json: ["username": "will", "role": "admin"], token: t.adminToken)
        #expect(updated.status == 200)
        #expect(updated.object["username"] as? String == "will" && updated.object["role"] as? String == "admin")

        let deleted = t.send("DELETE", "/api/users/\(id)", token: t.adminToken)
        #expect(deleted.status == 200 && deleted.object["success"] as? Bool == true)
        #expect(t.send("GET", "/api/users/\(id)", token: t.adminToken).status == 404)
    }

    @Test func aDuplicateNameInAnyCaseIs409() throws {
        let t = try TestApp()
        #expect(create(t, ["username": "riker", "password": "number-one"]).status == 201)
        let again = create(t, ["username": "RIKER", "password": "number-two"])
        #expect(again.status == 409 && again.errorCode == "conflict")
        #expect(again.errorMessage == "the username \"RIKER\" is taken")
        let id = try #require(create(t, ["username": "troi", "password": "imzadi-imzadi"]).object["id"] as? Int)
        let rename = t.send("PUT", "/api/users/\(id)", json: ["username": "Riker"], token: t.adminToken)
        #expect(rename.status == 409 && rename.errorCode == "conflict")
    }

    @Test func theLastAdminCannotBeDeletedOrDemoted() throws {
        let t = try TestApp()
        let me = try #require(t.send("GET", "/api/auth/me", token: t.adminToken).object["id"] as? Int)
        let delete = t.send("DELETE", "/api/users/\(me)", token: t.adminToken)
        #expect(delete.status == 409 && delete.errorCode == "conflict")
        #expect(delete.errorMessage?.contains("last admin") == true)
        let demote = t.send("PUT", "/api/users/\(me)", json: ["role": "user"], token: t.adminToken)
        #expect(demote.status == 409)
        #expect(t.send("GET", "/api/auth/me", token: t.adminToken).object["role"] as? String == "admin")
    }

    @Test func invalidInputIs422AndWritesNothing() throws {
        let t = try TestApp()
        let before = userCount(t)
        let bad: [([String: Any], String)] = [
            (["username": "a", "password": "long-enough-pw"], "username"),
            (["username": "has space", "password": "long-enough-pw"], "username"),
            (["username": "okname", "password": "short"], "password"),
            (["username": "okname", "password": "long-enough-pw", "role": "root"], "role"),
            (["username": "okname"], "password"),
        ]
        for (body, field) in bad {
            let answer = create(t, body)
            #expect(answer.status == 422, "\(body)")
            #expect(answer.errorCode == "validation_failed")
            #expect(answer.errorMessage?.contains(field) == true, "\(answer.errorMessage ?? "")")
        }
        #expect(userCount(t) == before)
        let me = try #require(t.send("GET", "/api/auth/me", token: t.adminToken).object["id"] as? Int)
        #expect(t.send("PUT", "/api/users/\(me)", json: ["role": "root"], token: t.adminToken).status == 422)
        #expect(t.send("PUT", "/api/users/\(me)", json: ["password": "short"], token: t.adminToken).status == 422)
    }

    @Test func malformedJSONIs400() throws {
        let t = try TestApp()
        let me = try #require(t.send("GET", "/api/auth/me", token: t.adminToken).object["id"] as? Int)
        for (method, path) in [("POST", "/api/users"), ("PUT", "/api/users/\(me)")] {
            let answer = t.send(method, path, rawBody: Data("{not json".utf8), token: t.adminToken)
            #expect(answer.status == 400 && answer.errorCode == "malformed_json")
        }
    }

    @Test func unknownIdsAre404() throws {
        let t = try TestApp()
        for (method, body) in [("GET", nil), ("PUT", ["role": "user"]), ("DELETE", nil)] as [(String, [String: Any]?)] {
            let answer = t.send(method, "/api/users/999", json: body, token: t.adminToken)
            #expect(answer.status == 404 && answer.errorCode == "not_found", "\(method)")
            #expect(answer.errorMessage == "no user with id 999")
        }
        for path in ["/api/users/abc", "/api/users/0", "/api/users/-1"] {
            #expect(t.send("GET", path, token: t.adminToken).status == 404, "\(path)")
        }
    }

    @Test func aUserRoleIs403AndWithoutATokenIs401() throws {
        let t = try TestApp()
        let routes = [("GET", "/api/users"), ("POST", "/api/users"), ("GET", "/api/users/1"),
                      ("PUT", "/api/users/1"), ("DELETE", "/api/users/1")]
        for (method, path) in routes {
            let answer = t.send(method, path, json: ["username": "x", "password": "yyyyyyyy"], token: t.userToken)
            #expect(answer.status == 403 && answer.errorCode == "forbidden", "\(method) \(path)")
            #expect(t.send(method, path, json: [:]).status == 401, "\(method) \(path)")
        }
        #expect(userCount(t) == 2)
    }

    @Test func aNewPasswordOrDeletionEndsTheUsersLogins() throws {
        let t = try TestApp()
        let id = try #require(create(t, ["username": "data", "password": "spot-the-cat"]).object["id"] as? Int)
        let login = { t.send("POST", "/api/auth/login", json: ["username": "data", "password": $0]) }
        let token = try #require(login("spot-the-cat").object["token"] as? String)
        #expect(t.send("PUT", "/api/users/\(id)", json: ["password": "emotion-chip"], token: t.adminToken).status == 200)
        #expect(t.send("GET", "/api/auth/me", token: token).status == 401)
        #expect(login("spot-the-cat").status == 401)
        let fresh = try #require(login("emotion-chip").object["token"] as? String)
        #expect(t.send("DELETE", "/api/users/\(id)", token: t.adminToken).status == 200)
        #expect(t.send("GET", "/api/auth/me", token: fresh).status == 401)
    }
}
