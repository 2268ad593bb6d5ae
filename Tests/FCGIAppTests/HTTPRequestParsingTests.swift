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

    /// FastCGI params go straight from libfcgi's NULL-terminated "NAME=value" array into the
    /// dictionary: every HTTP_* header and the parameters the request reads, nothing else.
    @Test func paramsFromTheFastCGIArrayKeepWhatRequestsRead() {
        let entries = ["REQUEST_METHOD=GET", "REQUEST_URI=/api/movies?limit=5", "QUERY_STRING=limit=5&x==y", "CONTENT_LENGTH=0",
                       "CONTENT_TYPE=application/json", "REMOTE_ADDR=10.0.0.7", "SCRIPT_NAME=/api", "PATH_INFO=/movies",
                       "HTTP_AUTHORIZATION=Bearer a.b=c", "HTTP_IF_NONE_MATCH=\"x\"", "HTTP_=odd", "HTTP_X_É=é",
                       "SCRIPT_FILENAME=/srv/x", "DOCUMENT_ROOT=/srv", "SERVER_SOFTWARE=nginx", "HTTPS=on", "REQUEST_METHODX=no",
                       "NOEQUALS", "=empty-name", "REMOTE_ADDR=10.0.0.8"]
        let pointers = entries.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var array = pointers
        let params = array.withUnsafeMutableBufferPointer { RequestIntake.params(fromEnvironment: $0.baseAddress) }
        #expect(params == ["REQUEST_METHOD": "GET", "REQUEST_URI": "/api/movies?limit=5", "QUERY_STRING": "limit=5&x==y",
                           "CONTENT_LENGTH": "0", "CONTENT_TYPE": "application/json", "REMOTE_ADDR": "10.0.0.8",
                           "SCRIPT_NAME": "/api", "PATH_INFO": "/movies", "HTTP_AUTHORIZATION": "Bearer a.b=c",
                           "HTTP_IF_NONE_MATCH": "\"x\"", "HTTP_X_É": "é"])
        #expect(RequestIntake.params(fromEnvironment: nil).isEmpty)
        let request = HTTPRequest(params: params, body: Data())
        #expect(request.bearerToken == "a.b=c" && request.query["limit"] == "5" && request.remoteAddress == "10.0.0.8")
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
