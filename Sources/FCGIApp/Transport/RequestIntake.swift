import Foundation

/// The part of serving a request that FastCGI and CGI share: read CONTENT_LENGTH bytes of body
/// (refusing more than the limit before reading any), then hand the request to the responder.
public enum RequestIntake {
    /// `readBody(n)` reads exactly n bytes or returns nil when the client went away.
    public static func response(params: [String: String], maxBody: Int, responder: APIResponder,
                         readBody: (Int) -> Data?) -> HTTPResponse {
        let length = Int(params[HTTPRequest.Parameter.contentLength.rawValue] ?? "") ?? 0
        if length > maxBody { return APIError.payloadTooLarge(limit: maxBody).response }
        guard length >= 0, let body = length > 0 ? readBody(length) : Data() else {
            return APIError.badRequest("the request body ended before CONTENT_LENGTH bytes").response
        }
        return responder.respond(to: HTTPRequest(params: params, body: body))
    }

    /// The parameters `HTTPRequest` and `response` read, straight from a NULL-terminated
    /// "NAME=value" array (FastCGI's params): the HTTP_* headers and `HTTPRequest.Parameter`. nginx sends
    /// ~30 parameters per request (SCRIPT_FILENAME, DOCUMENT_ROOT, SERVER_SOFTWARE, …); making a
    /// String of each, then splitting it, was a visible part of a request.
    static func params(fromEnvironment envp: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String: String] {
        var result: [String: String] = [:]
        guard var cursor = envp else { return result }
        while let entry = cursor.pointee {
            cursor += 1
            let length = strlen(entry)
            entry.withMemoryRebound(to: UInt8.self, capacity: length) { start in
                let bytes = UnsafeBufferPointer(start: start, count: length)
                guard let eq = bytes.firstIndex(of: UInt8(ascii: "=")) else { return }
                let name = UnsafeBufferPointer(rebasing: bytes[..<eq])
                guard isHeader(name) || readParams.contains(where: { $0.elementsEqual(name) }) else { return }
                result[String(decoding: name, as: UTF8.self)] = String(decoding: bytes[(eq + 1)...], as: UTF8.self)
            }
        }
        return result
    }

    /// `HTTPRequest.Parameter`'s names as bytes, compared without making a String.
    static let readParams: [[UInt8]] = HTTPRequest.Parameter.allCases.map { Array($0.rawValue.utf8) }

    private static func isHeader(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count > 5 && name[0] == UInt8(ascii: "H") && name[1] == UInt8(ascii: "T") && name[2] == UInt8(ascii: "T")
            && name[3] == UInt8(ascii: "P") && name[4] == UInt8(ascii: "_")
    }
}
