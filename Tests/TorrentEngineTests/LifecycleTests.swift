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
    }

    @Test func removeWithoutFilesKeepsThem() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url)
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hash = try engine.add(.torrentFile(torrent), savePath: content.parent.path)
        try eventually("seeding") { engine.status(hash)?.state == .seeding }

        try engine.remove(hash, deleteFiles: false)
        try awaitAlert(engine, "removed") { $0 == .removed(infoHash: hash) ? () : nil }
        #expect(engine.status(hash) == nil)
        #expect(FileManager.default.fileExists(atPath: content.root.appendingPathComponent("extras/art/cover.jpg").path))
        #expect(throws: EngineError.unknownTorrent(hash)) { try engine.pause(hash) }
    }

    @Test func removeWithFilesDeletesThem() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url)
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hash = try engine.add(.torrentFile(torrent), savePath: content.parent.path)
        try eventually("seeding") { engine.status(hash)?.state == .seeding }

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
}
