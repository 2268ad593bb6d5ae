import Foundation
import Auth
import Core
import Indexers
import Library
import Metadata
import Net
import Persistence

/// An error the API reports as `{"error": {"code", "message"}}` with its HTTP status (ARCHITECTURE.md).
struct APIError: Error, Equatable {
    var status: Int
    var code: String
    var message: String
    var headers: [String: String] = [:]
    /// Structured facts for the client, e.g. the existing item behind a 409.
    var details: JSONValue? = nil
    /// For 409 on add: the id of the item already in the library.
    var existingID: Int64? = nil

    static func badRequest(_ message: String, code: String = "bad_request") -> APIError { .init(status: 400, code: code, message: message) }
    static func unauthorized(_ message: String = "log in first: send Authorization: Bearer <token> from POST /api/auth/login") -> APIError {
        .init(status: 401, code: "unauthorized", message: message, headers: ["WWW-Authenticate": "Bearer"])
    }
    static func forbidden(_ message: String = "this needs the admin role") -> APIError { .init(status: 403, code: "forbidden", message: message) }
    static func notFound(_ message: String) -> APIError { .init(status: 404, code: "not_found", message: message) }
    static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> APIError {
        .init(status: 405, code: "method_not_allowed", message: "\(method) is not supported on \(path); use \(allowed.joined(separator: ", "))",
              headers: ["Allow": allowed.joined(separator: ", ")])
    }
    static func conflict(_ message: String, existingID: Int64? = nil) -> APIError {
        .init(status: 409, code: "conflict", message: message, existingID: existingID)
    }
    static func payloadTooLarge(limit: Int) -> APIError {
        .init(status: 413, code: "payload_too_large", message: "the request body is larger than \(limit) bytes")
    }
    /// A string over its bound (`FieldLimits`): nothing was decoded or written.
    static func fieldTooLong(_ field: String, limit: Int) -> APIError {
        .init(status: 400, code: "field_too_long", message: "\(field) is longer than \(limit) characters",
              details: .object(["field": .string(field), "max_length": .number(Double(limit))]))
    }
    static func validation(_ message: String) -> APIError { .init(status: 422, code: "validation_failed", message: message) }
    static func rateLimited(retryAfter: Int) -> APIError {
        .init(status: 429, code: "rate_limited", message: "too many failed logins; try again in \(retryAfter) s",
              headers: ["Retry-After": String(retryAfter)])
    }
    static func unavailable(_ message: String, code: String = "unavailable") -> APIError { .init(status: 503, code: code, message: message) }
    static func internalError() -> APIError {
        .init(status: 500, code: "internal_error", message: "the server failed to handle this request; see the lcars-fcgi log")
    }

    var response: HTTPResponse {
        // Messages may quote an upstream URL or path (an indexer's, a tracker's): its secrets are masked.
        var fields: [String: JSONValue] = ["code": .string(code), "message": .string(SecretMask.text(message))]
        if let existingID { fields["existing_id"] = .number(Double(existingID)) }
        if let details { fields["details"] = details }
        let body = ["error": JSONValue.object(fields)]
        let data = (try? HTTPResponse.jsonEncoder.encode(body)) ?? Data()
        var headers: [(String, String)] = [("Content-Type", "application/json")]
        headers += self.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return HTTPResponse(status: status, headers: headers, body: data)
    }

    /// Maps domain failures onto API errors; anything unknown becomes a 500.
    static func from(_ error: Error) -> APIError? {
        switch error {
        case let error as APIError: return error
        case let error as DomainError: return APIError(error)
        case let error as DomainErrorConvertible: return APIError(error.domainError)
        default: return nil
        }
    }
}

extension APIError {
    /// The one mapping of the domain's errors onto HTTP (ARCHITECTURE.md's status table).
    init(_ error: DomainError) {
        let (status, code): (Int, String) = switch error.kind {
        case .badRequest: (400, "bad_request")
        case .notFound: (404, "not_found")
        case .conflict: (409, "conflict")
        case .gone: (410, "gone")
        case .validation: (422, "validation_failed")
        case .upstream(.timeout): (504, "upstream_timeout")
        case .upstream(.credentialsRejected): (502, "upstream_auth_failed")
        case .upstream(.failed): (502, "upstream_failed")
        case .unavailable: (503, "unavailable")
        }
        self.init(status: status, code: error.code ?? code, message: error.message, details: error.details, existingID: error.existingID)
        // "Try again later" answers (503 upstream_busy) say when, in details and as Retry-After.
        if case .object(let facts)? = error.details, case .number(let seconds)? = facts["retry_after"] {
            headers["Retry-After"] = String(Int(seconds.rounded(.up)))
        }
    }
}
