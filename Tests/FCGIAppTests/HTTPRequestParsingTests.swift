import Foundation
import Testing
@testable import FCGIApp

/// The byte-level quick paths of request parsing answer what the Foundation calls they skip would.
@Suite struct HTTPRequestParsingTests {
    @Test func headerNamesFromFastCGIParams() {
        #expect(HTTPRequest.headerName(param: "HTTP_IF_NONE_MATCH") == "if-none-match")
        #expect(HTTPRequest.headerName(param: "HTTP_AUTHORIZATION") == "authorization")
        #expect(HTTPRequest.headerName(param: "HTTP_X_FORWARDED_FOR") == "x-forwarded-for")
        for name in ["HTTP_A1_B2", "HTTP_", "HTTP_ÉTÉ_X", "HTTP_MiXeD"] {
            #expect(HTTPRequest.headerName(param: name) == name.dropFirst(5).lowercased().replacingOccurrences(of: "_", with: "-"))
        }
        let request = HTTPRequest(params: ["REQUEST_URI": "/api/movies", "HTTP_IF_NONE_MATCH": "\"x\"", "HTTP_AUTHORIZATION": "Bearer t"],
                                  body: Data())
        #expect(request.headers["if-none-match"] == "\"x\"" && request.bearerToken == "t")
    }

    @Test func pathsAndQueriesDecodeAsBefore() {
        for text in ["/api/movies", "/api/a%2Fb", "/api/%E2%9C%93", "/bad%ZZ", "/bad%", "plain"] {
            #expect(HTTPRequest.percentDecoded(text) == (text.removingPercentEncoding ?? text), "\(text)")
        }
        let query = HTTPRequest.parseQuery("search=star+tre&x=a%20b&bad=%ZZ+1&plus=a+%ZZ&empty=&flag&limit=50")
        #expect(query["search"] == "star tre")
        #expect(query["x"] == "a b")
        #expect(query["bad"] == "%ZZ+1")      // undecodable: left as sent
        #expect(query["plus"] == "a+%ZZ")
        #expect(query["empty"] == "" && query["flag"] == "" && query["limit"] == "50")
        #expect(HTTPRequest(params: ["REQUEST_URI": "/api/tv/12?x=1", "QUERY_STRING": "x=1"], body: Data()).segments == ["api", "tv", "12"])
    }

    @Test func bearerTokensAreTrimmedAsBefore() {
        for value in ["Bearer abc.def", "bearer  abc ", "Bearer \tabc\t", "Bearer abc\u{00A0}", "Bearer \u{2003}abc", "Bearer x",
                      "Basic abc", "Bearer", "Bearer ", "BEARER a.b.c"] {
            let request = HTTPRequest(method: "GET", path: "/api/movies", headers: ["authorization": value])
            let parts = value.split(separator: " ", maxSplits: 1)
            let before = parts.count == 2 && parts[0].lowercased() == "bearer" ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            #expect(request.bearerToken == before, "\(value.debugDescription)")
        }
    }
}
