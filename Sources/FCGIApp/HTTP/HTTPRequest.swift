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

    /// The CGI/FastCGI parameters a request is built from, besides the HTTP_* headers (FastCGI's
    /// intake keeps only these: `RequestIntake.params(fromEnvironment:)`).
    enum Parameter: String, CaseIterable {
        case method = "REQUEST_METHOD", uri = "REQUEST_URI", scriptName = "SCRIPT_NAME", pathInfo = "PATH_INFO"
        case queryString = "QUERY_STRING", contentType = "CONTENT_TYPE", contentLength = "CONTENT_LENGTH"
        case remoteAddress = "REMOTE_ADDR"
    }

    /// Builds a request from CGI/FastCGI parameters (REQUEST_METHOD, REQUEST_URI, HTTP_*, ...).
    init(params: [String: String], body: Data) {
        func param(_ name: Parameter) -> String? { params[name.rawValue] }
        method = param(.method)?.uppercased() ?? "GET"
        let uri = param(.uri) ?? ((param(.scriptName) ?? "") + (param(.pathInfo) ?? ""))
        let rawPath = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        path = Self.percentDecoded(rawPath)
        segments = Self.segments(of: rawPath)
        query = Self.parseQuery(param(.queryString) ?? "")
        var headers: [String: String] = [:]
        for (name, value) in params where name.hasPrefix("HTTP_") {
            headers[Self.headerName(param: name)] = value
        }
        if let type = param(.contentType) { headers["content-type"] = type }
        self.headers = headers
        self.body = body
        remoteAddress = param(.remoteAddress) ?? ""
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
        rawPath.split(separator: "/").map { percentDecoded($0) }
    }

    static func parseQuery(_ string: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in string.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) -> String in
                guard s.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(s) }
                return s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            result[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    /// `removingPercentEncoding` (the text itself when that fails), skipped when there is no "%":
    /// then it has nothing to decode, and most paths and queries have none.
    static func percentDecoded(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return text.removingPercentEncoding ?? String(text)
    }

    /// "HTTP_IF_NONE_MATCH" → "if-none-match": ASCII byte by byte (nginx passes only ASCII header
    /// names), Foundation for anything else.
    static func headerName(param name: String) -> String {
        let bytes = name.utf8.dropFirst(5)
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return name.dropFirst(5).lowercased().replacingOccurrences(of: "_", with: "-")
        }
        return String(decoding: bytes.map { byte in
            byte == UInt8(ascii: "_") ? UInt8(ascii: "-") : (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }, as: UTF8.self)
    }

    /// The token of an "Authorization: Bearer ..." header.
    var bearerToken: String? {
        guard let value = headers["authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        // Nothing to trim when both ends are visible ASCII (always, for our tokens): skip CharacterSet.
        if let first = parts[1].utf8.first, let last = parts[1].utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return String(parts[1])
        }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
