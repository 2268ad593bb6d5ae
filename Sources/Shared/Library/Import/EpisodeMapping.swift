import Foundation
import Releases

/// Maps the videos of a season pack (or a single episode's download) onto episode numbers with
/// the release parser: "Show.S02E05.1080p.mkv", "Season 2/05 - Name.mkv", "2x05".
public enum EpisodeMapping {
    public struct Key: Hashable, Sendable, Comparable {
        public let season: Int
        public let episode: Int
        public init(season: Int, episode: Int) { self.season = season; self.episode = episode }
        public static func < (a: Key, b: Key) -> Bool { (a.season, a.episode) < (b.season, b.episode) }
    }

    /// Each (season, episode) a video names → that video (the largest when several name it).
    /// `defaultSeason` is used when a file names an episode but no season (the pack's season).
    /// Files naming no episode are left out and returned as `unmapped`.
    public static func map(_ files: [SourceFile], defaultSeason: Int?) -> (mapped: [Key: SourceFile], unmapped: [SourceFile]) {
        var mapped: [Key: SourceFile] = [:]
        var unmapped: [SourceFile] = []
        for file in files where ImportFileKind.of(file) == .video {
            let keys = keys(for: file, defaultSeason: defaultSeason)
            if keys.isEmpty { unmapped.append(file); continue }
            for key in keys where (mapped[key]?.size ?? -1) < file.size { mapped[key] = file }
        }
        return (mapped, unmapped)
    }

    static func keys(for file: SourceFile, defaultSeason: Int?) -> [Key] {
        let parsed = ReleaseNameParser.parse(file.relativePath, hint: .video)
        guard let season = parsed.season ?? parsed.seasons.first ?? defaultSeason else { return [] }
        let episodes = !parsed.episodes.isEmpty ? parsed.episodes : parsed.absoluteEpisodes
        return episodes.map { Key(season: season, episode: $0) }
    }
}
