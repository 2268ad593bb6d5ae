import Foundation
import Testing
@testable import Core
@testable import Config
@testable import Persistence

/// `DownloadStore`'s writes: each one transaction with its activity row, every status change
/// checked by `DownloadStatus.transition` — an illegal one throws and writes nothing.
@Suite struct DownloadStoreTests {
    let database: AppDatabase
    var store: DownloadStore { database.downloads }

    init() throws { database = try makeDownloadsDatabase() }

    func added(_ seed: Character = "a") throws -> DownloadRecord { try store.recordAdded(newDownload(seed), by: nil) }

    func history(_ id: Int64) throws -> [ActivityType] { try store.history(of: id).map(\.type) }

    /// A row moved to `completed` the way the sync does it: queued → seeding → completed.
    func completed() throws -> DownloadRecord {
        var row = try added()
        row.status = .seeding
        try store.saveTick([row])
        try row.finishSeeding()
        try store.saveTick([row], activity: [DownloadActivity(.downloadSeeded, "Stopped seeding", row)])
        return row
    }

    @Test func addingWritesTheRowAndItsActivityLine() throws {
        let row = try added()
        let id = try #require(row.id)
        #expect(try store.find(id: id)?.status == .queued)
        #expect(try store.history(of: id).map(\.message) == ["Added download Example"])
    }

    @Test func aDuplicateAddWritesNoActivityLine() throws {
        let first = try added()
        #expect(throws: (any Error).self) { try store.recordAdded(newDownload("a", name: "Again"), by: nil) }
        #expect(try store.list().count == 1)
        #expect(try history(first.id!) == [.downloadAdded])
        #expect(try store.history(of: first.id! + 1).isEmpty)
    }

    @Test func anAddWhoseActivityLineFailsLeavesNoRow() throws {
        try refuseActivity(.downloadAdded, in: database)
        #expect(throws: (any Error).self) { try added() }
        #expect(try store.list().isEmpty)
    }

    @Test func pauseAndResumeMoveTheStatusWithoutActivityLines() throws {
        let id = try added().id!
        let paused = try store.markPaused(id, by: .user)
        #expect(paused.status == .paused && paused.pauseReason == .user && paused.errorMessage == nil)
        #expect(try store.find(id: id)?.pauseReason == .user)
        let resumed = try store.markResumed(id)
        #expect(resumed.status == .queued && resumed.pauseReason == nil)
        #expect(try history(id) == [.downloadAdded])
    }

    @Test func theKillSwitchHoldsAndReleasesRowsTogether() throws {
        let ids = [try added("a").id!, try added("b").id!]
        let held = try store.markPaused(ids, by: .vpn, note: "wg0 is down")
        #expect(held.allSatisfy { $0.status == .paused && $0.pauseReason == .vpn && $0.errorMessage == "waiting for the VPN: wg0 is down" })
        let released = try store.markResumed(ids)
        #expect(released.allSatisfy { $0.status == .queued && $0.pauseReason == nil && $0.errorMessage == nil })
        #expect(try store.list(status: .queued).count == 2)
    }

    @Test func anIllegalTransitionThrowsNamingBothStatesAndWritesNothing() throws {
        let row = try completed()
        let before = try history(row.id!)
        do {
            try store.markResumed(row.id!)
            Issue.record("completed → queued was allowed")
        } catch let error as DomainError {
            #expect(error.code == "invalid_transition" && error.kind == .conflict)
            #expect(error.message.contains("from completed to queued"))
        }
        #expect(throws: DomainError.self) { try store.markPaused(row.id!, by: .user) }
        #expect(try store.find(id: row.id!)?.status == .completed)
        #expect(try history(row.id!) == before)
    }

    @Test func aTickWithOneIllegalMoveWritesNothingAtAll() throws {
        let done = try completed()
        var other = try added("b")
        other.status = .downloading
        other.progress = 0.5
        var revived = done
        revived.status = .downloading
        #expect(throws: DomainError.self) {
            try store.saveTick([other, revived], activity: [DownloadActivity(.downloadCompleted, "Downloaded", other)])
        }
        #expect(try store.find(id: other.id!)?.status == .queued && store.find(id: other.id!)?.progress == 0)
        #expect(try store.find(id: done.id!)?.status == .completed)
        #expect(try history(other.id!) == [.downloadAdded])
    }

    @Test func aTickWritesLiveColumnsAndActivityInOneGo() throws {
        var row = try added()
        row.status = .seeding
        row.progress = 1
        row.uploadedBytes = 42
        try store.saveTick([row], activity: [DownloadActivity(.downloadCompleted, "Downloaded Example", row)])
        let saved = try #require(try store.find(id: row.id!))
        #expect(saved.status == .seeding && saved.progress == 1 && saved.uploadedBytes == 42)
        #expect(try history(row.id!) == [.downloadAdded, .downloadCompleted])
    }

    @Test func failingAndRetrying() throws {
        let id = try added().id!
        #expect(throws: DomainError.self) { try store.markRetried(id) }   // only failed ones
        let failed = try store.markFailed(id, reason: "disk full")
        #expect(failed.status == .failed && failed.errorMessage == "disk full")
        let retried = try store.markRetried(id)
        #expect(retried.status == .queued && retried.errorMessage == nil)
        // A failure blocklists the release (its line follows the failure's); the retry takes it off.
        #expect(try history(id) == [.downloadAdded, .downloadFailed, .blocklisted, .downloadRetried])
    }

    @Test func aRetryWhileTheVPNIsDownIsHeld() throws {
        let id = try added().id!
        try store.markFailed(id, reason: "stalled")
        let held = try store.markRetried(id, heldBy: "wg0 is down")
        #expect(held.status == .paused && held.pauseReason == .vpn)
    }

    @Test func removingDeletesTheRowAndWritesItsActivityLine() throws {
        let id = try added().id!
        try store.recordRemoved(id, deletedFiles: true)
        #expect(try store.find(id: id) == nil)
        #expect(try store.history(of: id).last?.message == "Removed download Example and its files")
        #expect(throws: DomainError.notFound("download \(id) does not exist")) { try store.recordRemoved(id, deletedFiles: false) }
    }

    @Test func aRemoveWhoseActivityLineFailsKeepsTheRow() throws {
        let id = try added().id!
        try refuseActivity(.downloadRemoved, in: database)
        #expect(throws: (any Error).self) { try store.recordRemoved(id, deletedFiles: false) }
        #expect(try store.find(id: id) != nil)
    }

    @Test func aFailureWhoseActivityLineFailsKeepsTheStatus() throws {
        let id = try added().id!
        try refuseActivity(.downloadFailed, in: database)
        #expect(throws: (any Error).self) { try store.markFailed(id, reason: "disk full") }
        #expect(try store.find(id: id)?.status == .queued)
    }

    @Test func resumeDataIsKeptForTheRestart() throws {
        let row = try added()
        try store.saveResumeData(infoHash: row.infoHash, data: Data([1, 2, 3]))
        #expect(try store.inSessionWithBlobs().first?.resumeData == Data([1, 2, 3]))
        #expect(try store.find(id: row.id!)?.resumeData == nil)   // lists leave the blobs out
    }
}
