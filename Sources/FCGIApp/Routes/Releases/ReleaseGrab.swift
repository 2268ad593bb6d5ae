import Foundation
import GRDB
import Control
import Core
import Indexers
import Persistence
import Releases

/// Turns a chosen release (by release_id, or a magnet) into lcarsd's `downloads.add` arguments:
/// the cached release is checked (unknown 404, expired 410, another item's 422, blocklisted 409),
/// and its magnet fetched now if the site only gave a page (1337x, Rutracker) or a .torrent link.
enum ReleaseGrab {
    static func arguments(_ ctx: RequestContext, releaseID: String, media: MediaReference) throws -> DownloadCommand.AddArgs {
        let release = try cached(ctx, releaseID, media: media)
        try checkBlocklist(ctx, infoHash: release.candidate.infoHash, title: release.candidate.title)
        let candidate = release.candidate
        if candidate.magnet == nil, candidate.detailsURL == nil, let link = candidate.downloadURL {
            return try TorrentLink.arguments(ctx, url: link, indexer: candidate.indexer, media: media)
        }
        let manager = ctx.app.indexers
        let magnet: String
        do {
            magnet = try AsyncBridge.run { try await manager.resolveMagnet(candidate) }
        } catch let failure as IndexerManager.ResolveFailed {
            throw APIError(status: 502, code: "upstream_failed", message: "cannot get the magnet: \(failure.message)")
        }
        try checkBlocklist(ctx, infoHash: Magnet.infoHash(of: magnet), title: candidate.title)
        return DownloadCommand.AddArgs(magnet: magnet, media: media)
    }

    static func arguments(_ ctx: RequestContext, magnet: String, media: MediaReference) throws -> DownloadCommand.AddArgs {
        if let hash = Magnet.infoHash(of: magnet) { try checkBlocklist(ctx, infoHash: hash, title: nil) }
        return DownloadCommand.AddArgs(magnet: magnet, media: media)
    }

    static func cached(_ ctx: RequestContext, _ id: String, media: MediaReference) throws -> RankedRelease {
        guard id.count == 32, id.allSatisfy(\.isHexDigit) else {
            throw APIError.notFound("release_id \"\(id.prefix(64))\" is not one a search returned (32 hex characters); search again")
        }
        switch try ctx.app.db.read({ try ReleaseCache.lookup($0, id: id.lowercased()) }) {
        case .unknown:
            throw APIError.notFound("release \(id) is unknown or expired long ago; search again")
        case .expired:
            throw APIError(status: 410, code: "release_expired",
                           message: "release \(id) expired (release ids are kept \(Int(ReleaseCache.lifetime / 3600)) h after the search); search again")
        case let .found(release, type, itemID):
            if let type, let itemID, type != media.type.rawValue || itemID != media.id {
                throw APIError.validation("release \(id) was found by a search for \(type) \(itemID), not for \(media.type.rawValue) \(media.id)")
            }
            return release
        }
    }

    /// 409 `blocklisted` with the entry's reason when the hash or the exact title is listed.
    static func checkBlocklist(_ ctx: RequestContext, infoHash: String?, title: String?) throws {
        let entry = try ctx.app.db.read { db in
            try BlocklistEntry.filter(sql: "(info_hash IS NOT NULL AND info_hash = ?) OR (? IS NOT NULL AND title = ?)",
                                      arguments: [infoHash?.lowercased(), title, title]).fetchOne(db)
        }
        guard let entry else { return }
        throw APIError(status: 409, code: "blocklisted",
                       message: "this release is on the blocklist (entry \(entry.id ?? 0)): \(entry.reason); an admin can remove it with DELETE /api/blocklist/\(entry.id ?? 0)")
    }
}
