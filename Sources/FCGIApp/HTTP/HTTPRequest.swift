import Foundation

/// One API request as the responder sees it, whichever transport (FastCGI or CGI) brought it.
struct HTTPRequest {
    var method: String
    /// Percent-decoded path without the query string, e.g. "/api/users/3" (for messages).
    var path: String
    /// The path's segments, split before decoding so that an encoded "/" (%2F) stays inside its
    /// segment instead of becoming a separator. Routing uses these.
    var segments: [String]
    var query: [String: String]
    /// Header names lower-cased, e.g. "authorization".
    var headers: [String: String]
    var body: Data
    var remoteAddress: String

    /// Builds a request from CGI/FastCGI parameters (REQUEST_METHOD, REQUEST_URI, HTTP_*, ...).
    init(params: [String: String], body: Data) {
        method = params["REQUEST_METHOD"]?.uppercased() ?? "GET"
        let uri = params["REQUEST_URI"] ?? ((params["SCRIPT_NAME"] ?? "") + (params["PATH_INFO"] ?? ""))
        let rawPath = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        path = rawPath.removingPercentEncoding ?? rawPath
        segments = Self.segments(of: rawPath)
        query = Self.parseQuery(params["QUERY_STRING"] ?? "")
        var headers: [String: String] = [:]
        for (name, value) in params where name.hasPrefix("HTTP_") {
            headers[name.dropFirst(5).lowercased().replacingOccurrences(of: "_", with: "-")] = value
        }
        if let type = params["CONTENT_TYPE"] { headers["content-type"] = type }
        self.headers = headers
        self.body = body
        remoteAddress = params["REMOTE_ADDR"] ?? ""
    }

    init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
         body: Data = Data(), remoteAddress: String = "127.0.0.1") {
        self.method = method
        self.path = path
        self.segments = Self.segments(of: path)
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    static func segments(of rawPath: String) -> [String] {
        rawPath.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
    }

    static func parseQuery(_ string: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in string.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            result[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    /// The token of an "Authorization: Bearer ..." header.
    var bearerToken: String? {
        guard let value = headers["authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
