import Foundation

/// A complete response; the transport turns it into CGI "Status:" + headers + body.
public struct HTTPResponse {
    public internal(set) var status: Int
    var headers: [(String, String)]
    var body: Data

    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ value: some Encodable, status: Int = 200) throws -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: try jsonEncoder.encode(value))
    }

    /// The same JSON as `json(_:)` from a view that writes itself (`JSONWriter`): the answers of
    /// the library's hot routes, without JSONEncoder.
    static func json(writing value: some JSONWritable, status: Int = 200) -> HTTPResponse {
        // Room for a list page or a 100-episode show (10–40 kB) without growing and copying.
        var writer = JSONWriter(capacity: 48 << 10)
        value.writeJSON(to: &writer)
        return HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Data(writer.bytes))
    }

    static func success() throws -> HTTPResponse { try json(["success": true]) }

    /// Serialized for CGI/FastCGI: the web server turns "Status:" into the HTTP status line.
    func cgiBytes() -> Data {
        var data = cgiHead()
        data.append(body)
        return data
    }

    /// The "Status:" line and headers, up to the blank line before the body (the FastCGI worker
    /// writes head and body one after the other, without joining them first).
    func cgiHead() -> Data {
        var head = "Status: \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        // A 304 has no body, and a Content-Length there would announce the 200's.
        if status != 304 { head += "Content-Length: \(body.count)\r\n" }
        // API answers are never cached, unless the route says otherwise (images, list revalidation).
        if !headers.contains(where: { $0.0.lowercased() == "cache-control" }) { head += "Cache-Control: no-store\r\n" }
        head += "\r\n"
        return Data(head.utf8)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
