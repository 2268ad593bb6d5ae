import Foundation
import Config
import Net

/// An image ready to send: its bytes and their Content-Type (from the signature).
public struct ServedImage: Sendable {
    public let data: Data
    public let contentType: String
}

/// Answers an image from the cache, or fetches it once from TMDB / the Cover Art Archive through
/// the shared HTTP client and caches it. Only a complete JPEG, PNG or WebP (declared so and
/// starting with that signature) of at most `maxBytes` is kept; anything else is an upstream
/// error and nothing is written.
public struct ImageFetcher: Sendable {
    public static let maxBytes = 8 << 20

    let config: LCARSConfig
    let cache: ImageCache
    let tmdb: HTTPClient
    let coverArt: HTTPClient

    public static func live(_ config: LCARSConfig, transport: HTTPTransportFactory? = nil) -> ImageFetcher {
        // One attempt, never a retry: a miss runs in a responder worker, and a page asks for dozens
        // of images at once; waiting out backoffs there would hold the API's workers for seconds
        // when TMDB or the Cover Art Archive is down. The browser asks again on the next view.
        var settings = HTTPClientSettings(config)
        settings.retry.retries = 0
        return ImageFetcher(config: config, cache: ImageCache(dataDir: config.server.dataDir,
                                                              limitBytes: Int64(config.server.imageCacheMB) << 20),
                            tmdb: HTTPClient(service: "TMDB", settings: settings, transport: transport?("TMDB")),
                            coverArt: HTTPClient(service: "Cover Art Archive", settings: settings, transport: transport?("Cover Art Archive")))
    }

    public func image(_ source: ImageSource) throws -> ServedImage {
        if let cached = cache.read(source) { return cached }
        let image = try fetch(source)
        try cache.store(image.data, for: source)
        return image
    }

    func fetch(_ source: ImageSource) throws -> ServedImage {
        guard let url = source.upstreamURL(config) else {
            throw MetadataError.notConfigured("cannot build the \(source.service) image address from the configured base URL")
        }
        let client = if case .tmdb = source { tmdb } else { coverArt }
        let response: HTTPClientResponse
        do { response = try client.send(HTTPClientRequest(url: url, headers: ["Accept": "image/webp,image/png,image/jpeg"], maxBodyBytes: Self.maxBytes)) }
        catch let error as HTTPClientError { throw MetadataError.upstream(error) }
        if response.status == 404 { throw MetadataError.notFound("\(source.service) has no image \(source.cacheKey)") }
        guard response.isSuccess else { throw MetadataError.upstream(response.statusError()) }
        let declared = ImageFormat.mediaType(response.headers["content-type"])
        guard ImageFormat.contentTypes.contains(declared), let type = ImageFormat.contentType(of: response.body), type == declared else {
            throw MetadataError.upstream(HTTPClientError(service: response.service, method: response.method, path: response.path,
                kind: .malformedBody("not a JPEG, PNG or WebP image (Content-Type \"\(declared)\")"), attempts: response.attempts))
        }
        return ServedImage(data: response.body, contentType: type)
    }
}
