import Foundation
import Testing
@testable import TorrentEngine
@testable import Daemon
@testable import Config
@testable import Core
@testable import Persistence

/// The pure parts of the download manager: status folding, seeding limits, the kill switch.
@Suite struct DownloadPolicyTests {
    func status(_ state: TorrentState, progress: Double = 0.5, done: Int64 = 500, wanted: Int64 = 1000,
                down: Int64 = 500, up: Int64 = 0, seeds: Int = 1, seeding: Int64 = 0, metadata: Bool = true) -> TorrentStatus {
        TorrentStatus(infoHash: "ab", name: "Example", state: state, isPaused: false, hasMetadata: metadata, progress: progress,
                      downloadRate: 100, uploadRate: 10, totalDone: done, totalWanted: wanted, sessionDownloaded: down,
                      sessionUploaded: up, allTimeDownloaded: down, allTimeUploaded: up, peers: 3, seeds: seeds, ratio: 0,
                      seedingSeconds: seeding, activeSeconds: 10, etaSeconds: 5, errorMessage: nil, savePath: "/tmp")
    }

    func record(_ status: DownloadStatus = .queued) -> DownloadRecord {
        var r = DownloadRecord(infoHash: "ab", name: "ab", magnet: "magnet:?xt=urn:btih:ab", media: nil, savePath: "/tmp",
                               sizeBytes: nil, torrentFile: nil, now: Date(timeIntervalSince1970: 0))
        r.id = 7
        r.status = status
        return r
    }

    @Test func downloadingSetsStartAndProgress() {
        var r = record()
        let outcome = StatusSync.apply(status(.downloading), to: &r, now: Date(timeIntervalSince1970: 100))
        #expect(r.status == .downloading && outcome.statusChanged && outcome.madeProgress)
        #expect(r.startedAt == "1970-01-01 00:01:40" && r.lastProgressAt == "1970-01-01 00:01:40")
        #expect(r.name == "Example" && r.sizeBytes == 1000 && r.downloadedBytes == 500 && r.peers == 3)
        #expect(!outcome.justFinished && r.completedAt == nil)
    }

    @Test func aFileCheckKeepsTheVerifiedProgress() {
        var r = record(.downloading)
        _ = StatusSync.apply(status(.downloading, progress: 0.6, done: 600), to: &r, now: Date())
        let outcome = StatusSync.apply(status(.checkingFiles, progress: 0.05, done: 50), to: &r, now: Date())
        #expect(r.status == .downloading && r.progress == 0.6 && r.downloadedBytes == 600 && !outcome.madeProgress)
        _ = StatusSync.apply(status(.downloading, progress: 0.7, done: 700), to: &r, now: Date())
        #expect(r.progress == 0.7 && r.downloadedBytes == 700)
    }

    @Test func finishingIsReportedOnce() {
        var r = record(.downloading)
        let first = StatusSync.apply(status(.seeding, progress: 1, done: 1000, down: 1000, up: 500), to: &r, now: Date())
        #expect(first.justFinished && r.status == .seeding && r.completedAt != nil && r.ratio == 0.5)
        let second = StatusSync.apply(status(.seeding, progress: 1, done: 1000, down: 1000, up: 600), to: &r, now: Date())
        #expect(!second.justFinished && !second.statusChanged)
    }

    @Test func idleSeedingRowsAreSavedOnceAMinute() {
        var old = record(.seeding)
        old.seedingSeconds = 100
        var new = old
        new.seedingSeconds = 101
        #expect(!StatusSync.worthSaving(new, over: old))
        new.seedingSeconds = 160
        #expect(StatusSync.worthSaving(new, over: old))
        new.seedingSeconds = 101
        new.uploadedBytes = 1
        #expect(StatusSync.worthSaving(new, over: old))
    }

    @Test func pausedRowsStayPausedAndCheckingKeepsStatus() {
        #expect(StatusSync.derivedStatus(current: .paused, state: .downloading) == .paused)
        #expect(StatusSync.derivedStatus(current: .seeding, state: .checkingFiles) == .seeding)
        #expect(StatusSync.derivedStatus(current: .queued, state: .downloadingMetadata) == .downloading)
        #expect(StatusSync.derivedStatus(current: .downloading, state: .finished) == .seeding)
    }

    @Test func ratioCountsDataThatWasAlreadyOnDisk() {
        #expect(StatusSync.ratio(status(.seeding, progress: 1, done: 1000, down: 0, up: 2000)) == 2)
        #expect(StatusSync.ratio(status(.seeding, wanted: 0, down: 0, up: 10)) == 0)
    }

    @Test func seedingStopsAtEitherLimit() {
        let policy = SeedingPolicy(defaults: .init(enabled: true, ratioLimit: 1.0, timeLimitHours: 2))
        var r = record(.seeding)
        r.ratio = 0.99
        r.seedingSeconds = 7199
        #expect(policy.stopReason(for: r) == nil)
        r.ratio = 1.0
        #expect(policy.stopReason(for: r)?.contains("ratio 1.00") == true)
        r.ratio = 0
        r.seedingSeconds = 7200
        #expect(policy.stopReason(for: r) == "seeded for 2 h, the limit being 2 h")
        let tiny = SeedingPolicy(defaults: .init(enabled: true, ratioLimit: 0, timeLimitHours: 0.001))   // 3.6 s
        r.seedingSeconds = 4
        #expect(tiny.stopReason(for: r) == "seeded for 4 s, the limit being 4 s")
    }

    @Test func durationsReadAsAPersonSaysThem() {
        #expect(SeedingPolicy.readable(0) == "0 s" && SeedingPolicy.readable(36) == "36 s")
        #expect(SeedingPolicy.readable(304) == "5 min 4 s" && SeedingPolicy.readable(300) == "5 min")
        #expect(SeedingPolicy.readable(5400) == "1 h 30 min" && SeedingPolicy.readable(7200) == "2 h" && SeedingPolicy.readable(7259) == "2 h")
    }

    @Test func perDownloadLimitsOverrideAndZeroMeansNoLimit() {
        let policy = SeedingPolicy(defaults: .init(enabled: true, ratioLimit: 1.0, timeLimitHours: 0))
        var r = record(.seeding)
        r.ratio = 5
        r.seedingSeconds = 1_000_000
        r.seedRatioLimit = 0          // this download: seed forever by ratio
        #expect(policy.stopReason(for: r) == nil)
        r.seedTimeLimitHours = 1
        #expect(policy.stopReason(for: r) != nil)
        let disabled = SeedingPolicy(defaults: .init(enabled: false, ratioLimit: 1.0, timeLimitHours: 48))
        #expect(disabled.stopReason(for: record(.seeding))?.contains("disabled") == true)
    }

    @Test func killSwitchReportsEveryTransition() {
        let box = SnapshotBox()
        box.value = InterfaceSnapshot(exists: true, up: true, running: true, addresses: ["10.0.0.2"])
        var ks = KillSwitch(interface: "wg0", read: { _ in box.value })
        #expect(ks.connected && ks.poll() == .none)
        box.value.addresses = ["10.0.0.3"]
        #expect(ks.poll() == .addressesChanged)
        box.value.up = false
        guard case .wentDown(let reason) = ks.poll() else { Issue.record("expected wentDown"); return }
        #expect(reason == "VPN interface wg0 is down" && !ks.connected && ks.state.enabled)
        #expect(ks.poll() == .none)
        box.value = InterfaceSnapshot()
        #expect(ks.poll() == .none && ks.downReason == "VPN interface wg0 does not exist")
        box.value = InterfaceSnapshot(exists: true, up: true, running: true, addresses: ["10.0.0.4"])
        #expect(ks.poll() == .cameUp && ks.connected)
    }

    @Test func noInterfaceMeansDefaultRoutingAlwaysConnected() {
        var ks = KillSwitch(interface: "", read: { _ in InterfaceSnapshot() })
        #expect(!ks.enabled && ks.connected && ks.poll() == .none && ks.state.addresses.isEmpty)
    }

    @Test func loopbackInterfaceIsReadFromTheKernel() {
        let lo = InterfaceSnapshot.read("lo")
        #expect(lo.isUsable && lo.addresses.contains("127.0.0.1"))
        #expect(!InterfaceSnapshot.read("lcars-none0").exists)
    }

    @Test func sqliteTimeRoundTrips() {
        let date = Date(timeIntervalSince1970: 1_700_000_123)
        #expect(SQLiteTime.parse(SQLiteTime.format(date)) == date)
        #expect(SQLiteTime.parse("yesterday") == nil)
    }
}

final class SnapshotBox: @unchecked Sendable {
    var value = InterfaceSnapshot()
}

/// The status machine as the sync and the manager drive it.
@Suite struct DownloadTransitionTests {
    static let states: [TorrentState] = [.checkingFiles, .downloadingMetadata, .downloading, .finished, .seeding, .checkingResumeData, .unknown]

    func record(_ status: DownloadStatus) -> DownloadRecord {
        var r = DownloadRecord(infoHash: "ab", name: "ab", magnet: "magnet:?xt=urn:btih:ab", media: nil, savePath: "/tmp",
                               sizeBytes: nil, torrentFile: nil)
        r.id = 7
        r.status = status
        return r
    }

    /// Whatever libtorrent reports, folding it into an in-session row is a legal move.
    @Test(arguments: DownloadStatus.inSession)
    func theSyncNeverMakesAnIllegalMove(_ current: DownloadStatus) {
        for state in Self.states {
            let next = StatusSync.derivedStatus(current: current, state: state)
            #expect(current.canMove(to: next), "\(current) → \(next) for \(state)")
        }
    }

    @Test func anIllegalMoveThrowsAndChangesNothing() {
        var done = record(.completed)
        let before = done
        #expect(throws: DomainError.self) { try done.pause(by: .user) }
        #expect(throws: DomainError.self) { try done.requeue() }
        #expect(throws: DomainError.self) { try done.move(to: .downloading) }
        #expect(done == before)
    }

    @Test func holdingForTheVPNSaysWhy() throws {
        var r = record(.downloading)
        r.downloadSpeed = 100
        try r.pause(by: .vpn, note: "wg0 has no address")
        #expect(r.status == .paused && r.pauseReason == .vpn && r.downloadSpeed == 0)
        #expect(r.errorMessage == "waiting for the VPN: wg0 has no address")
        try r.requeue(now: Date(timeIntervalSince1970: 60))
        #expect(r.status == .queued && r.errorMessage == nil && r.lastProgressAt == "1970-01-01 00:01:00")
    }

    @Test func seedingEndsCompletedAndFailureKeepsTheReason() throws {
        var r = record(.seeding)
        try r.finishSeeding()
        #expect(r.status == .completed)
        var f = record(.paused)
        f.pauseReason = .user
        try f.fail(reason: "disk full")
        #expect(f.status == .failed && f.errorMessage == "disk full" && f.pauseReason == nil)
    }
}
