/// libtorrent's torrent states, named for the API.
public enum TorrentState: String, Sendable, Codable {
    case checkingFiles, downloadingMetadata, downloading, finished, seeding, checkingResumeData, unknown
}

/// A snapshot of one torrent. Byte counts are payload (no protocol overhead).
public struct TorrentStatus: Sendable, Equatable {
    public var infoHash: String
    public var name: String
    public var state: TorrentState
    /// The torrent's own pause; `TorrentEngine.isSessionPaused` is separate and stops all of them.
    public var isPaused: Bool
    public var hasMetadata: Bool
    /// 0...1
    public var progress: Double
    /// Bytes per second.
    public var downloadRate: Int
    public var uploadRate: Int
    public var totalDone: Int64
    public var totalWanted: Int64
    /// Since the torrent was added or last resumed in this session.
    public var sessionDownloaded: Int64
    public var sessionUploaded: Int64
    /// Across sessions (carried in resume data); libtorrent adds to them once a second.
    public var allTimeDownloaded: Int64
    public var allTimeUploaded: Int64
    public var peers: Int
    public var seeds: Int
    /// All-time uploaded / downloaded (or / bytes held, for torrents never downloaded here).
    public var ratio: Double
    public var seedingSeconds: Int64
    public var activeSeconds: Int64
    /// nil when it cannot be estimated (no metadata, nothing coming in, already complete).
    public var etaSeconds: Int64?
    public var errorMessage: String?
    public var savePath: String
}

/// One file of a torrent (pad files are left out).
public struct TorrentFileEntry: Sendable, Equatable {
    /// libtorrent's file index, stable for the torrent.
    public var index: Int
    /// Relative to the torrent's save path.
    public var path: String
    public var size: Int64
    public var bytesDone: Int64
}
