import Foundation
import Testing
import TorrentEngine

/// Resume data older than the files — what a kill -9 leaves — and `TorrentEngine.checkFiles`.
/// The oracle is libtorrent's own full check of the same files (a session given no resume data).
@Suite(.timeLimit(.minutes(1)))
struct CrashRecoveryTests {
    @Test(arguments: [TorrentEngine.Version.v1, .hybrid, .v2])
    func piecesVerifiedAfterTheLastResumeDataAreKept(version: TorrentEngine.Version) throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url.appendingPathComponent("seed"), version: version)
        let target = directory.url.appendingPathComponent("download").path

        // Resume data saved early in the download, then more pieces verified before the "crash".
        // The seeder goes away with it: the sessions below find no peer to download from.
        var stale = Data()
        do {
            let (seeder, hash, port) = try startSeeder(torrent, content: content, uploadRateLimit: 1_000_000)
            let downloader = try TorrentEngine(settings: loopbackSettings())
            try downloader.add(.torrentFile(torrent), savePath: target)
            try downloader.connectPeer(hash, host: "127.0.0.1", port: port)
            try eventually("a first part") { (downloader.status(hash)?.totalDone ?? 0) > 300_000 }
            downloader.requestResumeData(hash)
            stale = try awaitAlert(downloader, "resume data") { alert -> Data? in
                if case .resumeDataSaved(hash, let data) = alert { return data }
                return nil
            }
            try eventually("more pieces") { (downloader.status(hash)?.totalDone ?? 0) > 2_000_000 }
            try downloader.pause(hash)
            _ = seeder
        }

        let onDisk = try totalDone(torrent, savePath: target, resumeData: nil)      // libtorrent hashes every file
        let trusted = try totalDone(torrent, savePath: target, resumeData: stale)   // libtorrent trusts the resume data
        #expect(onDisk > 2_000_000 && onDisk < SampleContent.totalSize)
        #expect(trusted < onDisk, "the stale resume data alone would fetch verified pieces again")

        let check = try TorrentEngine.checkFiles(resumeData: stale, savePath: target)
        let kept = try totalDone(torrent, savePath: target, resumeData: check.resumeData)
        #expect(kept == onDisk, "stale \(trusted), checked \(kept), on disk \(onDisk), \(check.piecesFound) pieces found")
        #expect(check.fullCheck == (version == .v2) && (check.resumeData == nil) == check.fullCheck)
        if version != .v2 {
            // Pieces never written are holes in the sparse files, skipped without reading them.
            #expect(check.piecesFound > 0 && check.piecesFound <= check.piecesHashed)
        }
    }

    @Test func completeResumeDataHashesNothing() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url)
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hash = try engine.add(.torrentFile(torrent), savePath: content.parent.path)
        try eventually("seeding") { engine.status(hash)?.state == .seeding }
        engine.requestResumeData(hash)
        let data = try awaitAlert(engine, "resume data") { alert -> Data? in
            if case .resumeDataSaved(hash, let data) = alert { return data }
            return nil
        }
        let check = try TorrentEngine.checkFiles(resumeData: data, savePath: content.parent.path)
        #expect(check.piecesHashed == 0 && check.piecesFound == 0 && !check.fullCheck)
    }

    @Test func unreadableResumeDataIsRefused() {
        #expect(throws: EngineError.self) { try TorrentEngine.checkFiles(resumeData: Data("d4:junke".utf8), savePath: "/tmp") }
        #expect(throws: EngineError.self) { try TorrentEngine.checkFiles(resumeData: Data("not bencode".utf8), savePath: "/tmp") }
    }

    /// Verified bytes once a fresh session has checked `resumeData` against the files, or all the
    /// files when there is none. Not paused: libtorrent does not check the files of a paused
    /// torrent. No tracker, and the peer the resume data remembers is gone: nothing is downloaded.
    private func totalDone(_ torrent: Data, savePath: String, resumeData: Data?) throws -> Int64 {
        let engine = try TorrentEngine(settings: loopbackSettings())
        let hash = try engine.add(.torrentFile(torrent), savePath: savePath, resumeData: resumeData)
        var done: Int64 = -1
        try eventually("the files to be checked") {
            guard let status = engine.status(hash), status.state != .checkingFiles, status.state != .checkingResumeData,
                  status.state != .unknown else { return false }
            done = status.totalDone
            return true
        }
        return done
    }
}
