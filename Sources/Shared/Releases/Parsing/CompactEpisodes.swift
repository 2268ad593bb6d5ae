import Foundation

/// Scene TV names sometimes write the season and episode as one number: "Show.103.HDTV" is
/// S01E03, "Show.1013.720p" S10E13, "show.2015.0308-grp" S03E08. Only a number right after the
/// title and right before jargon, a bracket or the end counts, and never a year or a resolution.
enum CompactEpisodes {
    static let notEpisodes: Set<String> = ["480", "576", "720", "1080", "2160", "264", "265"]

    static func match(_ t: [ReleaseToken], in range: Range<Int>, end: Int, strongStarts: Set<Int>) -> AttributeMatch? {
        guard range.count >= 2 else { return nil }
        for j in (range.lowerBound + 1)..<range.upperBound {
            let w = t[j].lower
            guard (3...4).contains(w.count), t[j].isNumber, !notEpisodes.contains(w), ReleaseYears.year(t[j]) == nil,
                  [".", " ", "_"].contains(t[j].gap) else { continue }
            guard let (season, first) = split(w) else { continue }
            var episodes = [first]
            var next = j + 1
            // "Show.103.104.720p": more episodes of the same season.
            while next < end, next - j < 10, t[next].gap == t[j].gap, t[next].lower.count == w.count,
                  let (s, e) = split(t[next].lower), s == season, e > episodes.last! { episodes.append(e); next += 1 }
            guard next >= end || strongStarts.contains(next) || t[next].inBrackets || ReleaseGroupParser.opensBracket(t[next].gap) else { continue }
            return AttributeMatch(index: j, length: next - j, meaning: .episode(EpisodeInfo(seasons: [season], episodes: episodes)), strong: true)
        }
        return nil
    }

    /// "103" → (1, 3), "1013" → (10, 13); nil for episode 0 or seasons beyond 19.
    private static func split(_ w: String) -> (Int, Int)? {
        guard (3...4).contains(w.utf8.count), w.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), !notEpisodes.contains(w) else { return nil }
        let digits = Array(w.utf8).map { Int($0) - 48 }
        let season = w.count == 3 ? digits[0] : digits[0] * 10 + digits[1]
        let episode = digits[digits.count - 2] * 10 + digits[digits.count - 1]
        guard season >= 1, season <= 19, episode >= 1 else { return nil }
        return (season, episode)
    }
}
