import Foundation
import Testing
@testable import FCGIApp

/// GET /api/openapi.json: served without login, and it documents every route the responder has,
/// with the security its access level needs (Tests/system/test_api_docs.py checks the prose too).
@Suite struct OpenAPIRouteTests {
    @Test func theDocumentIsServedWithoutLogin() throws {
        let t = try TestApp()
        let r = t.send("GET", "/api/openapi.json")
        #expect(r.status == 200 && r.header("Content-Type") == "application/json")
        #expect(r.object["openapi"] as? String == "3.1.0")
    }

    @Test func everyRouteIsDocumentedWithItsSecurity() throws {
        let t = try TestApp()
        let document = t.send("GET", "/api/openapi.json").object
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        // "/api/tv/{id}/season/{season}" and the router's "/api/tv/:id/season/:s" alike become "/api/tv/{}/season/{}".
        let documented = Dictionary(paths.map { (Self.shape($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        for route in t.responder.router.routes {
            let path = "/" + route.segments.joined(separator: "/")
            let operation = try #require(documented[Self.shape(path)]?[route.method.lowercased()] as? [String: Any],
                                         "\(route.method) \(path) is not in docs/openapi.yaml")
            let security = operation["security"] as? [Any]
            #expect((security?.isEmpty == true) == (route.access == .everyone), "\(route.method) \(path): security")
            let responses = operation["responses"] as? [String: Any] ?? [:]
            #expect((responses["403"] != nil) == (route.access == .admin), "\(route.method) \(path): 403 iff admin-only")
        }
    }

    static func shape(_ path: String) -> String {
        path.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
    }
}
