import Foundation
import Core
import Indexers
import Library
import Releases

/// `GET /api/search/releases?q&type&tmdb_id&imdb_id&mbid&season&episode&quality_limit`: what a free
/// search asks for. Words or an id are required; `type` defaults from what is given (mbid → music,
/// season → tv, else movie). Free text is not checked against a title (there is no library item).
enum FreeSearchQuery {
    static let known = ["q", "type", "tmdb_id", "imdb_id", "mbid", "season", "episode", "quality_limit"]

    static func parse(_ q: [String: String]) throws -> MediaSearchTarget {
        try QueryValue.allow(q, known)
        let words = q["q"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard words.unicodeScalars.count <= 200 else { throw APIError.badRequest("q is longer than 200 characters") }
        let tmdb = try QueryValue.int(q["tmdb_id"], name: "tmdb_id", range: 1...Int(Int32.max))
        let imdb = try imdbID(q["imdb_id"])
        let mbid = try musicBrainzID(q["mbid"])
        let season = try QueryValue.int(q["season"], name: "season", range: 0...10_000)
        let episode = try QueryValue.int(q["episode"], name: "episode", range: 1...10_000)
        if episode != nil && season == nil { throw APIError.badRequest("episode needs season") }
        guard !words.isEmpty || tmdb != nil || imdb != nil || mbid != nil else {
            throw APIError.badRequest("q is required (or one of tmdb_id, imdb_id, mbid)")
        }
        let type = try mediaType(q["type"], mbid: mbid, season: season)
        if type != .tv && season != nil { throw APIError.badRequest("season and episode are for type=tv") }
        let query = SearchQuery(query: words, mediaType: type, imdbId: imdb, tmdbId: tmdb, mbid: mbid, season: season, episode: episode)
        return MediaSearchTarget(query: query, ranking: try ranking(type, season: season, episode: episode, limit: q["quality_limit"]), media: nil)
    }

    static func mediaType(_ raw: String?, mbid: String?, season: Int?) throws -> SearchQuery.MediaType {
        guard let raw else { return mbid != nil ? .music : season != nil ? .tv : .movie }
        guard let type = SearchQuery.MediaType(rawValue: raw) else { throw APIError.badRequest("type must be movie, tv or music, found \"\(raw)\"") }
        return type
    }

    static func ranking(_ type: SearchQuery.MediaType, season: Int?, episode: Int?, limit: String?) throws -> RankingTarget {
        switch type {
        case .movie, .tv:
            var target = RankingTarget(kind: type == .movie ? .movie : (season != nil && episode == nil ? .season : .episode),
                                       season: season, episode: episode)
            if let limit {
                guard let value = VideoQuality(rawValue: limit), VideoQuality.ladder.contains(value) else {
                    throw APIError.badRequest("quality_limit must be \(listed(VideoQuality.ladder.map(\.rawValue))) for video, found \"\(limit)\"")
                }
                target.videoLimit = value
            }
            return target
        case .music:
            var target = RankingTarget(kind: .album)
            if let limit {
                guard let value = MusicQuality(limit: limit), MusicQuality.ladder.contains(value) else {
                    throw APIError.badRequest("quality_limit must be \(listed(MusicQuality.ladder.map(\.rawValue))) for music, found \"\(limit)\"")
                }
                target.musicLimit = value
            }
            return target
        }
    }

    /// "a, b or c": the rungs of a quality ladder, best first.
    static func listed(_ rungs: [String]) -> String {
        rungs.count < 2 ? rungs.joined() : rungs.dropLast().joined(separator: ", ") + " or " + rungs.last!
    }

    static func imdbID(_ raw: String?) throws -> String? {
        guard let raw else { return nil }
        guard raw.hasPrefix("tt"), (3...12).contains(raw.count), raw.dropFirst(2).allSatisfy(\.isASCII), Int(raw.dropFirst(2)) != nil else {
            throw APIError.badRequest("imdb_id must look like tt0133093, found \"\(raw)\"")
        }
        return raw
    }

    static func musicBrainzID(_ raw: String?) throws -> String? {
        guard let raw else { return nil }
        guard UUID(uuidString: raw) != nil else { throw APIError.badRequest("mbid must be a MusicBrainz id (a UUID), found \"\(raw)\"") }
        return raw.lowercased()
    }
}
