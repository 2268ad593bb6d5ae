import Foundation

/// What carries one HTTP exchange for `HTTPClient`: libcurl in production (`CurlTransfer`), a
/// stand-in in tests that answers like the real service without sockets. Retries, gates, timeouts
/// and error wording stay in `HTTPClient`, so a stand-in exercises all of them.
public protocol HTTPTransport: AnyObject {
    func perform(_ request: HTTPClientRequest, settings: HTTPClientSettings) -> Result<HTTPTransportAnswer, HTTPTransportFailure>
}

/// An answer as it came off the wire (header names lower-cased).
public struct HTTPTransportAnswer: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why no answer came: a libcurl error (its code and message), or a body over the request's limit.
public enum HTTPTransportFailure: Error, Sendable {
    case curl(code: UInt32, message: String)
    case tooLarge

    /// libcurl's CURLE_OPERATION_TIMEDOUT, for stand-ins that simulate a slow service.
    public static func timedOut(_ message: String = "Operation timed out") -> HTTPTransportFailure { .curl(code: 28, message: message) }
}
