import Foundation

/// The spec's `Download` model as the API and the event stream show it. Optional fields are
/// written as explicit nulls so a client can tell "none" from "not sent".
public struct DownloadView: Codable, Sendable, Equatable {
    public var id: Int64
    public var info_hash: String
    public var name: String
    public var media_type: MediaKind?
    public var media_id: Int64?
    public var magnet: String
    public var status: DownloadStatus
    public var progress: Double
    public var download_speed: Int64
    public var upload_speed: Int64
    public var size_bytes: Int64?
    public var downloaded_bytes: Int64
    public var uploaded_bytes: Int64
    public var ratio: Double
    public var peers: Int
    public var seeds: Int
    public var eta_seconds: Int64?
    public var seeding_seconds: Int64
    public var paused_by: PauseReason?
    public var error_message: String?
    public var added_at: String
    public var started_at: String?
    public var completed_at: String?

    public init(id: Int64, info_hash: String, name: String, media_type: MediaKind?, media_id: Int64?, magnet: String, status: DownloadStatus, progress: Double, download_speed: Int64, upload_speed: Int64, size_bytes: Int64?, downloaded_bytes: Int64, uploaded_bytes: Int64, ratio: Double, peers: Int, seeds: Int, eta_seconds: Int64?, seeding_seconds: Int64, paused_by: PauseReason?, error_message: String?, added_at: String, started_at: String?, completed_at: String?) {
        self.id = id
        self.info_hash = info_hash
        self.name = name
        self.media_type = media_type
        self.media_id = media_id
        self.magnet = magnet
        self.status = status
        self.progress = progress
        self.download_speed = download_speed
        self.upload_speed = upload_speed
        self.size_bytes = size_bytes
        self.downloaded_bytes = downloaded_bytes
        self.uploaded_bytes = uploaded_bytes
        self.ratio = ratio
        self.peers = peers
        self.seeds = seeds
        self.eta_seconds = eta_seconds
        self.seeding_seconds = seeding_seconds
        self.paused_by = paused_by
        self.error_message = error_message
        self.added_at = added_at
        self.started_at = started_at
        self.completed_at = completed_at
    }

    enum CodingKeys: String, CodingKey {
        case id, info_hash, name, media_type, media_id, magnet, status, progress, download_speed, upload_speed,
             size_bytes, downloaded_bytes, uploaded_bytes, ratio, peers, seeds, eta_seconds, seeding_seconds,
             paused_by, error_message, added_at, started_at, completed_at
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(info_hash, forKey: .info_hash)
        try c.encode(name, forKey: .name)
        try c.encode(media_type, forKey: .media_type)
        try c.encode(media_id, forKey: .media_id)
        try c.encode(SecretMask.magnet(magnet), forKey: .magnet)   // tracker passkeys never leave (API, events)
        try c.encode(status, forKey: .status)
        try c.encode(progress, forKey: .progress)
        try c.encode(download_speed, forKey: .download_speed)
        try c.encode(upload_speed, forKey: .upload_speed)
        try c.encode(size_bytes, forKey: .size_bytes)
        try c.encode(downloaded_bytes, forKey: .downloaded_bytes)
        try c.encode(uploaded_bytes, forKey: .uploaded_bytes)
        try c.encode(ratio, forKey: .ratio)
        try c.encode(peers, forKey: .peers)
        try c.encode(seeds, forKey: .seeds)
        try c.encode(eta_seconds, forKey: .eta_seconds)
        try c.encode(seeding_seconds, forKey: .seeding_seconds)
        try c.encode(paused_by, forKey: .paused_by)
        try c.encode(error_message.map(SecretMask.text), forKey: .error_message)
        try c.encode(added_at, forKey: .added_at)
        try c.encode(started_at, forKey: .started_at)
        try c.encode(completed_at, forKey: .completed_at)
    }
}
