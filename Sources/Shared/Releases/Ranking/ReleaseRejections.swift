import Foundation
import Core

/// Every reason a candidate is not acceptable for a target (spec: Quality Limiting and the
/// issue's list). Each check is independent; a release may collect several reasons.
enum ReleaseRejections {
    static func check(_ c: ReleaseCandidate, _ p: ParsedRelease, for t: RankingTarget) -> [Rejection] {
        var found: [Rejection] = []
        if let r = blocklisted(c, t) { found.append(r) }
        found += t.kind.isMusic ? music(c, p, t) : video(p, t)
        if let seeders = c.seeders, seeders < t.minSeeders {
            found.append(Rejection(.tooFewSeeders, "\(seeders) seeder\(seeders == 1 ? "" : "s"), fewer than the \(t.minSeeders) required"))
        }
        if let problem = SizePlausibility.problem(size: c.sizeBytes, parsed: p, target: t) {
            found.append(Rejection(.implausibleSize, problem))
        }
        return found
    }

    private static func blocklisted(_ c: ReleaseCandidate, _ t: RankingTarget) -> Rejection? {
        if let hash = c.infoHash, t.blockedHashes.contains(hash.lowercased()) {
            return Rejection(.blocklisted, "info hash \(hash.lowercased()) is on the blocklist")
        }
        if t.blockedTitles.contains(c.title) { return Rejection(.blocklisted, "this release title is on the blocklist") }
        return nil
    }

    // MARK: video

    private static func video(_ p: ParsedRelease, _ t: RankingTarget) -> [Rejection] {
        var found: [Rejection] = []
        if p.quality > t.videoLimit {
            found.append(Rejection(.overQualityLimit, "\(p.quality.rawValue) is above the quality limit of \(t.videoLimit.rawValue)"))
        }
        if let title = t.title, !TitleMatcher.matches(p.title, any: [title] + t.alternateTitles) {
            found.append(Rejection(.wrongTitle, "\"\(p.title)\" is not \"\(title)\""))
        }
        if t.kind == .movie {
            if let want = t.year, let have = p.year, abs(want - have) > 1 {
                found.append(Rejection(.wrongYear, "year \(have), wanted \(want)"))
            }
            if p.source == .cam {
                found.append(Rejection(.camera, "\(p.sourceTag ?? "CAM") is a recording made in a cinema"))
            }
        } else {
            found += episodes(p, t)
        }
        return found
    }

    private static func episodes(_ p: ParsedRelease, _ t: RankingTarget) -> [Rejection] {
        guard let season = t.season else { return [] }
        if p.seasons.isEmpty, p.airDate == nil, p.absoluteEpisodes.isEmpty {
            return [Rejection(.wrongSeason, "the name gives no season, wanted season \(season)")]
        }
        if !p.seasons.isEmpty, !p.seasons.contains(season) {
            return [Rejection(.wrongSeason, "season \(p.seasons.map(String.init).joined(separator: ", ")), wanted season \(season)")]
        }
        if t.kind == .season, !p.episodes.isEmpty {
            return [Rejection(.wrongEpisode, "a single episode (E\(p.episodes[0])), wanted the whole season \(season)")]
        }
        if t.kind == .episode, let episode = t.episode, !p.episodes.isEmpty, !p.episodes.contains(episode) {
            return [Rejection(.wrongEpisode, "episode \(p.episodes.map(String.init).joined(separator: ", ")), wanted episode \(episode)")]
        }
        return []
    }

    // MARK: music

    static let variantWords: [String] = ["karaoke", "tribute", "cover", "covers", "instrumental version", "in the style of",
                                         "made famous by", "originally performed", "lullaby", "8 bit"]
    static let variousArtists: Set<String> = ["va", "v a", "various artists", "various", "varios artistas"]

    private static func music(_ c: ReleaseCandidate, _ p: ParsedRelease, _ t: RankingTarget) -> [Rejection] {
        var found: [Rejection] = []
        let quality = MusicQuality(p)
        if quality > t.musicLimit {
            found.append(Rejection(.overQualityLimit, "\(quality.rawValue) is above the quality limit of \(t.musicLimit.rawValue)"))
        }
        // Words only, so "(Karaoke Version)", "Karaoke.Hits" and "karaoke_hits" all read the same.
        let words = c.title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let lowered = " " + words.joined(separator: " ") + " "
        let wantsVarious = t.artist.map { variousArtists.contains($0.lowercased()) } ?? false
        if let word = variantWords.first(where: { lowered.contains(" \($0) ") }) {
            found.append(Rejection(.unwantedVariant, "a \(word) release, not the artist's own recording"))
        } else if !wantsVarious, let artist = p.artist, variousArtists.contains(artist.lowercased().replacingOccurrences(of: ".", with: " ").trimmingCharacters(in: .whitespaces)) {
            found.append(Rejection(.unwantedVariant, "a various-artists compilation, not a single artist's album"))
        }
        if let artist = t.artist, !wantsVarious, let have = p.artist, !TitleMatcher.matches(have, any: [artist]) {
            found.append(Rejection(.wrongTitle, "artist \"\(have)\" is not \"\(artist)\""))
        }
        if let album = t.title, t.kind == .album, !p.discography, let have = p.album, !TitleMatcher.matches(have, any: [album] + t.alternateTitles) {
            found.append(Rejection(.wrongTitle, "album \"\(have)\" is not \"\(album)\""))
        }
        return found
    }
}
