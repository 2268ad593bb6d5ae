import Foundation
import Config

/// One image LCARS serves from its own origin (`GET /api/images/…`), so the browser never calls a
/// third party: a TMDB poster/backdrop at a size, or an album's front cover from the Cover Art
/// Archive. Built only from parts that passed the strict checks here, so a cache key or an
/// upstream URL can never carry "..", "/" or anything else a path or URL would read.
public enum ImageSource: Equatable, Sendable {
    case tmdb(size: String, file: String)
    /// The front cover of a release group (an album's `mbid`), lower-cased.
    case coverArt(releaseGroup: String)

    /// The sizes TMDB's image server offers for posters, backdrops and stills.
    public static let tmdbSizes: Set<String> = ["w92", "w154", "w185", "w300", "w342", "w500", "w780", "w1280", "original"]
    /// The Cover Art Archive thumbnail the cover route asks for.
    static let coverSize = "front-500"

    /// nil unless `size` is in the allow-list and `file` is a plain name: letters, digits, "-" or
    /// "_" (TMDB's are letters and digits), at most 100 of them, then ".jpg" or ".png".
    public static func checkedTMDB(size: String, file: String) -> ImageSource? {
        guard tmdbSizes.contains(size), isPlainFileName(file) else { return nil }
        return .tmdb(size: size, file: file)
    }

    /// nil unless `mbid` is a UUID (8-4-4-4-12 hex digits).
    public static func checkedCover(mbid: String) -> ImageSource? {
        guard UUID(uuidString: mbid) != nil, mbid.count == 36 else { return nil }
        return .coverArt(releaseGroup: mbid.lowercased())
    }

    static func isPlainFileName(_ file: String) -> Bool {
        let parts = file.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, ["jpg", "png"].contains(parts[1]), (1...100).contains(parts[0].count) else { return false }
        return parts[0].unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    /// Where the file lives under the cache directory.
    public var cacheKey: String {
        switch self {
        case .tmdb(let size, let file): "tmdb/\(size)/\(file)"
        case .coverArt(let mbid): "caa/\(mbid)"
        }
    }

    /// The address on our origin the API's media objects give.
    public var localPath: String { "/api/images/" + cacheKey }

    /// The service's name, for error messages.
    public var service: String {
        switch self {
        case .tmdb: "TMDB"
        case .coverArt: "Cover Art Archive"
        }
    }

    /// Where the image is fetched: `tmdb.image_base_url` or `musicbrainz.cover_art_url`.
    public func upstreamURL(_ config: LCARSConfig) -> URL? {
        switch self {
        case .tmdb(let size, let file): URL(string: Self.trimmed(config.tmdb.imageBaseURL) + "/\(size)/\(file)")
        case .coverArt(let mbid): URL(string: Self.trimmed(config.musicbrainz.coverArtURL) + "/release-group/\(mbid)/\(Self.coverSize)")
        }
    }

    static func trimmed(_ base: String) -> String { base.hasSuffix("/") ? String(base.dropLast()) : base }
}

/// Turns what the database stores into addresses on our origin.
public enum ImageLinks {
    /// A stored TMDB image URL (".../<size>/<file>", whatever base it was stored with) → our
    /// address; nil when there is none or it is not a TMDB size and plain file name.
    public static func tmdb(_ stored: String?) -> String? {
        guard let stored, let url = URL(string: stored) else { return nil }
        let parts = url.path.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return ImageSource.checkedTMDB(size: String(parts[parts.count - 2]), file: String(parts[parts.count - 1]))?.localPath
    }

    /// An album's cover: our address when the Cover Art Archive had one (`cover_path` stored).
    public static func cover(albumMBID: String, stored: String?) -> String? {
        guard let stored, !stored.isEmpty else { return nil }
        return ImageSource.checkedCover(mbid: albumMBID)?.localPath
    }
}
