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
        startedAtText = SQLiteTime.iso8601(startedAt)
    }

    /// `system` is the download manager's snapshot (nil without one: nothing in the session).
    func status(system: (vpn: VPNState, counts: DownloadCounts)?, now: Date = Date()) -> DaemonStatus {
        DaemonStatus(version: LCARSVersion.current, pid: ProcessInfo.processInfo.processIdentifier,
                     startedAt: startedAtText,
                     uptimeSeconds: Int64(now.timeIntervalSince(startedAt)), schemaVersion: schemaVersion,
                     downloads: system?.counts ?? DownloadCounts(active: 0, queued: 0, seeding: 0),
                     vpn: system?.vpn ?? VPNState(enabled: false, interface: "", connected: true, addresses: []))
    }
}
