import Foundation

/// One outgoing request. Timeouts left nil use the client's defaults (from `[http]`).
public struct HTTPClientRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    public var connectTimeout: TimeInterval?
    public var timeout: TimeInterval?
    /// Answers larger than this abort the transfer (a misbehaving server cannot fill memory).
    public var maxBodyBytes: Int
    /// Whether 5xx and connection failures are retried; nil = yes for GET/HEAD/PUT/DELETE.
    /// 429 and 503 are always retried: the server did not act on the request.
    public var retryable: Bool?
    /// Whether http(s) redirects are followed (at most 5). Off, a 3xx is the answer and its
    /// `location` header says where: how a caller sees a redirect to a `magnet:` link.
    public var followsRedirects: Bool

    public init(_ method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil,
                connectTimeout: TimeInterval? = nil, timeout: TimeInterval? = nil,
                maxBodyBytes: Int = 32 << 20, retryable: Bool? = nil, followsRedirects: Bool = true) {
        self.method = method.uppercased()
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.retryable = retryable
        self.followsRedirects = followsRedirects
    }

    var retriesServerErrors: Bool { retryable ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method) }

    /// The path for messages: never the query string, which may carry an API key.
    var pathForMessages: String { url.path.isEmpty ? "/" : url.path }
}

/// Builds URLs whose path segments and query values are percent-encoded strictly (RFC 3986
/// unreserved characters only), so user text such as "AC/DC +live" cannot change their meaning.
public enum URLBuilder {
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `base` ("https://musicbrainz.org/ws/2") + "/" + encoded segments + "?" + encoded query.
    public static func url(_ base: String, _ segments: [String], query: [(String, String)] = []) throws -> URL {
        var text = base.hasSuffix("/") ? String(base.dropLast()) : base
        for segment in segments { text += "/" + encode(segment) }
        if !query.isEmpty { text += "?" + query.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&") }
        guard let url = URL(string: text) else { throw URLBuilderError(base: base) }
        return url
    }
}

public struct URLBuilderError: Error, CustomStringConvertible {
    public let base: String
    public var description: String { "cannot build a URL on the base \"\(base)\"" }
}
