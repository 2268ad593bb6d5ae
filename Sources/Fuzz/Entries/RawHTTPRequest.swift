import Foundation

/// The request subject's input format: an HTTP/1.1 request as text, turned into the FastCGI
/// params nginx would send (nginx/ fastcgi_params: REQUEST_METHOD, REQUEST_URI, QUERY_STRING,
/// CONTENT_TYPE, CONTENT_LENGTH, HTTP_*), so that the fuzzer mutates what a client controls:
///
///     POST /api/auth/login?next=1 HTTP/1.1
///     Authorization: Bearer @admin
///     Content-Type: application/json
///
///     {"username": "admin", "password": "..."}
///
/// `@admin` and `@user` in a header value stand for live session tokens of the fixture's users,
/// so the fuzzer gets past authentication. Without a Content-Length header the body's size is sent.
struct RawHTTPRequest {
    var params: [String: String]
    var body: Data

    init(_ data: Data, tokens: [String: String]) {
        let (head, body) = Self.split(data)
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let requestLine = (lines.first ?? "").split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        let target = requestLine.count > 1 ? String(requestLine[1]) : "/"
        var params = ["REQUEST_METHOD": requestLine.first.map(String.init) ?? "GET", "REQUEST_URI": target,
                      "QUERY_STRING": target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? "",
                      "REMOTE_ADDR": "127.0.0.1", "GATEWAY_INTERFACE": "CGI/1.1"]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].uppercased().replacingOccurrences(of: "-", with: "_")
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            for (placeholder, token) in tokens { value = value.replacingOccurrences(of: placeholder, with: token) }
            params[name == "CONTENT_TYPE" || name == "CONTENT_LENGTH" ? name : "HTTP_" + name] = value
        }
        if params["CONTENT_LENGTH"] == nil, !body.isEmpty { params["CONTENT_LENGTH"] = String(body.count) }
        self.params = params
        self.body = body
    }

    /// Head and body, split at the first empty line (CRLF or LF).
    private static func split(_ data: Data) -> (Data, Data) {
        for separator in [Data("\r\n\r\n".utf8), Data("\n\n".utf8)] {
            if let range = data.range(of: separator) {
                return (data[data.startIndex..<range.lowerBound], Data(data[range.upperBound...]))
            }
        }
        return (data, Data())
    }

    /// What the transport's body reader does: exactly n bytes, or nil when the client sent fewer.
    func readBody(_ count: Int) -> Data? {
        count <= body.count ? body.prefix(count) : nil
    }
}
