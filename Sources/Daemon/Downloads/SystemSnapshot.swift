import Foundation
import Control
import Core

/// The download counts and VPN state as of the manager's last tick or command, for `status`:
/// read from any thread without waiting for the manager's queue or touching the database.
final class SystemSnapshot: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (vpn: VPNState, counts: DownloadCounts)
    /// Whether `update` has been called: the first facts are always news (the event hub keeps the
    /// last `system:status` for every new stream client).
    private var known = false

    init(vpn: VPNState) { value = (vpn, DownloadCounts(active: 0, queued: 0, seeding: 0)) }

    var current: (vpn: VPNState, counts: DownloadCounts) { lock.withLock { value } }

    /// Stores the new facts; true the first time and when they differ from the last ones (worth
    /// a live event).
    func update(vpn: VPNState, counts: DownloadCounts) -> Bool {
        lock.withLock {
            defer { value = (vpn, counts); known = true }
            return !known || value.vpn != vpn || value.counts != counts
        }
    }
}
