import Foundation
import Shared

/// Facts about this lcarsd process that the control socket reports.
struct DaemonState: Sendable {
    let startedAt: Date
    let schemaVersion: Int

    func status(now: Date = Date()) -> DaemonStatus {
        DaemonStatus(version: LCARSVersion.current, pid: ProcessInfo.processInfo.processIdentifier,
                     startedAt: ISO8601DateFormatter().string(from: startedAt),
                     uptimeSeconds: Int64(now.timeIntervalSince(startedAt)), schemaVersion: schemaVersion)
    }
}
