import Core
import Foundation
import TorrentEngine

/// A magnet as a user pastes it or an indexer lists it: our own reading (`Magnet`, used for
/// blocklist checks and merging) and libtorrent's (`TorrentEngine.inspect`, used by lcarsd to add it).
enum MagnetEntry {
    static func run(_ data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        let hash = Magnet.infoHash(of: text)
        _ = Magnet.trackers(of: text)
        _ = Magnet.normalizeHash(text)
        // The shim takes a C string: lcarsd gets the magnet from JSON, where a NUL cannot hide.
        guard !text.contains("\0") else { return "hash \(hash ?? "none"); NUL not passed to libtorrent" }
        do {
            let descriptor = try TorrentEngine.inspect(.magnet(text))
            return "hash \(hash ?? "none"); libtorrent \(descriptor.infoHash)"
        } catch {
            return "hash \(hash ?? "none"); libtorrent " + Outcome.error(error)
        }
    }
}
