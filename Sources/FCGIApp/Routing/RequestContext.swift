import Foundation
import Core
import Auth

/// What a handler gets: the request, its path parameters, the caller, and the app's services.
struct RequestContext {
    let request: HTTPRequest
    let params: [String: String]
    let user: AuthenticatedUser?
    let app: AppContext

    /// The caller; routes that allow `everyone` must not ask for it.
    var caller: AuthenticatedUser {
        get throws { guard let user else { throw APIError.unauthorized() }; return user }
    }

    /// The client's address for the login limiter (REMOTE_ADDR, or X-Forwarded-For behind a
    /// trusted proxy: `ClientAddress`).
    var clientAddress: String {
        ClientAddress.resolve(remoteAddress: request.remoteAddress, forwardedFor: request.headers["x-forwarded-for"],
                              trusted: app.config.server.trustedProxies)
    }

    func intParam(_ name: String) throws -> Int64 {
        guard let raw = params[name], let value = Int64(raw), value > 0 else {
            throw APIError.notFound("\(name) must be a positive integer, found \"\(params[name] ?? "")\"")
        }
        return value
    }

    /// Decodes the JSON body: not JSON at all → 400; a string over its bound (`FieldLimits`) → 400
    /// naming the field; JSON of the wrong shape → 422 naming the field.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        guard !request.body.isEmpty else { throw APIError.badRequest("a JSON body is required", code: "malformed_json") }
        guard let json = try? JSONSerialization.jsonObject(with: request.body, options: [.fragmentsAllowed]) else {
            throw APIError.badRequest("the body is not valid JSON", code: "malformed_json")
        }
        if let tooLong = FieldLimits.firstViolation(in: json) { throw tooLong }
        do {
            return try JSONDecoder().decode(T.self, from: request.body)
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError.validation("\(key.stringValue) is required")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw APIError.validation("\(Self.fieldName(context)) must be \(Self.describe(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw APIError.validation("\(Self.fieldName(context)) must be \(Self.describe(expected)), not null")
        } catch {
            throw APIError.validation("the body does not have the expected fields")
        }
    }

    private static func fieldName(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "the body" : path
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "a \(type)"
        }
    }
}
