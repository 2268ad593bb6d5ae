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
            changeRows(where: { $0.status != .paused }) { try store.markPaused($0, by: .vpn, note: reason) }
        case .cameUp:
            rebind()
            engine.resumeSession()
            logger.notice("VPN up: torrents resumed", metadata: ["interface": "\(config.bindInterface)", "addresses": "\(killSwitch.last.addresses)"])
            changeRows(where: { $0.status == .paused && $0.pauseReason == .vpn }) { try store.markResumed($0) }
        case .addressesChanged:
            rebind()
            logger.notice("VPN address changed: re-bound", metadata: ["addresses": "\(killSwitch.last.addresses)"])
        }
        publishSystemStatusIfChanged()
    }

    /// New listen sockets and outgoing bindings on the interface's current addresses.
    private func rebind() {
        killSwitch.rebinding()
        do { try engine.apply(Self.engineSettings(config)) }
        catch { logger.error("cannot re-bind the torrent session", metadata: ["error": "\(error)"]) }
    }

    /// After a listen alert: says in the log whether binding to the VPN interface took effect
    /// (`vpn.bound` in `status`), once per change.
    func checkBinding() {
        let wasBound = snapshot.current.vpn.bound
        publishSystemStatusIfChanged()
        guard killSwitch.enabled, killSwitch.bound != wasBound || !killSwitch.bound else { return }
        if let problem = killSwitch.bindingProblem {
            logger.warning("torrent session not bound to the VPN interface", metadata: ["problem": "\(problem)"])
        } else {
            logger.notice("torrent session bound to the VPN interface",
                          metadata: ["interface": "\(config.bindInterface)", "addresses": "\(killSwitch.listen.listening.sorted())"])
        }
    }

    /// The in-session rows that `include` picks, changed by one store call (one transaction).
    private func changeRows(where include: (DownloadRecord) -> Bool, _ change: ([Int64]) throws -> [DownloadRecord]) {
        do {
            let ids = try store.list(statuses: DownloadStatus.inSession).filter(include).compactMap(\.id)
            try change(ids).forEach { hub.publish(.status($0)) }
        } catch {
            logger.error("cannot save download status", metadata: ["error": "\(error)"])
        }
    }
}
