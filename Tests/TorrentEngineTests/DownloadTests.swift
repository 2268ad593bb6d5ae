import Foundation
import Testing
import TorrentEngine

/// Two real sessions on loopback: a seeder and a downloader that starts from a magnet link.
@Suite(.timeLimit(.minutes(1)))
struct DownloadTests {
    /// v1, hybrid (what libtorrent 2.0 clients make by default) and v2-only torrents keep one key
    /// from the add through the metadata to the finish: the v1 hash when there is one, else the v2 hash.
    @Test(arguments: [TorrentEngine.Version.v1, .hybrid, .v2])
    func magnetDownloadFetchesMetadataAndReproducesFiles(version: TorrentEngine.Version) throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url.appendingPathComponent("seed"), version: version)
        let (seeder, hash, port) = try startSeeder(torrent, content: content)
        #expect(hash.count == (version == .v2 ? 64 : 40))
        #expect(try TorrentEngine.inspect(.torrentFile(torrent)).infoHash == hash)

        let downloader = try TorrentEngine(settings: loopbackSettings())
        let target = directory.url.appendingPathComponent("download")
        // The magnet an indexer gives: the v1 hash alone (btih) when there is one, else the v2 multihash.
        let topic = version == .v2 ? "xt=urn:btmh:1220\(hash)" : "xt=urn:btih:\(hash)"
        let added = try downloader.add(.magnet("magnet:?\(topic)&x.pe=127.0.0.1:\(port)"), savePath: target.path)
        #expect(added == hash)

        let name = try awaitAlert(downloader, "metadata from the seeder") { alert -> String? in
            if case .metadataReceived(hash, let name) = alert { return name }
            return nil
        }
        #expect(name == content.name)
        try awaitAlert(downloader, "finished") { $0 == .finished(infoHash: hash) ? () : nil }
        try eventually("seeding") { downloader.status(hash)?.state == .seeding }

        let status = try #require(downloader.status(hash))
        #expect(status.hasMetadata && status.progress == 1 && status.totalDone == SampleContent.totalSize)
        #expect(status.savePath == target.path)
        // libtorrent folds the all-time counters in once a second.
        try eventually("the all-time counter", within: 5) {
            (downloader.status(hash)?.allTimeDownloaded ?? 0) >= SampleContent.totalSize
        }
        #expect(try SampleContent.digests(under: target.appendingPathComponent(content.name))
            == SampleContent.digests(under: content.root))

        let files = downloader.files(hash)
        #expect(Set(files.map(\.path)) == Set(SampleContent.files.map { "\(content.name)/\($0.path)" }))
        #expect(files.allSatisfy { $0.bytesDone == $0.size })
        _ = seeder
    }

    @Test func pausedTorrentMakesNoProgressUntilResumed() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url.appendingPathComponent("seed"))
        // Slow enough that the download is still running when it is paused.
        let (seeder, hash, port) = try startSeeder(torrent, content: content, uploadRateLimit: 400_000)

        let downloader = try TorrentEngine(settings: loopbackSettings())
        let target = directory.url.appendingPathComponent("download")
        try downloader.add(.torrentFile(torrent), savePath: target.path)
        try downloader.connectPeer(hash, host: "127.0.0.1", port: port)
        try eventually("some progress") { (downloader.status(hash)?.totalDone ?? 0) > 300_000 }

        try downloader.pause(hash)
        try eventually("the pause to take effect") { downloader.status(hash)?.isPaused == true }
        Thread.sleep(forTimeInterval: 0.3) // pieces already in the disk queue may still be verified
        let before = try #require(downloader.status(hash))
        Thread.sleep(forTimeInterval: 1.0)
        let after = try #require(downloader.status(hash))
        #expect(after.isPaused && after.totalDone == before.totalDone && after.peers == 0)
        #expect(before.totalDone < SampleContent.totalSize)

        var fast = loopbackSettings()
        fast.uploadRateLimit = 0
        try seeder.apply(fast)
        try downloader.resume(hash)
        #expect(downloader.status(hash)?.isPaused == false)
        try downloader.connectPeer(hash, host: "127.0.0.1", port: port)
        try eventually("the download to complete after resuming") { downloader.status(hash)?.state == .seeding }
    }

    @Test func resumeDataKeepsVerifiedPiecesAndMetadata() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url.appendingPathComponent("seed"))
        let (seeder, hash, port) = try startSeeder(torrent, content: content, uploadRateLimit: 600_000)
        let link = try magnet(for: torrent, peerPort: port)
        let target = directory.url.appendingPathComponent("download")

        // First session: part of the download, then resume data, then the session goes away.
        var resumeData: Data
        do {
            let first = try TorrentEngine(settings: loopbackSettings())
            try first.add(.magnet(link), savePath: target.path)
            try eventually("a partial download") { (first.status(hash)?.totalDone ?? 0) > 600_000 }
            try first.pause(hash)
            #expect(first.requestResumeData(hash))
            resumeData = try awaitAlert(first, "resume data") { alert -> Data? in
                if case .resumeDataSaved(hash, let data) = alert { return data }
                return nil
            }
        }

        // Second session: the magnet again plus the resume data; metadata and pieces are back at once.
        let second = try TorrentEngine(settings: loopbackSettings())
        try second.add(.magnet(link), savePath: target.path, resumeData: resumeData, paused: true)
        try eventually("resume data to be checked") {
            guard let status = second.status(hash) else { return false }
            return status.state != .checkingResumeData && status.state != .checkingFiles
        }
        let restored = try #require(second.status(hash))
        #expect(restored.hasMetadata)
        #expect(restored.totalDone > 0 && restored.totalDone < SampleContent.totalSize)
        #expect(restored.allTimeDownloaded > 0)

        var fast = loopbackSettings()
        fast.uploadRateLimit = 0
        try seeder.apply(fast)
        try second.resume(hash)
        try eventually("the download to complete") { second.status(hash)?.state == .seeding }
        let done = try #require(second.status(hash))
        let missing = SampleContent.totalSize - restored.totalDone
        // Only what was missing travels again (slack for blocks of unfinished pieces that are
        // restored or requested again).
        #expect(abs(done.sessionDownloaded - missing) <= Int64(2 * SampleContent.pieceSize))
        #expect(try SampleContent.digests(under: target.appendingPathComponent(content.name))
            == SampleContent.digests(under: content.root))
    }

    @Test func interfaceBoundSeederServesThroughThatInterfaceOnly() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url.appendingPathComponent("seed"))
        var bound = loopbackSettings()
        bound.bindInterface = "lo"
        let seeder = try TorrentEngine(settings: bound)
        let hash = try seeder.add(.torrentFile(torrent), savePath: content.parent.path)
        let port = try awaitAlert(seeder, "listening on lo") { alert -> Int? in
            if case .listenSucceeded("127.0.0.1", let port) = alert { return port }
            return nil
        }
        try eventually("seeding") { seeder.status(hash)?.state == .seeding }

        let downloader = try TorrentEngine(settings: loopbackSettings())
        try downloader.add(.magnet(try magnet(for: torrent, peerPort: port)), savePath: directory.url.appendingPathComponent("download").path)
        try eventually("the download through lo") { downloader.status(hash)?.state == .seeding }
    }

    @Test func sessionBoundToMissingInterfaceConnectsToNobody() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url.appendingPathComponent("seed"))
        let (seeder, hash, port) = try startSeeder(torrent, content: content)

        var settings = loopbackSettings()
        settings.bindInterface = "lcarsnone0"
        let downloader = try TorrentEngine(settings: settings)
        try downloader.add(.magnet(try magnet(for: torrent, peerPort: port)), savePath: directory.url.appendingPathComponent("download").path)
        try downloader.connectPeer(hash, host: "127.0.0.1", port: port)
        Thread.sleep(forTimeInterval: 1.5)
        let status = try #require(downloader.status(hash))
        // No fallback to the default route: not even loopback is reachable.
        #expect(!status.hasMetadata && status.peers == 0 && status.totalDone == 0)
        #expect(downloader.listenPort() == nil)
        #expect(seeder.status(hash)?.peers == 0)
    }

    @Test func unwritableSavePathStopsTheTorrentWithAnError() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url.appendingPathComponent("seed"))
        let (seeder, hash, port) = try startSeeder(torrent, content: content)
        // A path below a regular file can never be created, not even by root.
        let blocker = directory.url.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: blocker)

        let downloader = try TorrentEngine(settings: loopbackSettings())
        try downloader.add(.torrentFile(torrent), savePath: blocker.appendingPathComponent("downloads").path)
        try downloader.connectPeer(hash, host: "127.0.0.1", port: port)
        let message = try awaitAlert(downloader, "a torrent error") { alert -> String? in
            if case .torrentError(hash, let message) = alert { return message }
            return nil
        }
        #expect(message.contains("not-a-directory"))
        let status = try #require(downloader.status(hash))
        #expect(status.errorMessage?.contains("Sample Release/") == true && status.state != .seeding)
        _ = seeder
    }
}
