import CTorrent
import Foundation

extension TorrentSource {
    /// Lends a `ct_source` for this source; the pointers inside live only inside `body`.
    func withCSource<R>(_ body: (UnsafePointer<ct_source>) -> R) -> R {
        switch self {
        case .magnet(let text), .infoHash(let text):
            let kind = if case .magnet = self { CT_SOURCE_MAGNET } else { CT_SOURCE_INFO_HASH }
            return text.trimmingCharacters(in: .whitespacesAndNewlines).withCString { pointer in
                var source = ct_source(kind: kind, text: pointer, bytes: nil, length: 0)
                return body(&source)
            }
        case .torrentFile(let data):
            return data.withUnsafeBytes { raw in
                var source = ct_source(
                    kind: CT_SOURCE_TORRENT_FILE, text: nil,
                    bytes: raw.bindMemory(to: UInt8.self).baseAddress, length: raw.count)
                return body(&source)
            }
        }
    }

    /// What to quote in an error about this source.
    var errorInput: String {
        switch self {
        case .magnet(let text), .infoHash(let text): return text
        case .torrentFile(let data): return ".torrent data of \(data.count) bytes"
        }
    }
}
