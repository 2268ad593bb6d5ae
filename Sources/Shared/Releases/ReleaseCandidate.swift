import Foundation

/// One result an indexer returned, before ranking: what the provider could read from its page,
/// feed or API. Either `magnet` or `downloadURL` (a .torrent link) tells how to fetch it; some
/// sites only give a `detailsURL` whose page holds the magnet (1337x, Rutracker).
public struct ReleaseCandidate: Codable, Sendable, Equatable {
    public var title: String
    public var indexer: String
    public var magnet: String?
    public var downloadURL: String?
    public var detailsURL: String?
    /// Lower-case hex (40 characters) when known.
    public var infoHash: String?
    public var sizeBytes: Int64?
    public var seeders: Int?
    public var leechers: Int?
    /// ISO 8601 when the site tells.
    public var uploadedAt: String?
    /// Newznab/Torznab category numbers (2000 movies, 5000 TV, 3000 audio...) when known.
    public var categories: [Int]
    /// Every indexer that returned this release (same info hash), set when results are merged.
    public var indexers: [String]?

    public init(title: String, indexer: String, magnet: String? = nil, downloadURL: String? = nil, detailsURL: String? = nil,
                infoHash: String? = nil, sizeBytes: Int64? = nil, seeders: Int? = nil, leechers: Int? = nil,
                uploadedAt: String? = nil, categories: [Int] = []) {
        self.title = title
        self.indexer = indexer
        self.magnet = magnet
        self.downloadURL = downloadURL
        self.detailsURL = detailsURL
        self.infoHash = infoHash?.lowercased()
        self.sizeBytes = sizeBytes
        self.seeders = seeders
        self.leechers = leechers
        self.uploadedAt = uploadedAt
        self.categories = categories
    }

    enum CodingKeys: String, CodingKey {
        case title, indexer, indexers, magnet, categories, seeders, leechers
        case downloadURL = "download_url", detailsURL = "details_url", infoHash = "info_hash", sizeBytes = "size_bytes"
        case uploadedAt = "uploaded_at"
    }
}
