import Foundation
import Core

/// What went wrong talking to an outside service: which service, which method and URL path
/// (never the query string, which may carry an API key), and what happened.
public struct HTTPClientError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case timeout(seconds: Double)
        case connection(String)          // could not connect, reset, nothing received
        case status(Int, retryAfter: Double?)
        case malformedBody(String)
        case tooLarge(limit: Int)
        case transfer(String)            // any other libcurl failure
    }

    public let service: String
    public let method: String
    public let path: String
    public let kind: Kind
    public let attempts: Int

    public init(service: String, method: String, path: String, kind: Kind, attempts: Int) {
        self.service = service
        self.method = method
        self.path = path
        self.kind = kind
        self.attempts = attempts
    }

    public var description: String {
        let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
        return "\(service): \(method) \(path): \(what)\(tries)"
    }

    public var what: String {
        switch kind {
        case .timeout(let seconds): "no complete answer within \(Self.format(seconds)) s"
        case .connection(let detail): "connection failed: \(detail)"
        case .status(let code, let retryAfter):
            "HTTP \(code)" + (retryAfter.map { ", Retry-After \(Self.format($0)) s" } ?? "")
        case .malformedBody(let detail): "unexpected answer: \(detail)"
        case .tooLarge(let limit): "the answer is larger than \(limit) bytes"
        case .transfer(let detail): detail
        }
    }

    public var isTimeout: Bool { if case .timeout = kind { true } else { false } }

    public var status: Int? { if case .status(let code, _) = kind { code } else { nil } }

    public static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

extension HTTPClientError: DomainErrorConvertible {
    /// A service that did not answer in time is a timeout; any other transport failure is a failed upstream.
    public var domainError: DomainError {
        .upstream(service, description, isTimeout ? .timeout : .failed)
    }
}
