import Foundation
import Config
import Core
import Net

/// A release that links a .torrent (Torznab `link`, RSS enclosures): fetched once when chosen and
/// handed to lcarsd as the file. Jackett and Prowlarr serve these links from their own address and
/// often answer with a redirect — to the tracker's .torrent, or to a `magnet:` link (for sites that
/// only have magnets). Redirects are followed here, one by one (at most `maxRedirects`), so that a
/// redirect to a magnet is taken as the magnet.
public enum TorrentLink {
    static let maxBytes = 10 << 20
    static let maxRedirects = 5

    /// What the link gave.
    public enum Fetched: Sendable {
        case torrent(Data)
        case magnet(String)
    }

    /// All within `indexers.timeout_ms`, redirects included. `transport`: the tests' stand-in (nil: real HTTP).
    public static func fetch(url text: String, indexer: String, config: LCARSConfig, transport: HTTPTransportFactory?) throws -> Fetched {
        var url = try httpURL(text, indexer: indexer, what: "the release's download link")
        let client = HTTPClient(service: indexer, settings: HTTPClientSettings(config), transport: transport?(indexer))
        let deadline = Date().addingTimeInterval(TimeInterval(config.indexers.timeoutMs) / 1000)
        for _ in 0...maxRedirects {
            let request = HTTPClientRequest("GET", url: url, timeout: max(0.1, deadline.timeIntervalSinceNow), maxBodyBytes: maxBytes,
                                            followsRedirects: false)
            let answer = try client.send(request)
            guard (300..<400).contains(answer.status), let location = answer.headers["location"] else {
                return .torrent(try torrentBody(answer, indexer: indexer))
            }
            if location.lowercased().hasPrefix("magnet:") {
                guard Magnet.infoHash(of: location) != nil else {
                    throw DomainError.upstream(indexer, "\(indexer): GET \(answer.path) redirects to a magnet without an info hash")
                }
                return .magnet(location)
            }
            url = try httpURL(URL(string: location, relativeTo: url)?.absoluteString ?? location, indexer: indexer,
                              what: "GET \(answer.path) redirects to something that")
        }
        throw DomainError.upstream(indexer, "\(indexer): the release's download link redirects more than \(maxRedirects) times")
    }

    static func httpURL(_ text: String, indexer: String, what: String) throws -> URL {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            throw DomainError.upstream(indexer, "\(indexer): \(what) is not an http(s) address or a magnet")
        }
        return url
    }

    /// A 2xx answer's body, which must be a .torrent (not a login page or an error in HTML).
    static func torrentBody(_ answer: HTTPClientResponse, indexer: String) throws -> Data {
        guard answer.isSuccess else {
            throw DomainError.upstream(indexer, "\(indexer): GET \(answer.path): HTTP \(answer.status) for the .torrent")
        }
        guard answer.body.first == UInt8(ascii: "d") else {
            let type = answer.headers["content-type"].map { " (\($0))" } ?? ""
            throw DomainError.upstream(indexer, "\(indexer): GET \(answer.path) answered with something that is not a .torrent\(type)")
        }
        return answer.body
    }
}
