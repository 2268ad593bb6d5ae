import Foundation
import Net

/// `ReleaseTransport` over the shared libcurl client: timeouts, retries with backoff, the
/// User-Agent, interface binding and cookies stay in `HTTPClient`. The client blocks, so every
/// transfer runs on a thread of its own and never holds one of Swift's few cooperative threads
/// (a slow indexer must not stall the others). One client per indexer: its own connection and cookies.
public struct HTTPReleaseTransport: ReleaseTransport {
    let client: HTTPClient
    /// The whole transfer, per attempt; the manager's deadline bounds the search as a whole.
    let timeout: TimeInterval
    let maxBodyBytes: Int

    public init(client: HTTPClient, timeout: TimeInterval, maxBodyBytes: Int = 8 << 20) {
        self.client = client
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let outgoing = HTTPClientRequest(request.method, url: request.url, headers: request.headers, body: request.body,
                                         timeout: timeout, maxBodyBytes: maxBodyBytes)
        let client = self.client
        let answer = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPClientResponse, Error>) in
            let thread = Thread { continuation.resume(with: Result { try client.send(outgoing) }) }
            thread.stackSize = 1 << 20
            thread.start()
        }
        return TransportResponse(status: answer.status, headers: answer.headers, body: answer.body)
    }
}
