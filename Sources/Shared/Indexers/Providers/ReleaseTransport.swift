import Foundation

/// The one seam between providers and the network. Providers build requests and read
/// responses; whoever creates a provider hands it a transport. The shared libcurl client
/// (Sources/Shared/HTTPClient) is meant to conform to this with a small adapter (timeouts,
/// retries, User-Agent and interface binding live there, not here); tests use a fixture transport.
public protocol ReleaseTransport: Sendable {
    func send(_ request: TransportRequest) async throws -> TransportResponse
}

public struct TransportRequest: Sendable, Equatable {
    public var url: URL
    public var method: String
    /// Header names as sent, e.g. "Cookie", "Content-Type".
    public var headers: [String: String]
    public var body: Data?

    public init(url: URL, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }
}

public struct TransportResponse: Sendable, Equatable {
    public var status: Int
    /// Header names lower-cased; repeated headers (Set-Cookie) joined with "\n".
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
