import Crypto
import Foundation

/// Revalidation of list answers (`GET /api/movies`, …): the ETag is the SHA-256 of the answer's
/// bytes (the first 128 bits, hex), so it changes exactly when the answer does — whatever wrote
/// the change, lcarsd or another worker — with nothing to keep in step. A browser that sends it
/// back in `If-None-Match` gets `304` without a body: the query still runs, the transfer and the
/// client's parse do not.
enum EntityTag {
    /// `"0123…"` (quoted, strong).
    static func of(_ body: Data) -> String {
        let digest = SHA256.hash(data: body)
        var text = "\""
        text.reserveCapacity(34)
        for byte in digest.prefix(16) {
            text.append(Character(Unicode.Scalar(hexDigits[Int(byte >> 4)])))
            text.append(Character(Unicode.Scalar(hexDigits[Int(byte & 0xF)])))
        }
        text.append("\"")
        return text
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether `If-None-Match` names `tag` (RFC 9110 §13.1.2): `*` names any current answer; else a
    /// comma-separated list of entity tags compared weakly (a `W/` prefix is ignored, as nginx adds
    /// one when it compresses). A malformed header matches nothing: the full answer goes out.
    static func matches(ifNoneMatch header: String, _ tag: String) -> Bool {
        let header = header.trimmingCharacters(in: .whitespaces)
        if header == "*" { return true }
        return listed(in: header).contains(opaque(tag))
    }

    /// The quoted tags of the header, without `W/`; stops at the first thing that is not one.
    static func listed(in header: String) -> [Substring] {
        var found: [Substring] = []
        var rest = header[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.isEmpty { return found }
            if rest.hasPrefix("W/") { rest = rest.dropFirst(2) }
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else { return found }
            let tag = rest[rest.startIndex...close]
            // After a tag only spaces and a comma may come; a tag glued to anything else is not one.
            let next = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
            guard next.isEmpty || next.first == "," else { return found }
            found.append(tag)
            rest = next
        }
    }

    private static func opaque(_ tag: String) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag[...]
    }
}

extension HTTPResponse {
    /// For list answers: `ETag`, `Cache-Control: private, no-cache` (the browser keeps the answer
    /// but asks again every time, with `If-None-Match`), and `304` without a body when the
    /// request's `If-None-Match` names the tag. Only a 200 to a GET is revalidated.
    func revalidated(for request: HTTPRequest) -> HTTPResponse {
        guard status == 200, request.method == "GET" else { return self }
        let tag = EntityTag.of(body)
        var answer = self
        answer.headers.append(("ETag", tag))
        answer.headers.append(("Cache-Control", "private, no-cache"))
        if let condition = request.headers["if-none-match"], EntityTag.matches(ifNoneMatch: condition, tag) {
            answer.status = 304
            answer.body = Data()
            answer.headers.removeAll { $0.0 == "Content-Type" }
        }
        return answer
    }
}
