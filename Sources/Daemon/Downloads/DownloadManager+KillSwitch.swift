import Foundation
import TorrentEngine
import Core
import Persistence

/// The VPN kill switch: polled every half second by the loop. Down → the whole session pauses
/// and every running download shows `paused` (by "vpn"); up → re-bind, resume those. Torrents the
/// user paused stay paused either way.
extension DownloadManager {
    func checkKillSwitch() {
        switch killSwitch.poll() {
        case .none: return
        case .wentDown(let reason):
            engine.pauseSession()
            logger.warning("VPN down: all torrents paused", metadata: ["reason": "\(reason)"])
            updateRows(where: { $0.status != .paused }) { hold(&$0, reason: reason) }
        case .cameUp:
            rebind()
            engine.resumeSession()
            logger.notice("VPN up: torrents resumed", metadata: ["interface": "\(config.bindInterface)", "addresses": "\(killSwitch.last.addresses)"])
            updateRows(where: { $0.status == .paused && $0.pauseReason == .vpn }) { release(&$0) }
        case .addressesChanged:
            rebind()
            logger.notice("VPN address changed: re-bound", metadata: ["addresses": "\(killSwitch.last.addresses)"])
        }
        publishSystemStatusIfChanged()
    }

    /// New listen sockets and outgoing bindings on the interface's current addresses.
    private func rebind() {
        do { try engine.apply(Self.engineSettings(config)) }
        catch { logger.error("cannot re-bind the torrent session", metadata: ["error": "\(error)"]) }
    }

    func hold(_ record: inout DownloadRecord, reason: String) {
        record.status = .paused
        record.pauseReason = .vpn
        record.errorMessage = "waiting for the VPN: \(reason)"
        record.downloadSpeed = 0
        record.uploadSpeed = 0
        record.peers = 0
    }

    /// Back to `queued`; the next sync sets what libtorrent is really doing.
    func release(_ record: inout DownloadRecord) {
        record.status = .queued
        record.pauseReason = nil
        record.errorMessage = nil
        record.lastProgressAt = SQLiteTime.format(Date())
    }

    private func updateRows(where include: (DownloadRecord) -> Bool, _ change: (inout DownloadRecord) -> Void) {
        guard let rows = try? store.list().filter({ $0.status.isInSession && include($0) }) else { return }
        let changed = rows.map { row -> DownloadRecord in var r = row; change(&r); return r }
        do { try store.saveLive(changed) } catch { logger.error("cannot save download status", metadata: ["error": "\(error)"]) }
        changed.forEach { hub.publish(.status($0)) }
    }
}
