import Foundation
import TorrentEngine
import Core
import Persistence

/// Folds one libtorrent status into a download row. Pure: the manager decides what to do with
/// the transitions it reports (events, seeding policy, stalled check).
enum StatusSync {
    struct Outcome {
        var statusChanged = false
        var progressChanged = false
        var justFinished = false      // reached 100% for the first time
        var madeProgress = false      // verified bytes grew since the last sync
    }

    static func apply(_ st: TorrentStatus, to r: inout DownloadRecord, now: Date) -> Outcome {
        var outcome = Outcome()
        let before = (r.status, r.progress, r.downloadSpeed, r.uploadSpeed, r.peers)
        let nowText = SQLiteTime.format(now)
        if st.hasMetadata && !st.name.isEmpty { r.name = st.name }
        if st.hasMetadata && st.totalWanted > 0 { r.sizeBytes = st.totalWanted }
        // While files are checked (after a crash, a retry) libtorrent's progress is the check's
        // progress; the row keeps what was verified before instead of dropping towards 0 and back.
        let checking = st.state == .checkingFiles || st.state == .checkingResumeData
        if !checking { r.progress = min(max(st.progress, 0), 1) }
        // libtorrent's rates are decaying averages; a paused torrent moves nothing.
        let moving = r.status != .paused && !st.isPaused
        r.downloadSpeed = moving ? Int64(st.downloadRate) : 0
        r.uploadSpeed = moving ? Int64(st.uploadRate) : 0
        outcome.madeProgress = !checking && st.totalDone > r.downloadedBytes
        if outcome.madeProgress { r.lastProgressAt = nowText }
        if !checking { r.downloadedBytes = st.totalDone }
        r.uploadedBytes = st.allTimeUploaded
        r.peers = st.peers
        r.seeds = st.seeds
        r.seedingSeconds = st.seedingSeconds
        r.etaSeconds = st.etaSeconds
        r.ratio = ratio(st)
        r.status = derivedStatus(current: r.status, state: st.state)
        if (r.status == .downloading || r.status == .seeding) && r.startedAt == nil { r.startedAt = nowText }
        if isComplete(st) && r.completedAt == nil {
            r.completedAt = nowText
            outcome.justFinished = true
        }
        outcome.statusChanged = before.0 != r.status
        outcome.progressChanged = before.1 != r.progress || before.2 != r.downloadSpeed || before.3 != r.uploadSpeed || before.4 != r.peers
        return outcome
    }

    /// Whether a synced row differs enough to write: an idle seeding torrent changes only its
    /// seeding time, which is saved once a minute rather than every second (a NAS disk thanks us).
    static func worthSaving(_ new: DownloadRecord, over old: DownloadRecord) -> Bool {
        var ignoringClock = new
        ignoringClock.seedingSeconds = old.seedingSeconds
        ignoringClock.etaSeconds = old.etaSeconds
        return ignoringClock != old || new.seedingSeconds - old.seedingSeconds >= 60
            || (new.etaSeconds != old.etaSeconds && new.status == .downloading)
    }

    /// Paused rows change only by an explicit resume (or the VPN coming back); checking keeps
    /// the previous status so a recheck does not flicker between states.
    static func derivedStatus(current: DownloadStatus, state: TorrentState) -> DownloadStatus {
        guard current != .paused else { return .paused }
        switch state {
        case .downloadingMetadata, .downloading: return .downloading
        case .finished, .seeding: return .seeding
        case .checkingFiles, .checkingResumeData, .unknown: return current
        }
    }

    static func isComplete(_ st: TorrentStatus) -> Bool {
        st.hasMetadata && (st.state == .finished || st.state == .seeding || st.progress >= 1)
    }

    /// Uploaded over downloaded, as qBittorrent shows it; a torrent that was complete on disk
    /// when added counts its size as downloaded, so seeding it still moves the ratio.
    static func ratio(_ st: TorrentStatus) -> Double {
        let base = max(st.allTimeDownloaded, st.totalWanted)
        guard base > 0 else { return 0 }
        return Double(st.allTimeUploaded) / Double(base)
    }
}
