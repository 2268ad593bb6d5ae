import Foundation
import Control
import Core
import Persistence

/// One event for browsers (spec: WebSocket messages, served here as Server-Sent Events).
/// The payload is encoded once, however many clients receive it.
struct LiveEvent: Sendable {
    let name: String
    let json: Data

    init(name: String, payload: some Encodable) {
        self.name = name
        json = (try? JSONEncoder().encode(payload)) ?? Data("{}".utf8)
    }

    /// `event:` + `data:` lines and a blank line, as text/event-stream frames them.
    var sseFrame: Data {
        var frame = Data("event: \(name)\ndata: ".utf8)
        frame.append(json)
        frame.append(contentsOf: Array("\n\n".utf8))
        return frame
    }

    static func added(_ download: DownloadView) -> LiveEvent { LiveEvent(name: "download:added", payload: download) }

    /// The spec's fields, plus what a progress row shows that changes with them (the name and size
    /// arrive with a magnet's metadata), so a client need not fetch the download again.
    struct Progress: Encodable {
        let id: Int64, progress: Double, download_speed: Int64, upload_speed: Int64, peers: Int
        let seeds: Int, name: String, size_bytes: Int64?, downloaded_bytes: Int64, uploaded_bytes: Int64
        let ratio: Double, eta_seconds: Int64?
    }
    static func progress(_ d: DownloadRecord) -> LiveEvent {
        LiveEvent(name: "download:progress", payload: Progress(
            id: d.id ?? 0, progress: d.progress, download_speed: d.downloadSpeed, upload_speed: d.uploadSpeed,
            peers: d.peers, seeds: d.seeds, name: d.name, size_bytes: d.sizeBytes, downloaded_bytes: d.downloadedBytes,
            uploaded_bytes: d.uploadedBytes, ratio: d.ratio, eta_seconds: d.etaSeconds))
    }

    struct StatusChange: Encodable {
        let id: Int64, status: DownloadStatus, error_message: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(status, forKey: .status)
            try c.encode(error_message, forKey: .error_message)
        }
        enum CodingKeys: String, CodingKey { case id, status, error_message }
    }
    static func status(_ d: DownloadRecord) -> LiveEvent {
        LiveEvent(name: "download:status", payload: StatusChange(id: d.id ?? 0, status: d.status, error_message: d.errorMessage))
    }

    struct Completed: Encodable {
        let id: Int64, media_type: MediaKind?, media_id: Int64?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(media_type, forKey: .media_type)
            try c.encode(media_id, forKey: .media_id)
        }
        enum CodingKeys: String, CodingKey { case id, media_type, media_id }
    }
    static func completed(_ d: DownloadRecord) -> LiveEvent {
        LiveEvent(name: "download:completed", payload: Completed(id: d.id ?? 0, media_type: d.mediaType, media_id: d.mediaId))
    }

    struct Removed: Encodable { let id: Int64 }
    static func removed(id: Int64) -> LiveEvent { LiveEvent(name: "download:removed", payload: Removed(id: id)) }

    struct SystemStatus: Encodable {
        let vpn_connected: Bool, active_downloads: Int, vpn: VPNState, downloads: DownloadCounts
    }
    static func system(vpn: VPNState, counts: DownloadCounts) -> LiveEvent {
        LiveEvent(name: "system:status", payload: SystemStatus(vpn_connected: vpn.connected, active_downloads: counts.active,
                                                               vpn: vpn, downloads: counts))
    }
}
