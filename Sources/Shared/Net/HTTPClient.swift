import Foundation
import Config
import Core

/// The defaults every request of a client gets, from `[http]`.
public struct HTTPClientSettings: Sendable {
    public var userAgent: String
    public var connectTimeout: TimeInterval
    public var timeout: TimeInterval
    public var retry: RetryPolicy
    public var interface: String

    public init(userAgent: String, connectTimeout: TimeInterval, timeout: TimeInterval, retry: RetryPolicy, interface: String = "") {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.retry = retry
        self.interface = interface
    }

    public init(_ config: LCARSConfig.HTTP) {
        self.init(userAgent: Self.userAgent(contact: config.contact),
                  connectTimeout: TimeInterval(config.connectTimeoutMs) / 1000,
                  timeout: TimeInterval(config.timeoutMs) / 1000,
                  retry: RetryPolicy(retries: config.retries, base: TimeInterval(config.retryBaseMs) / 1000,
                                     maxWait: TimeInterval(config.maxRetryWaitMs) / 1000),
                  interface: config.interface)
    }

    /// The settings of indexer and metadata traffic: `[http]`, and when `http.interface` is empty
    /// but torrents are bound to a VPN interface (`torrent.bind_interface`), that interface — so
    /// searches, .torrent fetches and metadata lookups leave by the VPN as the torrents do, and
    /// fail rather than leak when it is down.
    public init(_ config: LCARSConfig) {
        self.init(config.http)
        if interface.isEmpty { interface = config.torrent.bindInterface }
    }

    /// `LCARS/<version> ( <contact> )`, the form MusicBrainz asks applications to send; without a
    /// configured contact just `LCARS/<version>` (MusicBrainz may then throttle harder).
    public static func userAgent(contact: String) -> String {
        let trimmed = contact.filter { !$0.isNewline }.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "LCARS/\(LCARSVersion.current)" : "LCARS/\(LCARSVersion.current) ( \(trimmed) )"
    }
}

/// The one HTTP client for outside services (libcurl underneath). Blocking: a responder worker
/// handles one request at a time anyway, and lcarsd calls it off its event loops. One client per
/// service: its name appears in every error, and its cookies and connections are its own.
public final class HTTPClient: @unchecked Sendable {
    public let service: String
    public let settings: HTTPClientSettings
    private let gate: RequestGate?
    private let transfer: any HTTPTransport
    private let lock = NSLock()   // one transfer at a time on the shared easy handle

    /// `transport`: nil for libcurl; tests pass a stand-in.
    public init(service: String, settings: HTTPClientSettings, gate: RequestGate? = nil, transport: (any HTTPTransport)? = nil) {
        self.service = service
        self.settings = settings
        self.gate = gate
        self.transfer = transport ?? CurlTransfer()
    }

    /// Sends the request, retrying 429/5xx/connection failures per the retry policy. Returns the
    /// final answer whatever its status (see `requireSuccess`); throws when no answer came.
    public func send(_ request: HTTPClientRequest) throws -> HTTPClientResponse {
        lock.lock()
        defer { lock.unlock() }
        var retry = 0
        while true {
            try gate?.waitTurn()
            let outcome = transfer.perform(request, settings: settings)
            let attempts = retry + 1
            let wait = retryDelay(outcome, request: request, retry: retry)
            if let wait {
                Thread.sleep(forTimeInterval: wait)
                retry += 1
                continue
            }
            return try finish(outcome, request: request, attempts: attempts)
        }
    }

    public func get(_ url: URL, headers: [String: String] = [:]) throws -> HTTPClientResponse {
        try send(HTTPClientRequest("GET", url: url, headers: headers))
    }

    private func retryDelay(_ outcome: Result<HTTPTransportAnswer, HTTPTransportFailure>, request: HTTPClientRequest, retry: Int) -> TimeInterval? {
        switch outcome {
        case .success(let answer):
            guard RetryPolicy.isRetryableStatus(answer.status) else { return nil }
            guard answer.status == 429 || answer.status == 503 || request.retriesServerErrors else { return nil }
            return settings.retry.delay(beforeRetry: retry, retryAfter: RetryPolicy.retryAfter(answer.headers["retry-after"]))
        case .failure(.curl(let code, _)) where Self.isConnectionFailure(code) && request.retriesServerErrors:
            return settings.retry.delay(beforeRetry: retry, retryAfter: nil)
        case .failure:
            return nil
        }
    }

    private func finish(_ outcome: Result<HTTPTransportAnswer, HTTPTransportFailure>, request: HTTPClientRequest, attempts: Int) throws -> HTTPClientResponse {
        let path = request.pathForMessages
        switch outcome {
        case .success(let answer):
            return HTTPClientResponse(service: service, method: request.method, path: path, status: answer.status,
                                      headers: answer.headers, body: answer.body, attempts: attempts)
        case .failure(let failure):
            throw HTTPClientError(service: service, method: request.method, path: path,
                                  kind: kind(of: failure, request: request), attempts: attempts)
        }
    }

    private func kind(of failure: HTTPTransportFailure, request: HTTPClientRequest) -> HTTPClientError.Kind {
        switch failure {
        case .tooLarge: return .tooLarge(limit: request.maxBodyBytes)
        case .curl(let code, _) where code == 28:   // CURLE_OPERATION_TIMEDOUT
            return .timeout(seconds: request.timeout ?? settings.timeout)
        case .curl(let code, let message) where Self.isConnectionFailure(code): return .connection(message)
        case .curl(_, let message): return .transfer(message)
        }
    }

    /// Could not resolve/connect, send or receive failed, or the server closed without answering.
    static func isConnectionFailure(_ code: UInt32) -> Bool { [5, 6, 7, 18, 52, 55, 56].contains(code) }
}
