import Foundation
import Config
import Control
import Core
import Indexers
import Net
import Persistence
import Releases

/// Turns a chosen release into lcarsd's `downloads.add` arguments — for the web tier's
/// `POST …/download` and for lcarsd's `search_missing` alike. What to add is found in this order:
/// the release's magnet, its .torrent link (fetched now; Torznab/RSS items of private trackers have
/// nothing else, and Jackett/Prowlarr links may redirect to a magnet), a magnet built from its info
/// hash (also when the link cannot be fetched), and only for releases that link no file, the magnet
/// on its page (1337x, Rutracker). The release and what was found are checked against the blocklist
/// by info hash and title before anything is added — a fetched .torrent too (its v1 hash, or v2 for
/// a v2-only torrent).
public struct ReleaseGrabber: Sendable {
    let database: AppDatabase
    let config: LCARSConfig
    let transport: HTTPTransportFactory?
    let indexers: IndexerManager

    /// `transport`: the tests' stand-in for the indexers' hosts (nil: real HTTP).
    public init(database: AppDatabase, config: LCARSConfig, transport: HTTPTransportFactory?, indexers: IndexerManager) {
        self.database = database
        self.config = config
        self.transport = transport
        self.indexers = indexers
    }

    /// What lcarsd is asked to add, and the release's name for the activity row.
    public struct Choice: Sendable {
        public let args: DownloadCommand.AddArgs
        public let title: String

        public init(args: DownloadCommand.AddArgs, title: String) {
            self.args = args
            self.title = title
        }
    }

    /// Blocklisted: 409 `blocklisted`; a link that gives no .torrent or magnet: 502 `upstream_failed`.
    public func choice(for candidate: ReleaseCandidate, media: MediaReference?) throws -> Choice {
        try checkBlocklist(infoHash: candidate.infoHash, title: candidate.title)
        switch try source(candidate) {
        case .magnet(let magnet):
            try checkBlocklist(infoHash: Magnet.infoHash(of: magnet), title: nil)
            return Choice(args: DownloadCommand.AddArgs(magnet: magnet, media: media), title: candidate.title)
        case .torrent(let file):
            try checkBlocklist(infoHash: try Self.hash(of: file, indexer: candidate.indexer), title: nil)
            return Choice(args: DownloadCommand.AddArgs(torrent: file.base64EncodedString(), media: media), title: candidate.title)
        }
    }

    /// The magnet or .torrent of a release, in the order above.
    public func source(_ candidate: ReleaseCandidate) throws -> TorrentLink.Fetched {
        if let magnet = candidate.magnet { return .magnet(magnet) }
        // The indexer's own .torrent before a magnet built from the hash: a private tracker's torrent
        // is reachable only through the trackers its file names, never through the public defaults.
        // The hash is the fallback when the link cannot be fetched.
        let hashMagnet = candidate.infoHash.map { Magnet.build(infoHash: $0, name: candidate.title, trackers: DefaultTrackers.list) }
        if let link = candidate.downloadURL {
            do { return try TorrentLink.fetch(url: link, indexer: candidate.indexer, config: config, transport: transport) }
            catch where hashMagnet != nil { return .magnet(hashMagnet!) }
        }
        if let hashMagnet { return .magnet(hashMagnet) }
        let manager = indexers
        return .magnet(try AsyncBridge.run { try await manager.resolveMagnet(candidate) })   // ResolveFailed: 502
    }

    /// A fetched file that is not a .torrent is the indexer's failure (502), not the user's.
    public static func hash(of file: Data, indexer: String) throws -> String {
        do { return try TorrentInfoHash.of(file) }
        catch { throw DomainError.upstream(indexer, "\(indexer): the release's download link gave \(error)") }
    }

    /// 409 `blocklisted` with the entry's reason when the hash or the exact title is listed.
    public func checkBlocklist(infoHash: String?, title: String?) throws {
        guard let entry = try database.blocklist.entry(infoHash: infoHash, title: title) else { return }
        let id = entry.id ?? 0
        throw DomainError.conflict("this release is on the blocklist (entry \(id)): \(entry.reason); an admin can remove it with DELETE /api/blocklist/\(id)",
                                   code: "blocklisted")
    }
}
