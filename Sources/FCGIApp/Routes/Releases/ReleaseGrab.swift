import Foundation
import Control
import Core
import Indexers
import Library
import Persistence
import Releases

/// Turns a chosen release (by release_id, or a magnet) into lcarsd's `downloads.add` arguments:
/// the cached release is checked (unknown 404, expired 410, another item's 422), then the shared
/// `ReleaseGrabber` (Library) finds what to add and checks the blocklist (409) — the same steps
/// lcarsd's `search_missing` takes.
enum ReleaseGrab {
    typealias Choice = ReleaseGrabber.Choice

    static func grabber(_ ctx: RequestContext) -> ReleaseGrabber {
        ReleaseGrabber(database: ctx.app.database, config: ctx.app.config, transport: ctx.app.httpTransport, indexers: ctx.app.indexers)
    }

    static func choice(_ ctx: RequestContext, releaseID: String, media: MediaReference) throws -> Choice {
        try grabber(ctx).choice(for: try cached(ctx, releaseID, media: media).candidate, media: media)
    }

    static func choice(_ ctx: RequestContext, magnet: String, media: MediaReference) throws -> Choice {
        if let hash = Magnet.infoHash(of: magnet) { try grabber(ctx).checkBlocklist(infoHash: hash, title: nil) }
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
}
