import Foundation
import Core

/// The moves of a download's life, applied to a row in memory. Each status change goes through
/// `DownloadStatus.transition(to:of:)`: an illegal move throws before a single field changes,
/// so the store (which applies these inside its transactions) writes nothing.
extension DownloadRecord {
    /// How errors and activity lines name this row: "download 7".
    public var label: String { "download \(id ?? 0)" }

    /// Paused by the user, or held while the VPN is down (`note` says why).
    public mutating func pause(by reason: PauseReason, note: String? = nil) throws {
        status = try status.transition(to: .paused, of: label)
        pauseReason = reason
        errorMessage = reason == .vpn ? note.map { "waiting for the VPN: \($0)" } : nil
        stopMoving()
    }

    /// Back to `queued`; the next sync sets what libtorrent is really doing. Downtime is not a stall.
    public mutating func requeue(now: Date = Date()) throws {
        status = try status.transition(to: .queued, of: label)
        pauseReason = nil
        errorMessage = nil
        lastProgressAt = SQLiteTime.format(now)
    }

    /// Failed for `reason`; the torrent has left the session, its files stay.
    public mutating func fail(reason: String) throws {
        status = try status.transition(to: .failed, of: label)
        errorMessage = reason
        pauseReason = nil
        stopMoving()
    }

    /// Seeding ended by the seeding policy: the download is complete and leaves the session.
    public mutating func finishSeeding() throws {
        status = try status.transition(to: .completed, of: label)
        stopMoving()
    }

    /// The status libtorrent's state implies, checked like every other move.
    public mutating func move(to next: DownloadStatus) throws {
        status = try status.transition(to: next, of: label)
    }

    private mutating func stopMoving() {
        downloadSpeed = 0
        uploadSpeed = 0
        peers = 0
    }
}

/// One `activity` line a download change causes (ActivityType.download*).
public struct DownloadActivity: Sendable, Equatable {
    public var type: ActivityType
    public var message: String
    public var download: DownloadRecord
    public init(_ type: ActivityType, _ message: String, _ download: DownloadRecord) {
        self.type = type
        self.message = message
        self.download = download
    }
}

extension DownloadRecord {
    /// The library item the download is linked to, if any.
    public var media: MediaReference? { mediaType.flatMap { type in mediaId.map { MediaReference(type: type, id: $0) } } }
}
