import Foundation
import Core
import Releases

/// YTS's JSON API (`/api/v2/list_movies.json`): one candidate per torrent of each movie, named
/// the way YTS names its files so the release parser reads them ("Title (Year) [1080p] [BluRay]
/// [x265] [YTS]"), with a magnet built from the hash and the indexer's trackers.
public enum YTSParser {
    struct Answer: Decodable {
        let status: String?
        let status_message: String?
        let data: Payload?
    }
    struct Payload: Decodable { let movies: [Movie]? }
    struct Movie: Decodable {
        let title: String?
        let title_long: String?
        let year: Int?
        let torrents: [Torrent]?
    }
    struct Torrent: Decodable {
        let url: String?
        let hash: String?
        let quality: String?
        let type: String?
        let video_codec: String?
        let seeds: Int?
        let peers: Int?
        let size_bytes: Int64?
        let date_uploaded_unix: Double?
    }

    public static func parse(_ data: Data, indexer: String, trackers: [String]) throws -> [ReleaseCandidate] {
        let answer = try JSONReading.decode(Answer.self, from: data, site: indexer)
        guard answer.status == "ok" else {
            throw ProviderError.apiError(site: indexer, message: answer.status_message ?? "the API answered status \(answer.status ?? "missing")")
        }
        return (answer.data?.movies ?? []).flatMap { movie in
            (movie.torrents ?? []).compactMap { candidate(movie, $0, indexer: indexer, trackers: trackers) }
        }
    }

    private static func candidate(_ movie: Movie, _ t: Torrent, indexer: String, trackers: [String]) -> ReleaseCandidate? {
        guard let hash = t.hash.flatMap(Magnet.normalizeHash), let name = movie.title else { return nil }
        var title = movie.year.map { "\(name) (\($0))" } ?? name
        if let q = t.quality { title += " [\(q)]" }
        if let type = t.type { title += " [\(type.lowercased() == "web" ? "WEBRip" : type.lowercased() == "bluray" ? "BluRay" : type)]" }
        if let codec = t.video_codec { title += " [\(codec)]" }
        title += " [YTS]"
        let uploaded = t.date_uploaded_unix.map { SQLiteTime.iso8601(Date(timeIntervalSince1970: $0)) }
        return ReleaseCandidate(title: title, indexer: indexer, magnet: Magnet.build(infoHash: hash, name: title, trackers: trackers),
                                downloadURL: t.url, infoHash: hash, sizeBytes: t.size_bytes, seeders: t.seeds,
                                leechers: t.peers, uploadedAt: uploaded, categories: [2000])
    }
}

/// Short, user-readable text for a JSON decoding failure.
enum JSONErrorText {
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON" + (context.underlyingError.map { " (\(($0 as NSError).localizedDescription))" } ?? "")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.keyNotFound(let key, _):
            return "missing \(key.stringValue)"
        default:
            return "\(error)"
        }
    }
}
