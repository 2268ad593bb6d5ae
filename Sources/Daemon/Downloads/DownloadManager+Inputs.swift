import Foundation
import TorrentEngine
import Control
import Core

/// Checks of `downloads.add`'s arguments, before anything is asked of libtorrent.
extension DownloadManager {
    static func source(of args: DownloadCommand.AddArgs) throws -> (TorrentSource, Data?) {
        switch (args.magnet, args.torrent) {
        case (let magnet?, nil):
            return (.magnet(magnet.trimmingCharacters(in: .whitespacesAndNewlines)), nil)
        case (nil, let base64?):
            let compact = base64.filter { !$0.isWhitespace }
            guard let bytes = Data(base64Encoded: compact), !bytes.isEmpty else {
                throw DomainError.badRequest("torrent must be the .torrent file's bytes in base64; this is not base64",
                                             code: Code.invalidTorrent.rawValue)
            }
            return (.torrentFile(bytes), bytes)
        default:
            throw DomainError.badRequest("send exactly one of magnet (a magnet: URI) or torrent (a .torrent file in base64)",
                                         code: Code.invalidArgument.rawValue)
        }
    }

    static func inspect(_ source: TorrentSource) throws -> TorrentDescriptor {
        do { return try TorrentEngine.inspect(source) }
        catch {
            let code = if case .magnet = source { Code.invalidMagnet } else { Code.invalidTorrent }
            // EngineError already says what, which input and what to do ("Invalid magnet link: …"):
            // said once, not wrapped in a second "invalid magnet link:" prefix.
            let message = (error as? EngineError)?.description
                ?? (code == .invalidMagnet ? "invalid magnet link: \(error)" : "invalid .torrent file: \(error)")
            throw DomainError.badRequest(message, code: code.rawValue)
        }
    }

    static func checkLimits(_ args: DownloadCommand.AddArgs) throws {
        for (name, value) in [("seed_ratio_limit", args.seed_ratio_limit), ("seed_time_limit_hours", args.seed_time_limit_hours)] {
            if let value, !(value >= 0 && value <= 1_000_000) {
                throw DomainError.badRequest("\(name) must be between 0 (no limit) and 1000000, found \(value)",
                                             code: Code.invalidArgument.rawValue)
            }
        }
    }
}
