import Foundation

/// The three ways a torrent can be named.
public enum TorrentSource: Sendable {
    /// A magnet link; its trackers (tr=) and peers (x.pe=) are used.
    case magnet(String)
    /// The contents of a .torrent file.
    case torrentFile(Data)
    /// A bare v1 (40 hex digits) or v2 (64 hex digits) info hash; peers must be found by DHT or
    /// connected explicitly.
    case infoHash(String)
}

/// What a source says about its torrent, without adding it anywhere.
public struct TorrentDescriptor: Sendable, Equatable {
    /// Lowercase hex of the v1 hash (truncated v2 hash for v2-only torrents).
    public var infoHash: String
    /// nil when the source does not carry one (bare hash, magnet without dn=).
    public var name: String?
    /// Payload bytes; nil without metadata (magnets, bare hashes).
    public var totalSize: Int64?
    /// The magnet as given, or one built for a .torrent / bare hash.
    public var magnet: String
}
