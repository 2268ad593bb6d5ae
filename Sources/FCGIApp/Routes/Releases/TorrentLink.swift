import Foundation
import Control
import Core
import Net

/// A release that links a .torrent (Torznab `link`, RSS enclosures): fetched once when chosen and
/// handed to lcarsd as the file.
enum TorrentLink {
    static let maxBytes = 10 << 20

    static func arguments(_ ctx: RequestContext, url text: String, indexer: String, media: MediaReference) throws -> DownloadCommand.AddArgs {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            throw DomainError.upstream(indexer, "\(indexer): the release's download link is not an http(s) address")
        }
        let settings = HTTPClientSettings(ctx.app.config.http)
        let client = HTTPClient(service: indexer, settings: settings, transport: ctx.app.httpTransport?(indexer))
        let timeout = TimeInterval(ctx.app.config.indexers.timeoutMs) / 1000
        let answer = try client.send(HTTPClientRequest("GET", url: url, timeout: timeout, maxBodyBytes: maxBytes))
        guard answer.isSuccess else {
            throw DomainError.upstream(indexer, "\(indexer): GET \(answer.path): HTTP \(answer.status) for the .torrent")
        }
        return DownloadCommand.AddArgs(torrent: answer.body.base64EncodedString(), media: media)
    }
}
