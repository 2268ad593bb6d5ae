import Foundation
import Core

/// Why placing a download into the library did not happen. `waiting` is not a failure: the
/// destination mount is away (an SMB share not mounted), and the import is tried again later.
public enum ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case source(String)          // the download's files: missing, outside, changed
    case content(String)         // nothing to place, a sample, not media
    case destination(String)     // writing to the library: disk full, permission, mount gone
    case waiting(String)         // a destination mount is unavailable right now

    public var description: String {
        switch self {
        case .source(let m), .content(let m), .destination(let m), .waiting(let m): m
        }
    }

    public var isWaiting: Bool { if case .waiting = self { true } else { false } }
}

extension ImportFailure: DomainErrorConvertible {
    public var domainError: DomainError {
        isWaiting ? .unavailable(description, code: "mount_unavailable") : .conflict(description, code: "import_failed")
    }
}
