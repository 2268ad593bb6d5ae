import Foundation
import Testing
@testable import FCGIApp

@Suite struct RouterTests {
    let router = Router(routes: [
        Route("GET", "/api/users", .admin) { _ in HTTPResponse(status: 200, headers: [], body: Data()) },
        Route("PUT", "/api/users/:id", .admin) { _ in HTTPResponse(status: 200, headers: [], body: Data()) },
        Route("DELETE", "/api/users/:id", .admin) { _ in HTTPResponse(status: 200, headers: [], body: Data()) },
    ])

    @Test func capturesParameters() {
        guard case .found(let route, let params) = router.resolve(method: "PUT", segments: HTTPRequest.segments(of: "/api/users/42")) else {
            Issue.record("no match"); return
        }
        #expect(route.method == "PUT" && params == ["id": "42"])
    }

    @Test func distinguishesUnknownPathsFromWrongMethods() {
        guard case .notFound = router.resolve(method: "GET", segments: HTTPRequest.segments(of: "/api/users/42/extra")) else { Issue.record("expected 404"); return }
        guard case .notFound = router.resolve(method: "GET", segments: HTTPRequest.segments(of: "/api/user")) else { Issue.record("expected 404"); return }
        guard case .methodNotAllowed(let allowed) = router.resolve(method: "POST", segments: HTTPRequest.segments(of: "/api/users/1")) else {
            Issue.record("expected 405"); return
        }
        #expect(allowed == ["PUT", "DELETE"])
    }

    @Test func anEncodedSlashStaysInsideItsSegment() {
        let request = HTTPRequest(params: ["REQUEST_METHOD": "PUT", "REQUEST_URI": "/api/users/1%2F2"], body: Data())
        #expect(request.segments == ["api", "users", "1/2"])
        guard case .found(_, let params) = router.resolve(method: "PUT", segments: request.segments) else {
            Issue.record("expected a match"); return
        }
        #expect(params["id"] == "1/2")
        let sneaky = HTTPRequest(params: ["REQUEST_METHOD": "GET", "REQUEST_URI": "/api%2Fusers"], body: Data())
        guard case .notFound = router.resolve(method: "GET", segments: sneaky.segments) else { Issue.record("expected 404"); return }
    }

    @Test func requestParsingFromCGIParameters() {
        let request = HTTPRequest(params: [
            "REQUEST_METHOD": "get", "REQUEST_URI": "/api/users/%34%32?x=1", "QUERY_STRING": "q=star+trek&page=2&flag",
            "HTTP_AUTHORIZATION": "Bearer abc.def.ghi", "HTTP_X_FORWARDED_FOR": "1.2.3.4", "REMOTE_ADDR": "127.0.0.1",
        ], body: Data())
        #expect(request.method == "GET" && request.path == "/api/users/42")
        #expect(request.query == ["q": "star trek", "page": "2", "flag": ""])
        #expect(request.bearerToken == "abc.def.ghi")
        #expect(request.headers["x-forwarded-for"] == "1.2.3.4")
        #expect(HTTPRequest(method: "GET", path: "/", headers: ["authorization": "Basic x"]).bearerToken == nil)
    }

    @Test func errorsUseTheAPIFormat() throws {
        let response = APIError.rateLimited(retryAfter: 30).response
        #expect(response.status == 429)
        #expect(response.headers.contains { $0 == ("Retry-After", "30") })
        let json = try JSONSerialization.jsonObject(with: response.body) as? [String: [String: String]]
        #expect(json?["error"]?["code"] == "rate_limited")
        let cgi = String(decoding: response.cgiBytes(), as: UTF8.self)
        #expect(cgi.hasPrefix("Status: 429 Too Many Requests\r\n"))
        #expect(cgi.contains("Content-Length: \(response.body.count)\r\n"))
    }
}
