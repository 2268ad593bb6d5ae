import Foundation
import TorrentEngine
import Core
import Persistence

/// The once-a-second sync: libtorrent's statuses into the rows (one transaction), live events,
/// the seeding policy and the stalled check. Runs on the manager's queue (a tick of the alert loop).
extension DownloadManager {
    func syncAll(now: Date) {
        owner.assertOnQueue()
        let statuses = Dictionary(engine.allStatuses().map { ($0.infoHash, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [DownloadRecord]
        do { rows = try store.list(statuses: DownloadStatus.inSession) }
        catch { return logger.error("cannot read downloads", metadata: ["error": "\(error)"]) }
        var changed: [DownloadRecord] = []
        var activity: [DownloadActivity] = []
        var events: [LiveEvent] = []
        var synced: [DownloadStatus] = []
        var finished: [Int64] = []
        for original in rows {
            guard let st = statuses[original.infoHash] else { synced.append(original.status); continue }
            var record = original
            defer { synced.append(record.status) }
            let outcome = StatusSync.apply(st, to: &record, now: now)
            if outcome.justFinished {
                events.append(.completed(record))
                activity.append(DownloadActivity(.downloadCompleted, "Downloaded \(record.name)", record))
                if record.mediaId != nil, let id = record.id { finished.append(id) }
            }
            let ended = applyPolicies(&record, st: st, now: now)
            if let ended { activity.append(ended) }
            if outcome.progressChanged { events.append(.progress(record)) }
            if outcome.statusChanged || ended != nil { events.append(.status(record)) }
            if StatusSync.worthSaving(record, over: original) { changed.append(record) }
        }
        do { try store.saveTick(changed, activity: activity) }
        catch { return logger.error("cannot save download progress", metadata: ["error": "\(error)"]) }
        events.forEach(hub.publish)
        changed.filter { $0.status == .failed }.forEach(publishItemStatus(of:))   // stalled: the item is missing again
        // Post-processing runs on its own queue (ImportQueue), after the completion is saved.
        finished.forEach { onDataComplete?($0) }
        // Every counted status is an in-session one: the rows just synced give the counts.
        publishSystemStatusIfChanged(counts: DownloadCounts(statuses: synced))
    }

    /// Ends seeding (→ completed) or a stalled download (→ failed); returns the activity line.
    private func applyPolicies(_ record: inout DownloadRecord, st: TorrentStatus, now: Date) -> DownloadActivity? {
        do {
            if record.status == .seeding, let reason = seeding.stopReason(for: record) {
                try record.finishSeeding()
                removeFromSession(record.infoHash)
                logger.info("seeding finished", metadata: ["download": "\(record.id ?? 0)", "reason": "\(reason)"])
                return DownloadActivity(.downloadSeeded, "Stopped seeding \(record.name): \(reason)", record)
            }
            if record.status == .downloading, let reason = stallReason(record, st: st, now: now) {
                try record.fail(reason: reason)
                removeFromSession(record.infoHash)
                return failedLine(record, reason)
            }
        } catch {
            logger.error("download policy skipped", metadata: ["download": "\(record.id ?? 0)", "error": "\(error)"])
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

    /// The activity line of a failure, logged as a warning too.
    func failedLine(_ record: DownloadRecord, _ reason: String) -> DownloadActivity {
        logger.warning("download failed", metadata: ["download": "\(record.id ?? 0)", "reason": "\(reason)"])
        return DownloadActivity(.downloadFailed, "\(record.name) failed: \(reason)", record)
    }

    /// A torrent error from libtorrent (disk full, permission denied…): the row fails, the files stay.
    func failInSession(infoHash: String, reason: String) {
        guard let record = try? store.find(infoHash: infoHash), let id = record.id, record.status.isInSession else { return }
        removeFromSession(infoHash)
        logger.warning("download failed", metadata: ["download": "\(id)", "reason": "\(reason)"])
        do {
            let failed = try store.markFailed(id, reason: reason)
            hub.publish(.status(failed))
            publishItemStatus(of: failed)
        }
        catch { logger.error("cannot save the failure", metadata: ["download": "\(id)", "error": "\(error)"]) }
    }

    /// Takes a torrent out of the session, keeping its files (post-processing or retry needs them).
    func removeFromSession(_ infoHash: String) {
        do { try engine.remove(infoHash, deleteFiles: false) }
        catch { logger.debug("torrent was not in the session", metadata: ["info_hash": "\(infoHash)"]) }
    }

    /// Refreshes the snapshot `status` reads and publishes `system:status` when it changed.
    /// `known` saves the query when the caller has just counted the rows (the sync).
    func publishSystemStatusIfChanged(counts known: DownloadCounts? = nil) {
        guard let counts = known ?? (try? store.counts()) else { return }
        let state = killSwitch.state
        if snapshot.update(vpn: state, counts: counts) { hub.publish(.system(vpn: state, counts: counts)) }
    }
}
