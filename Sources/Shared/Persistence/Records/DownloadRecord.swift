import Foundation
import GRDB
import Core

/// A row of `downloads`. lcarsd writes it; responders read it and ask lcarsd to change it.
public struct DownloadRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "downloads"
    public var id: Int64?
    public var infoHash: String
    public var name: String
    public var mediaType: MediaKind?
    public var mediaId: Int64?
    public var magnet: String
    public var status: DownloadStatus
    public var progress: Double = 0
    public var downloadSpeed: Int64 = 0
    public var uploadSpeed: Int64 = 0
    public var sizeBytes: Int64?
    public var downloadedBytes: Int64 = 0
    public var uploadedBytes: Int64 = 0
    public var ratio: Double = 0
    public var peers: Int = 0
    public var errorMessage: String?
    public var addedAt: String
    public var startedAt: String?
    public var completedAt: String?
    public var savePath: String?
    public var seeds: Int = 0
    public var seedingSeconds: Int64 = 0
    public var etaSeconds: Int64?
    public var seedRatioLimit: Double?
    public var seedTimeLimitHours: Double?
    public var pauseReason: PauseReason?
    public var lastProgressAt: String?
    public var resumeData: Data?
    public var torrentFile: Data?

    enum CodingKeys: String, CodingKey {
        case id, name, magnet, status, progress, ratio, peers, seeds
        case infoHash = "info_hash", mediaType = "media_type", mediaId = "media_id"
        case downloadSpeed = "download_speed", uploadSpeed = "upload_speed", sizeBytes = "size_bytes"
        case downloadedBytes = "downloaded_bytes", uploadedBytes = "uploaded_bytes", errorMessage = "error_message"
        case addedAt = "added_at", startedAt = "started_at", completedAt = "completed_at", savePath = "save_path"
        case seedingSeconds = "seeding_seconds", etaSeconds = "eta_seconds", seedRatioLimit = "seed_ratio_limit"
        case seedTimeLimitHours = "seed_time_limit_hours", pauseReason = "pause_reason"
        case lastProgressAt = "last_progress_at", resumeData = "resume_data", torrentFile = "torrent_file"
    }

    public init(infoHash: String, name: String, magnet: String, media: MediaReference?, savePath: String,
                sizeBytes: Int64?, torrentFile: Data?, now: Date = Date()) {
        self.infoHash = infoHash
        self.name = name
        self.magnet = magnet
        self.mediaType = media?.type
        self.mediaId = media?.id
        self.status = .queued
        self.sizeBytes = sizeBytes
        self.savePath = savePath
        self.torrentFile = torrentFile
        self.addedAt = SQLiteTime.format(now)
        self.lastProgressAt = addedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Columns the API model shows; the blobs stay out of list queries.
    public static let viewColumns: [Column] = [
        "id", "info_hash", "name", "media_type", "media_id", "magnet", "status", "progress", "download_speed",
        "upload_speed", "size_bytes", "downloaded_bytes", "uploaded_bytes", "ratio", "peers", "error_message",
        "added_at", "started_at", "completed_at", "save_path", "seeds", "seeding_seconds", "eta_seconds",
        "seed_ratio_limit", "seed_time_limit_hours", "pause_reason", "last_progress_at",
    ].map { Column($0) }
}
