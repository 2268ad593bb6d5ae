import Foundation
import Core

/// Why a provider returned no results. The description is what `indexers.last_error` shows.
public enum ProviderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Cloudflare / DDoS-Guard "checking your browser" instead of results.
    case challengePage(site: String, vendor: String)
    /// The site wants a login (or the credentials were refused).
    case loginRequired(site: String, detail: String)
    case httpStatus(site: String, status: Int)
    case malformedXML(site: String, line: Int, column: Int, detail: String)
    case malformedJSON(site: String, detail: String)
    /// A Torznab <error code="…" description="…"/>.
    case torznab(code: Int, message: String)
    /// An API that answered but said it failed (YTS "status": "error").
    case apiError(site: String, message: String)
    /// HTML that is not the page we expected (layout change, error page).
    case unexpectedPage(site: String, detail: String)
    case notSupported(site: String, detail: String)

    public var description: String {
        switch self {
        case let .challengePage(site, vendor): "\(site): challenge page (\(vendor)) — cannot read results"
        case let .loginRequired(site, detail): "\(site): login required — \(detail)"
        case let .httpStatus(site, status): "\(site): HTTP \(status)\(status >= 500 ? " (the site is failing)" : "")"
        case let .malformedXML(site, line, column, detail): "\(site): malformed XML at line \(line), column \(column): \(detail)"
        case let .malformedJSON(site, detail): "\(site): malformed JSON: \(detail)"
        case let .torznab(code, message): "Torznab error \(code): \(message)"
        case let .apiError(site, message): "\(site): \(message)"
        case let .unexpectedPage(site, detail): "\(site): unexpected page — \(detail)"
        case let .notSupported(site, detail): "\(site): \(detail)"
        }
    }
}

extension ProviderError: DomainErrorConvertible {
    /// An indexer that failed is an upstream failure (502); one that refused our credentials says so.
    public var domainError: DomainError {
        switch self {
        case let .loginRequired(site, _): .upstream(site, description, .credentialsRejected)
        case .torznab(code: 100, _): .upstream("Torznab", description, .credentialsRejected)
        case let .challengePage(site, _), let .httpStatus(site, _), let .malformedXML(site, _, _, _), let .malformedJSON(site, _),
             let .apiError(site, _), let .unexpectedPage(site, _), let .notSupported(site, _):
            .upstream(site, description)
        case .torznab: .upstream("Torznab", description)
        }
    }
}
