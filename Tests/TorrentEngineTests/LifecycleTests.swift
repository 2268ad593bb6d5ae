import Foundation
import Testing
import TorrentEngine

/// Adding, duplicates and removal, on a single session without peers.
@Suite(.timeLimit(.minutes(1)))
struct LifecycleTests {
    @Test func duplicateAddIsRejectedWithTheHash() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url)
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hash = try engine.add(.torrentFile(torrent), savePath: content.parent.path)
        #expect(throws: EngineError.duplicate(infoHash: hash)) {
            try engine.add(.infoHash(hash.uppercased()), savePath: content.parent.path)
        }
        #expect(engine.allStatuses().map(\.infoHash) == [hash])
        // libtorrent also reports the refused add as an alert.
        let message = try awaitAlert(engine, "add failed") { alert -> String? in
            if case .addFailed(hash, let message) = alert { return message }
            return nil
        }
        #expect(!message.isEmpty)
    }

    @Test func removeWithoutFilesKeepsThem() throws {
        let (directory, content, engine, hash) = try seedingLocally()
        defer { withExtendedLifetime(directory) {} }

        try engine.remove(hash, deleteFiles: false)
        try awaitAlert(engine, "removed") { $0 == .removed(infoHash: hash) ? () : nil }
        #expect(engine.status(hash) == nil)
        #expect(FileManager.default.fileExists(atPath: content.root.appendingPathComponent("extras/art/cover.jpg").path))
        #expect(throws: EngineError.unknownTorrent(hash)) { try engine.pause(hash) }
    }

    @Test func removeWithFilesDeletesThem() throws {
        let (directory, content, engine, hash) = try seedingLocally()
        defer { withExtendedLifetime(directory) {} }

        try engine.remove(hash, deleteFiles: true)
        try awaitAlert(engine, "files deleted") { $0 == .filesDeleted(infoHash: hash) ? () : nil }
        for file in SampleContent.files {
            #expect(!FileManager.default.fileExists(atPath: content.root.appendingPathComponent(file.path).path))
        }
    }

    @Test func addedAlertAndStatusForPausedInfoHash() throws {
        let directory = try TemporaryDirectory()
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hash = String(repeating: "ab", count: 20)
        #expect(try engine.add(.infoHash(hash), savePath: directory.path, paused: true) == hash)
        try awaitAlert(engine, "added") { if case .added(hash, _) = $0 { return () } else { return nil } }
        let status = try #require(engine.status(hash))
        #expect(status.isPaused && !status.hasMetadata && status.etaSeconds == nil && engine.files(hash).isEmpty)
    }

    @Test func forceRecheckFindsDamagedData() throws {
        let (directory, content, engine, hash) = try seedingLocally()
        defer { withExtendedLifetime(directory) {} }

        let damaged = try FileHandle(forWritingTo: content.root.appendingPathComponent("episode.mkv"))
        try damaged.seek(toOffset: 100_000)
        try damaged.write(contentsOf: Data(repeating: 0, count: 1000))
        try damaged.close()
        try engine.forceRecheck(hash)
        try eventually("the recheck to find the damage") {
            guard let status = engine.status(hash), status.state == .downloading else { return false }
            return status.totalDone == SampleContent.totalSize - Int64(SampleContent.pieceSize)
        }
    }

    @Test func resumeDataForAllAnswersOncePerTorrent() throws {
        let directory = try TemporaryDirectory()
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hashes = Set(["11", "22", "33"].map { String(repeating: $0, count: 20) })
        for hash in hashes { try engine.add(.infoHash(hash), savePath: directory.path, paused: true) }
        #expect(engine.requestResumeDataForAll() == 3)
        var saved: Set<String> = []
        try eventually("three resume data alerts") {
            for case .resumeDataSaved(let hash, let data) in engine.waitForAlerts(timeoutMilliseconds: 100) where !data.isEmpty {
                saved.insert(hash)
            }
            return saved == hashes
        }
        #expect(!engine.requestResumeData(String(repeating: "44", count: 20)))
    }

    @Test func resumeDataMustBelongToTheTorrent() throws {
        let directory = try TemporaryDirectory()
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hash = String(repeating: "11", count: 20), other = String(repeating: "22", count: 20)
        try engine.add(.infoHash(hash), savePath: directory.path, paused: true)
        engine.requestResumeData(hash)
        let data = try awaitAlert(engine, "resume data") { alert -> Data? in
            if case .resumeDataSaved(hash, let data) = alert { return data }
            return nil
        }
        let fresh = try TorrentEngine(settings: loopbackSettings())
        for resume in [data, Data("d4:junke".utf8)] {
            #expect {
                try fresh.add(.infoHash(other), savePath: directory.path, resumeData: resume)
            } throws: { error in
                if case .invalidResumeData = error as? EngineError { true } else { false }
            }
        }
        #expect(fresh.allStatuses().isEmpty)
        #expect(try fresh.add(.infoHash(hash), savePath: directory.path, resumeData: data) == hash)
    }

    /// A session seeding freshly made sample content from its own disk (no peers involved).
    private func seedingLocally() throws -> (TemporaryDirectory, SampleContent, TorrentEngine, String) {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url)
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hash = try engine.add(.torrentFile(torrent), savePath: content.parent.path)
        try eventually("seeding") { engine.status(hash)?.state == .seeding }
        return (directory, content, engine, hash)
    }
}
