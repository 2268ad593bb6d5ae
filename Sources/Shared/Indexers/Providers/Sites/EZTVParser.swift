import Foundation
import Core
import Releases

/// EZTV's JSON API (`/api/get-torrents?imdb_id=…`): episodes with magnet, hash, seeds, size.
/// EZTV sends numbers as strings in places ("season": "1", "size_bytes": "123"); both are read.
public enum EZTVParser {
    struct Answer: Decodable {
        let torrents: [Torrent]?
        let torrents_count: Int?
    }
    struct Torrent: Decodable {
        let hash: String?
        let filename: String?
        let title: String?
        let magnet_url: String?
        let torrent_url: String?
        let episode_url: String?
        let season: FlexibleInt?
        let episode: FlexibleInt?
        let seeds: FlexibleInt?
        let peers: FlexibleInt?
        let size_bytes: FlexibleInt?
        let date_released_unix: FlexibleInt?
    }

    /// Filters to a season/episode when asked (EZTV searches by show only).
    public static func parse(_ data: Data, indexer: String, trackers: [String], season: Int? = nil, episode: Int? = nil) throws -> [ReleaseCandidate] {
        let answer = try JSONReading.decode(Answer.self, from: data, site: indexer)
        return (answer.torrents ?? []).filter { t in
            (season == nil || t.season?.value == season) && (episode == nil || t.episode?.value == episode)
        }.compactMap { candidate($0, indexer: indexer, trackers: trackers) }
    }

    private static func candidate(_ t: Torrent, indexer: String, trackers: [String]) -> ReleaseCandidate? {
        guard var title = t.title ?? t.filename else { return nil }
        if title.hasSuffix(" EZTV") { title = String(title.dropLast(5)) }   // EZTV's own tag, not the group
        let hash = t.hash.flatMap(Magnet.normalizeHash) ?? t.magnet_url.flatMap(Magnet.infoHash)
        let given = t.magnet_url.flatMap { $0.hasPrefix("magnet:") ? $0 : nil }   // EZTV sends "" at times
        let magnet = given ?? hash.map { Magnet.build(infoHash: $0, name: title, trackers: trackers) }
        let uploaded = t.date_released_unix.map { SQLiteTime.iso8601(Date(timeIntervalSince1970: Double($0.value))) }
        return ReleaseCandidate(title: title, indexer: indexer, magnet: magnet, downloadURL: t.torrent_url, detailsURL: t.episode_url,
                                infoHash: hash, sizeBytes: t.size_bytes.map { Int64($0.value) }, seeders: t.seeds?.value,
                                leechers: t.peers?.value, uploadedAt: uploaded, categories: [5000])
    }
}

/// An integer that some APIs send as a string.
struct FlexibleInt: Decodable {
    let value: Int
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { value = i; return }
        if let s = try? c.decode(String.self), let i = Int(s) { value = i; return }
        throw DecodingError.typeMismatch(Int.self, .init(codingPath: decoder.codingPath, debugDescription: "not an integer"))
    }
}
