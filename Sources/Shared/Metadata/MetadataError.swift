import Core
import Net

/// Why a metadata lookup (TMDB, MusicBrainz, Cover Art Archive) failed, in terms the API maps to
/// a status: not configured → 422, credentials rejected or upstream failure → 502, timeout → 504.
public enum MetadataError: Error, CustomStringConvertible, Sendable {
    case notConfigured(String)
    case credentialsRejected(String)
    case notFound(String)
    case invalidInput(String)
    case upstream(HTTPClientError)

    public var description: String {
        switch self {
        case .notConfigured(let message), .credentialsRejected(let message), .notFound(let message), .invalidInput(let message):
            message
        case .upstream(let error):
            "\(error)"
        }
    }
}

extension MetadataError: DomainErrorConvertible {
    /// Not configured or bad input → validation, unknown id → not found, rejected credentials,
    /// a failing service or a slow one → upstream.
    public var domainError: DomainError {
        switch self {
        case .notConfigured(let message): .validation(message, code: "not_configured")
        case .invalidInput(let message): .validation(message)
        case .notFound(let message): .notFound(message)
        case .credentialsRejected(let message): .init(.upstream(.credentialsRejected), message)
        case .upstream(let error): error.domainError
        }
    }
}
