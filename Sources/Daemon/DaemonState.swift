import Foundation
import Control
import Core

/// Facts about this lcarsd process that the control socket reports.
struct DaemonState: Sendable {
    let startedAt: Date
    let schemaVersion: Int
    /// Formatted once: formatters are costly to build and status is asked for on every admin page load.
    private let startedAtText: String

    init(startedAt: Date, schemaVersion: Int) {
        self.startedAt = startedAt
        self.schemaVersion = schemaVersion
        startedAtText = ISO8601DateFormatter().string(from: startedAt)
    }

    func status(downloads: DownloadManager?, now: Date = Date()) -> DaemonStatus {
        DaemonStatus(version: LCARSVersion.current, pid: ProcessInfo.processInfo.processIdentifier,
                     startedAt: startedAtText,
                     uptimeSeconds: Int64(now.timeIntervalSince(startedAt)), schemaVersion: schemaVersion,
                     downloads: downloads?.counts ?? DownloadCounts(active: 0, queued: 0, seeding: 0),
                     vpn: downloads?.vpnState ?? VPNState(enabled: false, interface: "", connected: true, addresses: []))
    }
}
