import Core

/// The error codes of the control protocol (docs/ipc.md, "Errors" and "Download commands"):
/// the one vocabulary lcarsd answers with and the responders map onto HTTP statuses.
public enum ControlErrorCode: String, Sendable, CaseIterable {
    // the protocol itself
    case badRequest = "bad_request"
    case unsupportedVersion = "unsupported_version"
    case unknownCommand = "unknown_command"
    case frameTooLarge = "frame_too_large"
    case internalError = "internal_error"
    /// The request's `deadline_ms` passed before lcarsd got to it: nothing was done.
    case expired
    // what a command found wrong
    case invalidMagnet = "invalid_magnet"
    case invalidTorrent = "invalid_torrent"
    case invalidArgument = "invalid_argument"
    case duplicate
    case notFound = "not_found"
    case conflict

    /// The one mapping from the domain's errors onto the wire: a `DomainError` whose `code` is a
    /// protocol code keeps it (`duplicate`, `invalid_magnet`); otherwise its kind decides
    /// (an illegal status move, code `invalid_transition`, is a `conflict` on the wire).
    public init(_ error: DomainError) {
        if let code = error.code.flatMap(ControlErrorCode.init(rawValue:)) { self = code; return }
        switch error.kind {
        case .badRequest, .validation: self = .invalidArgument
        case .notFound: self = .notFound
        case .conflict, .gone: self = .conflict
        case .upstream, .unavailable: self = .internalError
        }
    }
}

extension ControlErrorBody {
    public init(_ code: ControlErrorCode, _ message: String, details: JSONValue? = nil) {
        self.init(code: code.rawValue, message: message, details: details)
    }

    /// A domain error as the control protocol answers it (see `ControlErrorCode.init(_:)`).
    public init(_ error: DomainError) {
        self.init(ControlErrorCode(error), error.message, details: error.details)
    }
}
