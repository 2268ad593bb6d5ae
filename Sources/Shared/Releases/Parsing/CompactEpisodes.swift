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
            let next = j + 1
            guard next >= end || strongStarts.contains(next) || t[next].inBrackets || ReleaseGroupParser.opensBracket(t[next].gap) else { continue }
            let digits = Array(w.utf8).map { Int($0) - 48 }
            let season = w.count == 3 ? digits[0] : digits[0] * 10 + digits[1]
            let episode = digits[digits.count - 2] * 10 + digits[digits.count - 1]
            guard season >= 1, season <= 19, episode >= 1 else { continue }
            return AttributeMatch(index: j, length: 1, meaning: .episode(EpisodeInfo(seasons: [season], episodes: [episode])), strong: true)
        }
        return nil
    }
}
