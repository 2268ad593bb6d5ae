import Crypto
import Foundation
import Testing
import TorrentEngine

/// A directory under the system temp dir, removed when the fixture is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }
}

/// A multi-file torrent payload: files of deterministic pseudo-random bytes, with subdirectories.
struct SampleContent {
    static let pieceSize = 64 * 1024
    /// Relative to the content root; sizes are deliberately not piece-aligned.
    static let files: [(path: String, size: Int)] = [
        ("episode.mkv", 1_900_000),
        ("notes.txt", 1_234),
        ("extras/featurette.mkv", 1_300_000),
        ("extras/art/cover.jpg", 777_777),
    ]
    static var totalSize: Int64 { Int64(files.reduce(0) { $0 + $1.size }) }

    /// Where the content lives: `<parent>/<name>`; a seeder's save path is `parent`.
    let parent: URL
    let name: String
    var root: URL { parent.appendingPathComponent(name) }

    /// Writes the content and returns it with the .torrent built from it.
    static func make(in parent: URL, name: String = "Sample Release", version: TorrentEngine.Version = .v1) throws -> (SampleContent, Data) {
        let content = SampleContent(parent: parent, name: name)
        for (index, file) in files.enumerated() {
            let url = content.root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try pseudoRandomBytes(count: file.size, seed: UInt64(index + 1)).write(to: url)
        }
        let torrent = try TorrentEngine.createTorrent(at: content.root.path, trackers: [], pieceSize: pieceSize, version: version)
        return (content, torrent)
    }

    /// SHA-256 of every file, keyed by relative path.
    static func digests(under root: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for file in files {
            let data = try Data(contentsOf: root.appendingPathComponent(file.path))
            result[file.path] = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        }
        return result
    }

    /// xorshift64: the same bytes on every run, different in every piece.
    private static func pseudoRandomBytes(count: Int, seed: UInt64) -> Data {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            bytes[i] = UInt8(truncatingIfNeeded: state)
        }
        return Data(bytes)
    }
}

/// Sessions for tests: loopback only, OS-chosen port, TCP only, no discovery of any kind.
func loopbackSettings(uploadRateLimit: Int = 0) -> EngineSettings {
    EngineSettings(
        listenPortRange: 0...0, listenAddress: "127.0.0.1", maxConnections: 20,
        uploadRateLimit: uploadRateLimit, rateLimitLocalPeers: true,
        enableDHT: false, enableLSD: false, enableUPnP: false, enableNATPMP: false, enablePEX: false,
        enableUTP: false, userAgent: "LCARS-test")
}

struct TimedOut: Error, CustomStringConvertible {
    let description: String
}

/// Polls `condition` every 20 ms until it holds; throws after `seconds` naming what was awaited.
func eventually(_ what: String, within seconds: Double = 15, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return }
        Thread.sleep(forTimeInterval: 0.02)
    }
    throw TimedOut(description: "timed out after \(seconds) s waiting for \(what)")
}

/// Drains alerts until `match` returns a value; throws after `seconds`.
func awaitAlert<T>(_ engine: TorrentEngine, _ what: String, within seconds: Double = 15,
                   _ match: (TorrentAlert) -> T?) throws -> T {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        for alert in engine.waitForAlerts(timeoutMilliseconds: 100) {
            if let value = match(alert) { return value }
        }
    }
    throw TimedOut(description: "timed out after \(seconds) s waiting for alert: \(what)")
}

/// A seeding engine for `torrent`, whose content sits in `content.parent`.
func startSeeder(_ torrent: Data, content: SampleContent, uploadRateLimit: Int = 0) throws -> (TorrentEngine, String, Int) {
    let seeder = try TorrentEngine(settings: loopbackSettings(uploadRateLimit: uploadRateLimit))
    let hash = try seeder.add(.torrentFile(torrent), savePath: content.parent.path)
    try eventually("the seeder to verify its files and seed") { seeder.status(hash)?.state == .seeding }
    var port: Int?
    try eventually("the seeder to listen") {
        port = seeder.listenPort()
        return port != nil
    }
    return (seeder, hash, port!)
}

/// A magnet for `torrent` that points at a loopback peer.
func magnet(for torrent: Data, peerPort: Int) throws -> String {
    try TorrentEngine.inspect(.torrentFile(torrent)).magnet + "&x.pe=127.0.0.1:\(peerPort)"
}
