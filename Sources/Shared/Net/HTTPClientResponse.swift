import Foundation

/// A complete answer: status, headers (names lower-cased; a repeated header keeps its last value,
/// except Set-Cookie, whose values — from every response of a redirect chain — are joined with "\n")
/// and the body, already un-gzipped. It remembers which service and path it came from so that
/// its errors can say so.
public struct HTTPClientResponse: Sendable {
    public let service: String
    public let method: String
    public let path: String
    public let status: Int
    public let headers: [String: String]
    public let body: Data
    public let attempts: Int

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The error for this answer's status, for callers that treat any non-2xx as a failure.
    public func statusError() -> HTTPClientError {
        HTTPClientError(service: service, method: method, path: path,
                        kind: .status(status, retryAfter: RetryPolicy.retryAfter(headers["retry-after"])), attempts: attempts)
    }

    /// Throws the status error unless the answer is 2xx.
    @discardableResult
    public func requireSuccess() throws -> HTTPClientResponse {
        guard isSuccess else { throw statusError() }
        return self
    }

    /// Decodes the JSON body; a body that is not the expected JSON is a `malformedBody` error.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch {
            throw HTTPClientError(service: service, method: method, path: path,
                                  kind: .malformedBody(Self.describe(error)), attempts: attempts)
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): "not valid JSON (\(c.debugDescription))"
        case DecodingError.keyNotFound(let key, _): "the field \"\(key.stringValue)\" is missing"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "the field \"\(c.codingPath.map(\.stringValue).joined(separator: "."))\" has an unexpected type"
        default: "\(error)"
        }
    }
}
