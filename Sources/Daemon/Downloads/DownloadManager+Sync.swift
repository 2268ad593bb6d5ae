import Foundation
import TorrentEngine
import Core
import Persistence

/// The once-a-second sync: libtorrent's statuses into the rows (one transaction), live events,
/// the seeding policy and the stalled check. Called with the manager's lock held.
extension DownloadManager {
    func syncAll(now: Date) {
        let statuses = Dictionary(engine.allStatuses().map { ($0.infoHash, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [DownloadRecord]
        do { rows = try store.list(statuses: DownloadStatus.inSession) }
        catch { return logger.error("cannot read downloads", metadata: ["error": "\(error)"]) }
        var changed: [DownloadRecord] = []
        var activity: [(type: ActivityType, message: String, record: DownloadRecord)] = []
        var events: [LiveEvent] = []
        var synced: [DownloadStatus] = []
        for original in rows {
            guard let st = statuses[original.infoHash] else { synced.append(original.status); continue }
            var record = original
            defer { synced.append(record.status) }
            let outcome = StatusSync.apply(st, to: &record, now: now)
            if outcome.justFinished {
                events.append(.completed(record))
                activity.append((.downloadCompleted, "Downloaded \(record.name)", record))
            }
            let ended = applyPolicies(&record, st: st, now: now)
            if let ended { activity.append(ended) }
            if outcome.progressChanged { events.append(.progress(record)) }
            if outcome.statusChanged || ended != nil { events.append(.status(record)) }
            if StatusSync.worthSaving(record, over: original) { changed.append(record) }
        }
        do { try store.saveLive(changed, events: activity) }
        catch { return logger.error("cannot save download progress", metadata: ["error": "\(error)"]) }
        events.forEach(hub.publish)
        // Every counted status is an in-session one: the rows just synced give the counts.
        publishSystemStatusIfChanged(counts: DownloadCounts(statuses: synced))
    }

    /// Ends seeding (→ completed) or a stalled download (→ failed); returns the activity line.
    private func applyPolicies(_ record: inout DownloadRecord, st: TorrentStatus, now: Date)
        -> (type: ActivityType, message: String, record: DownloadRecord)? {
        if record.status == .seeding, let reason = seeding.stopReason(for: record) {
            removeFromSession(record.infoHash)
            record.status = .completed
            record.downloadSpeed = 0
            record.uploadSpeed = 0
            record.peers = 0
            logger.info("seeding finished", metadata: ["download": "\(record.id ?? 0)", "reason": "\(reason)"])
            return (.downloadSeeded, "Stopped seeding \(record.name): \(reason)", record)
        }
        if record.status == .downloading, let reason = stallReason(record, st: st, now: now) {
            removeFromSession(record.infoHash)
            markFailed(&record, reason: reason)
            return (.downloadFailed, "\(record.name) failed: \(reason)", record)
        }
        return nil
    }

    /// No verified bytes for `stalled_timeout_seconds` while no seeder is connected.
    private func stallReason(_ record: DownloadRecord, st: TorrentStatus, now: Date) -> String? {
        let timeout = config.stalledTimeoutSeconds
        guard timeout > 0, st.seeds == 0, let last = record.lastProgressAt.flatMap(SQLiteTime.parse),
              now.timeIntervalSince(last) >= TimeInterval(timeout) else { return nil }
        let what = st.hasMetadata ? "no download progress" : "no metadata received"
        return "stalled: \(what) for \(Self.duration(timeout)) and no seeders connected"
    }

    static func duration(_ seconds: Int) -> String {
        seconds >= 3600 && seconds % 3600 == 0 ? "\(seconds / 3600) h"
            : seconds >= 60 && seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds) s"
    }

    func markFailed(_ record: inout DownloadRecord, reason: String) {
        record.status = .failed
        record.errorMessage = reason
        record.downloadSpeed = 0
        record.uploadSpeed = 0
        record.peers = 0
        record.pauseReason = nil
        logger.warning("download failed", metadata: ["download": "\(record.id ?? 0)", "reason": "\(reason)"])
    }

    /// A torrent error from libtorrent (disk full, permission denied…): the row fails, the files stay.
    func failInSession(infoHash: String, reason: String) {
        guard var record = try? store.find(infoHash: infoHash), record.status.isInSession else { return }
        removeFromSession(infoHash)
        markFailed(&record, reason: reason)
        try? store.saveLive([record], events: [(.downloadFailed, "\(record.name) failed: \(reason)", record)])
        hub.publish(.status(record))
    }

    /// Takes a torrent out of the session, keeping its files (post-processing or retry needs them).
    func removeFromSession(_ infoHash: String) {
        do { try engine.remove(infoHash, deleteFiles: false) }
        catch { logger.debug("torrent was not in the session", metadata: ["info_hash": "\(infoHash)"]) }
    }

    func publishSystemStatusIfChanged(counts known: DownloadCounts? = nil) {
        guard let counts = known ?? (try? store.counts()) else { return }
        let state = killSwitch.state
        guard lastPublishedSystem?.counts != counts || lastPublishedSystem?.vpn != state else { return }
        lastPublishedSystem = (state, counts)
        hub.publish(.system(vpn: state, counts: counts))
    }
}
