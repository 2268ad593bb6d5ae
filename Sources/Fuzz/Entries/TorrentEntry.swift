import Foundation
import TorrentEngine

/// A .torrent file as uploaded through the API or fetched from an indexer's link: lcarsd reads
/// its hash, name and size with `TorrentEngine.inspect` before adding it.
enum TorrentEntry {
    static func run(_ data: Data) -> String {
        do {
            let descriptor = try TorrentEngine.inspect(.torrentFile(data))
            return "torrent \(descriptor.infoHash) size \(descriptor.totalSize.map(String.init) ?? "none")"
        } catch {
            return Outcome.error(error)
        }
    }
}
