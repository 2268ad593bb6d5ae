import Foundation
import Core

/// One search `search_missing` makes: a missing movie, a missing aired episode, a whole season
/// (a season pack, when more than half of the season's aired episodes are missing), or a missing
/// album. `items` are the library items the grab is for; the download is linked to the first.
public struct SearchUnit: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case movie
        case episode(showID: Int64, season: Int, episode: Int)
        case season(showID: Int64, season: Int, firstEpisode: Int)
        case album
    }

    public let kind: Kind
    public let items: [MediaReference]
    /// The oldest `last_searched_at` of its items; nil (never searched) sorts first.
    public let lastSearchedAt: String?

    public init(kind: Kind, items: [MediaReference], lastSearchedAt: String?) {
        self.kind = kind
        self.items = items
        self.lastSearchedAt = lastSearchedAt
    }

    /// What the download is linked to (a season pack: its first missing episode).
    public var linked: MediaReference { items[0] }

    /// Least recently searched first (never searched before all), then a stable order.
    public static func precedes(_ a: SearchUnit, _ b: SearchUnit) -> Bool {
        switch (a.lastSearchedAt, b.lastSearchedAt) {
        case (nil, _?): return true
        case (_?, nil): return false
        case let (x?, y?) where x != y: return x < y
        default: return (a.linked.type.rawValue, a.linked.id) < (b.linked.type.rawValue, b.linked.id)
        }
    }
}

/// A missing, monitored, aired episode as the selection reads it, with its season's aired count.
public struct MissingEpisode: Sendable, Equatable {
    public let id: Int64
    public let showID: Int64
    public let season: Int
    public let episode: Int
    public let lastSearchedAt: String?
    /// Episodes of the same season that have aired, whatever their status.
    public let airedInSeason: Int

    public init(id: Int64, showID: Int64, season: Int, episode: Int, lastSearchedAt: String?, airedInSeason: Int) {
        self.id = id
        self.showID = showID
        self.season = season
        self.episode = episode
        self.lastSearchedAt = lastSearchedAt
        self.airedInSeason = airedInSeason
    }

    /// The season-pack rule: a season whose missing episodes are more than half of its aired ones
    /// is one search for the whole season; otherwise each episode is its own search. Specials
    /// (season 0) are never packed.
    public static func units(_ episodes: [MissingEpisode]) -> [SearchUnit] {
        let seasons = Dictionary(grouping: episodes) { SeasonKey(show: $0.showID, season: $0.season) }
        return seasons.values.flatMap { group -> [SearchUnit] in
            let sorted = group.sorted { $0.episode < $1.episode }
            let first = sorted[0]
            if first.season > 0, sorted.count * 2 > first.airedInSeason {
                let oldest = sorted.map(\.lastSearchedAt).min(by: Self.olderFirst) ?? nil
                return [SearchUnit(kind: .season(showID: first.showID, season: first.season, firstEpisode: first.episode),
                                   items: sorted.map { MediaReference(type: .episode, id: $0.id) }, lastSearchedAt: oldest)]
            }
            return sorted.map { ep in
                SearchUnit(kind: .episode(showID: ep.showID, season: ep.season, episode: ep.episode),
                           items: [MediaReference(type: .episode, id: ep.id)], lastSearchedAt: ep.lastSearchedAt)
            }
        }
    }

    static func olderFirst(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, _?): true
        case let (x?, y?): x < y
        default: false
        }
    }

    struct SeasonKey: Hashable {
        let show: Int64
        let season: Int
    }
}
