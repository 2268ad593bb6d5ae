/// The one error vocabulary below the executables: what went wrong, in words a user can act on.
/// Stores, use cases and clients throw it (or an error that converts to it); the HTTP mapping
/// (FCGIApp's APIError) and the control-socket mapping each live in one place.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// 400: the request itself is malformed (query syntax, unknown parameter).
        case badRequest
        /// 404: the thing named does not exist.
        case notFound
        /// 409: the request is well-formed but clashes with what is there (duplicate, wrong state).
        case conflict
        /// 410: it existed but is gone for good (an expired search result).
        case gone
        /// 422: a field fails validation; `field` names it.
        case validation
        /// 502/504: an outside service (`service`) failed, rejected our credentials, or timed out.
        case upstream(UpstreamFailure)
        /// 503: a part of LCARS is not there right now (lcarsd, the schema, a busy database).
        case unavailable
    }

    public enum UpstreamFailure: Sendable, Equatable {
        case failed, timeout, credentialsRejected
    }

    public var kind: Kind
    /// What happened, which input, what to do — once, complete.
    public var message: String
    /// A stable word for clients (`duplicate`, `blocklisted`, `schema_outdated`); nil: the kind's default.
    public var code: String?
    /// The field a validation error is about.
    public var field: String?
    /// The outside service an upstream error is about ("TMDB", "MusicBrainz", an indexer's name).
    public var service: String?
    /// Facts for the client, e.g. the existing item behind a 409.
    public var details: JSONValue?
    /// For a 409 on add: the id of the item already there.
    public var existingID: Int64?

    public init(_ kind: Kind, _ message: String, code: String? = nil, field: String? = nil, service: String? = nil,
                details: JSONValue? = nil, existingID: Int64? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
        self.field = field
        self.service = service
        self.details = details
        self.existingID = existingID
    }

    public var description: String { message }

    public static func badRequest(_ message: String, code: String? = nil) -> DomainError { .init(.badRequest, message, code: code) }
    public static func notFound(_ message: String) -> DomainError { .init(.notFound, message) }
    /// "no movie with id 5" — the one 404 text of every library item.
    public static func notFound(_ kind: MediaKind, id: Int64) -> DomainError { .init(.notFound, "no \(kind.label) with id \(id)") }
    public static func conflict(_ message: String, code: String? = nil, existingID: Int64? = nil, details: JSONValue? = nil) -> DomainError {
        .init(.conflict, message, code: code, details: details, existingID: existingID)
    }
    public static func gone(_ message: String, code: String? = nil) -> DomainError { .init(.gone, message, code: code) }
    public static func validation(_ message: String, field: String? = nil, code: String? = nil) -> DomainError {
        .init(.validation, message, code: code, field: field)
    }
    public static func upstream(_ service: String, _ message: String, _ failure: UpstreamFailure = .failed) -> DomainError {
        .init(.upstream(failure), message, service: service)
    }
    public static func unavailable(_ message: String, code: String? = nil) -> DomainError { .init(.unavailable, message, code: code) }

    /// A status change the domain does not allow: names the item, both states and the way out.
    public static func invalidTransition(of item: String, from: String, to: String, allowed: [String]) -> DomainError {
        let way = allowed.isEmpty ? "it cannot change any more" : "from \(from) it can go to \(allowed.joined(separator: ", "))"
        return .init(.conflict, "\(item) cannot go from \(from) to \(to); \(way)", code: "invalid_transition")
    }
}

/// An error of a lower layer that has a domain meaning (a metadata client's failure, an indexer's).
public protocol DomainErrorConvertible: Error {
    var domainError: DomainError { get }
}
