import CTorrent
import Foundation

/// Working with torrents without a session.
extension TorrentEngine {
    /// Parses a source: info hash, name, size and a magnet link. Throws `.invalidMagnet`,
    /// `.invalidTorrent` or `.invalidInfoHash` with libtorrent's reason.
    public static func inspect(_ source: TorrentSource) throws -> TorrentDescriptor {
        var raw = ct_descriptor()
        var error = ct_error()
        guard source.withCSource({ ct_inspect($0, &raw, &error) }) == 0 else {
            throw EngineError(error, input: source.errorInput)
        }
        defer { ct_free_descriptor(&raw) }
        return TorrentDescriptor(
            infoHash: string(fromCArray: raw.info_hash), name: string(from: raw.name),
            totalSize: raw.total_size >= 0 ? raw.total_size : nil, magnet: string(from: raw.magnet) ?? "")
    }

    /// Which protocol versions a created torrent carries (libtorrent 2.0 clients make hybrids by default).
    public enum Version: Sendable {
        case v1, hybrid, v2

        var raw: ct_torrent_version {
            switch self {
            case .v1: CT_TORRENT_V1
            case .hybrid: CT_TORRENT_HYBRID
            case .v2: CT_TORRENT_V2
            }
        }
    }

    /// A .torrent for the file or directory at `path` (its name becomes the torrent's name), v1
    /// unless asked otherwise. `pieceSize` 0 lets libtorrent choose; otherwise a power of two of at least 16 KiB.
    public static func createTorrent(at path: String, trackers: [String], pieceSize: Int = 0, version: Version = .v1) throws -> Data {
        var bytes = ct_bytes()
        var error = ct_error()
        let trackerCopies = trackers.map { strdup($0) }
        defer { trackerCopies.forEach { free($0) } }
        let code = trackerCopies.map { UnsafePointer($0) }.withUnsafeBufferPointer { list in
            ct_create_torrent(path, list.baseAddress, list.count, Int32(clamping: pieceSize), version.raw, &bytes, &error)
        }
        guard code == 0 else { throw EngineError(error, input: path) }
        return takeData(&bytes)
    }
}
