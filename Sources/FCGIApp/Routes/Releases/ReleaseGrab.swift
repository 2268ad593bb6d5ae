import Foundation
import Control
import Core
import Indexers
import Persistence
import Releases

/// Turns a chosen release (by release_id, or a magnet) into lcarsd's `downloads.add` arguments:
/// the cached release is checked (unknown 404, expired 410, another item's 422, blocklisted 409),
/// and what to add is found in this order: the release's magnet, its .torrent link (fetched now;
/// Torznab/RSS items of private trackers have nothing else, and Jackett/Prowlarr links may redirect
/// to a magnet), a magnet built from its info hash (also when the link cannot be fetched), and only for releases that link no file, the magnet on its
/// page (1337x, Rutracker). What was found is checked against the blocklist by its info hash
/// before lcarsd is asked — a fetched .torrent too (its v1 hash, or v2 for a v2-only torrent).
enum ReleaseGrab {
    /// What lcarsd is asked to add, and the release's name for the activity row.
    struct Choice {
        let args: DownloadCommand.AddArgs
        let title: String
    }

    static func choice(_ ctx: RequestContext, releaseID: String, media: MediaReference) throws -> Choice {
        let candidate = try cached(ctx, releaseID, media: media).candidate
        try checkBlocklist(ctx, infoHash: candidate.infoHash, title: candidate.title)
        switch try source(ctx, candidate) {
        case .magnet(let magnet):
            try checkBlocklist(ctx, infoHash: Magnet.infoHash(of: magnet), title: nil)
            return Choice(args: DownloadCommand.AddArgs(magnet: magnet, media: media), title: candidate.title)
        case .torrent(let file):
            try checkBlocklist(ctx, infoHash: try hash(of: file, indexer: candidate.indexer), title: nil)
            return Choice(args: DownloadCommand.AddArgs(torrent: file.base64EncodedString(), media: media), title: candidate.title)
        }
    }

    /// The magnet or .torrent of a release, in the order above.
    static func source(_ ctx: RequestContext, _ candidate: ReleaseCandidate) throws -> TorrentLink.Fetched {
        if let magnet = candidate.magnet { return .magnet(magnet) }
        // The indexer's own .torrent before a magnet built from the hash: a private tracker's torrent
        // is reachable only through the trackers its file names, never through the public defaults.
        // The hash is the fallback when the link cannot be fetched.
        let hashMagnet = candidate.infoHash.map { Magnet.build(infoHash: $0, name: candidate.title, trackers: DefaultTrackers.list) }
        if let link = candidate.downloadURL {
            do { return try TorrentLink.fetch(ctx, url: link, indexer: candidate.indexer) }
            catch where hashMagnet != nil { return .magnet(hashMagnet!) }
        }
        if let hashMagnet { return .magnet(hashMagnet) }
        let manager = ctx.app.indexers
        return .magnet(try AsyncBridge.run { try await manager.resolveMagnet(candidate) })   // ResolveFailed: 502
    }

    /// A fetched file that is not a .torrent is the indexer's failure (502), not the user's.
    static func hash(of file: Data, indexer: String) throws -> String {
        do { return try TorrentInfoHash.of(file) }
        catch { throw DomainError.upstream(indexer, "\(indexer): the release's download link gave \(error)") }
    }

    static func choice(_ ctx: RequestContext, magnet: String, media: MediaReference) throws -> Choice {
        if let hash = Magnet.infoHash(of: magnet) { try checkBlocklist(ctx, infoHash: hash, title: nil) }
        let name = URLComponents(string: magnet)?.queryItems?.first { $0.name == "dn" }?.value
        return Choice(args: DownloadCommand.AddArgs(magnet: magnet, media: media), title: name ?? "a magnet link")
    }

    static func cached(_ ctx: RequestContext, _ id: String, media: MediaReference) throws -> RankedRelease {
        guard id.count == 32, id.allSatisfy(\.isHexDigit) else {
            throw DomainError.notFound("release_id \"\(id.prefix(64))\" is not one a search returned (32 hex characters); search again")
        }
        switch try ctx.app.database.releaseCache.lookup(id: id.lowercased()) {
        case .unknown:
            throw DomainError.notFound("release \(id) is unknown or expired long ago; search again")
        case .expired:
            let hours = Int(ReleaseCacheStore.lifetime / 3600)
            throw DomainError.gone("release \(id) expired (release ids are kept \(hours) h after the search); search again", code: "release_expired")
        case let .found(_, found?) where found != media:
            throw DomainError.validation("release \(id) was found by a search for \(found.type.rawValue) \(found.id), not for \(media.type.rawValue) \(media.id)",
                                         field: "release_id")
        case let .found(release, _):
            return release
        }
    }

    /// 409 `blocklisted` with the entry's reason when the hash or the exact title is listed.
    static func checkBlocklist(_ ctx: RequestContext, infoHash: String?, title: String?) throws {
        guard let entry = try ctx.app.database.blocklist.entry(infoHash: infoHash, title: title) else { return }
        let id = entry.id ?? 0
        throw DomainError.conflict("this release is on the blocklist (entry \(id)): \(entry.reason); an admin can remove it with DELETE /api/blocklist/\(id)",
                                   code: "blocklisted")
    }
}
