import Foundation

/// The part of serving a request that FastCGI and CGI share: read CONTENT_LENGTH bytes of body
/// (refusing more than the limit before reading any), then hand the request to the responder.
public enum RequestIntake {
    /// `readBody(n)` reads exactly n bytes or returns nil when the client went away.
    public static func response(params: [String: String], maxBody: Int, responder: APIResponder,
                         readBody: (Int) -> Data?) -> HTTPResponse {
        let length = Int(params["CONTENT_LENGTH"] ?? "") ?? 0
        if length > maxBody { return APIError.payloadTooLarge(limit: maxBody).response }
        guard length >= 0, let body = length > 0 ? readBody(length) : Data() else {
            return APIError.badRequest("the request body ended before CONTENT_LENGTH bytes").response
        }
        return responder.respond(to: HTTPRequest(params: params, body: body))
    }

    /// "NAME=value" strings (a CGI environment or FastCGI params) as a dictionary.
    static func params(from pairs: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "=") else { continue }
            result[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        return result
    }
}
