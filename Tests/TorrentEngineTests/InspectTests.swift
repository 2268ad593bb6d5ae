import Foundation
import Testing
import TorrentEngine

/// Parsing sources without a session.
@Suite struct InspectTests {
    @Test func torrentFileAndItsMagnetDescribeTheSameTorrent() throws {
        let directory = try TemporaryDirectory()
        let (content, torrent) = try SampleContent.make(in: directory.url)
        let file = try TorrentEngine.inspect(.torrentFile(torrent))
        #expect(file.name == content.name && file.totalSize == SampleContent.totalSize && file.infoHash.count == 40)

        let magnet = try TorrentEngine.inspect(.magnet(file.magnet + "&tr=http%3A%2F%2F127.0.0.1%3A1%2Fannounce"))
        #expect(magnet.infoHash == file.infoHash && magnet.name == content.name && magnet.totalSize == nil)
        let bare = try TorrentEngine.inspect(.infoHash(file.infoHash.uppercased()))
        #expect(bare.infoHash == file.infoHash && bare.name == nil && bare.magnet.contains(file.infoHash))
    }

    @Test func createdTorrentCarriesTrackers() throws {
        let directory = try TemporaryDirectory()
        let (content, _) = try SampleContent.make(in: directory.url)
        let torrent = try TorrentEngine.createTorrent(
            at: content.root.path, trackers: ["http://127.0.0.1:1/announce"], pieceSize: 32 * 1024)
        #expect(try TorrentEngine.inspect(.torrentFile(torrent)).magnet.contains("tr=http"))
    }

    @Test func invalidInputsAreRejectedWithLibtorrentsReason() throws {
        let directory = try TemporaryDirectory()
        let (_, torrent) = try SampleContent.make(in: directory.url)

        expectError(.magnet("magnet:?dn=no-hash")) { if case .invalidMagnet = $0 { true } else { false } }
        expectError(.magnet("http://example.invalid/not-a-magnet")) { if case .invalidMagnet = $0 { true } else { false } }
        expectError(.torrentFile(Data("this is not bencode".utf8))) { if case .invalidTorrent = $0 { true } else { false } }
        expectError(.torrentFile(torrent.prefix(torrent.count / 2))) { if case .invalidTorrent = $0 { true } else { false } }
        expectError(.infoHash("xyz")) { if case .invalidInfoHash = $0 { true } else { false } }
        #expect(throws: EngineError.self) { try TorrentEngine.createTorrent(at: directory.url.appendingPathComponent("missing").path, trackers: []) }
        #expect(throws: EngineError.self) { try TorrentEngine.createTorrent(at: directory.path, trackers: [], pieceSize: 1000) }
    }

    private func expectError(_ source: TorrentSource, sourceLocation: SourceLocation = #_sourceLocation,
                             _ matches: (EngineError) -> Bool) {
        do {
            let descriptor = try TorrentEngine.inspect(source)
            Issue.record("accepted \(source): \(descriptor)", sourceLocation: sourceLocation)
        } catch let error as EngineError {
            #expect(matches(error), "\(error)", sourceLocation: sourceLocation)
            // The reason comes from libtorrent, so it is never empty.
            #expect(error.description.count > 40, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}
