import CTorrent

/// Everything the engine can refuse. Each description says what failed, for which input, and what
/// to do about it, so it can go straight into a log line or an API error message.
public enum EngineError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidMagnet(String)
    case invalidTorrent(String)
    case invalidInfoHash(String)
    case invalidResumeData(String)
    case invalidSettings(String)
    case invalidArgument(String)
    case duplicate(infoHash: String)
    case unknownTorrent(String)
    case io(String)
    case session(String)

    public var description: String {
        switch self {
        case .invalidMagnet(let detail):
            return "Invalid magnet link: \(detail). Use a complete magnet:?xt=urn:btih:… link."
        case .invalidTorrent(let detail):
            return "Invalid .torrent file: \(detail). Download the .torrent again; it may be truncated or not a torrent."
        case .invalidInfoHash(let detail):
            return "Invalid info hash: \(detail). Copy it from the magnet link (the part after xt=urn:btih:)."
        case .invalidResumeData(let detail):
            return "Unusable resume data: \(detail). Add the torrent without resume data; it will be rechecked."
        case .invalidSettings(let detail):
            return "Invalid torrent settings: \(detail). Fix the [torrent] section of the configuration."
        case .invalidArgument(let detail):
            return "Invalid request: \(detail)."
        case .duplicate(let infoHash):
            return "Torrent \(infoHash) is already in the session; pause, resume or remove the existing one instead."
        case .unknownTorrent(let infoHash):
            return "No torrent \(infoHash) in the session; it was removed or never added."
        case .io(let detail):
            return "File access failed: \(detail). Check that the path exists and is readable."
        case .session(let detail):
            return "Torrent session error: \(detail)."
        }
    }

    /// Maps a shim error; `input` names what the caller passed (shown for invalid-input errors).
    init(_ error: ct_error, input: String? = nil) {
        let message = string(fromCArray: error.message)
        // The shim's message already quotes hashes; magnets and .torrent data are quoted here.
        let detail = input.map { "\(message) — input: \(Self.excerpt($0))" } ?? message
        switch error.code {
        case CT_ERR_INVALID_MAGNET: self = .invalidMagnet(detail)
        case CT_ERR_INVALID_TORRENT: self = .invalidTorrent(detail)
        case CT_ERR_INVALID_INFO_HASH: self = .invalidInfoHash(message)
        case CT_ERR_INVALID_RESUME_DATA: self = .invalidResumeData(message)
        case CT_ERR_INVALID_ARGUMENT: self = .invalidArgument(message)
        case CT_ERR_DUPLICATE: self = .duplicate(infoHash: input ?? message)
        case CT_ERR_UNKNOWN_TORRENT: self = .unknownTorrent(input ?? message)
        case CT_ERR_IO: self = .io(message)
        default: self = .session(message)
        }
    }

    /// Inputs can be long (a magnet with dozens of trackers); logs need only the start.
    private static func excerpt(_ input: String) -> String {
        input.count > 120 ? String(input.prefix(120)) + "…" : input
    }
}
