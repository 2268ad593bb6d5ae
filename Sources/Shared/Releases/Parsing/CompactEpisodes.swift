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
            if t[j].isNumber, [".", " ", "_"].contains(t[j].gap), let (season, episodes) = fiveDigits(w),
               j + 1 >= end || strongStarts.contains(j + 1) {
                return AttributeMatch(index: j, length: 1, meaning: .episode(EpisodeInfo(seasons: [season], episodes: episodes)), strong: true)
            }
            guard (3...4).contains(w.count), t[j].isNumber, !notEpisodes.contains(w), ReleaseYears.year(t[j]) == nil,
                  [".", " ", "_"].contains(t[j].gap) else { continue }
            // "One Piece 1098 [1080p]": four digits after a space are an anime's count from the series' start; scene names
            // dot their "Show.1013.720p".
            if w.utf8.count == 4, t[j].gap == " " { continue }
            guard let (season, first) = split(w) else { continue }
            var episodes = [first]
            var next = j + 1
            // "Show.103.104.720p": more episodes of the same season.
            while next < end, next - j < 10, t[next].gap == t[j].gap, t[next].lower.count == w.count,
                  let (s, e) = split(t[next].lower), s == season, e > episodes.last! { episodes.append(e); next += 1 }
            guard next >= end || strongStarts.contains(next) || t[next].inBrackets || ReleaseGroupParser.opensBracket(t[next].gap)
                || beforeEpisodeTitle(t, j, next) else { continue }
            return AttributeMatch(index: j, length: next - j, meaning: .episode(EpisodeInfo(seasons: [season], episodes: episodes)), strong: true)
        }
        return nil
    }

    /// "St_Series_209_Aids_And_Comfort" (seen in Sonarr's tests), "Show.Name.102.Source.Quality.Etc-Group" (SickChill's): a
    /// three-digit number joined by dots or underscores on both sides, before a word, as Sonarr's Parser.cs reads
    /// "103/113 naming". (A spaced "Show - 102 - Title" is not read so, nor four digits.)
    private static func beforeEpisodeTitle(_ t: [ReleaseToken], _ j: Int, _ next: Int) -> Bool {
        // (A word of two letters or more, no jargon: "UFC.179.PPV" is an event's number, "…desca202" a file's code.)
        guard next == j + 1, t[j].lower.utf8.count == 3, t[j].gap == "." || t[j].gap == "_", t[next].gap == t[j].gap,
              t[next].lower.utf8.count >= 2, t[next].lower.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return false }
        return VideoAttributes.match(t, at: next) == nil && EpisodePatterns.match(t, at: next) == nil
    }

    /// "Show.02.09.HDTV", "Show_11_06_HDTV", "Show [5.01] HDTV": the season and episode as two numbers joined by a dot
    /// or underscore, right before jargon, a bracket or the end (three numbers would be a date).
    static func pair(_ t: [ReleaseToken], in range: Range<Int>, end: Int, strongStarts: Set<Int>) -> AttributeMatch? {
        guard range.count >= 2 else { return nil }
        for j in (range.lowerBound + 1)..<range.upperBound where j + 1 < end {
            let a = t[j], b = t[j + 1]
            guard a.lower.utf8.count <= 2, b.lower.utf8.count == 2, b.gap == "." || b.gap == "_", let s = a.number, let e = b.number,
                  s > 0, s <= 30, e > 0, [".", "_", " ", " - "].contains(a.gap) || ReleaseGroupParser.opensBracket(a.gap), !t[j - 1].isNumber else { continue }
            let next = j + 2
            // ("My Little Pony FiM - 6.01 - No Second Prances", seen in TheBeastLT's tests: between spaced dashes, before the episode's title.)
            let dashed = a.gap == " - " && next < end && t[next].gap == " - "
            guard a.gap != " - " || dashed,
                  next >= end || strongStarts.contains(next) || t[next].inBrackets != a.inBrackets || ReleaseGroupParser.opensBracket(t[next].gap) || dashed
            else { continue }
            return AttributeMatch(index: j, length: 2, meaning: .episode(EpisodeInfo(seasons: [s], episodes: [e])), strong: true)
        }
        return nil
    }

    /// "30 Rock [2.10] Episode 210" (seen in tvnamer's tests), "Dragon Ball [5.134] Preliminary Peril" (TheBeastLT's): a square
    /// bracket that holds only a season and its episode, joined by a dot, whatever follows. (Not "[5.1]", nor "[2.39:1]".)
    static func bracketedPair(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard i > 0, i + 1 < t.count, t[i].inBrackets, t[i].gap.hasSuffix("["), t[i].lower.utf8.count <= 2, let s = t[i].number, s > 0, s <= 30,
              t[i + 1].gap == ".", t[i + 1].inBrackets, (2...3).contains(t[i + 1].lower.utf8.count), let e = t[i + 1].number, e > 0,
              i + 2 >= t.count || !t[i + 2].inBrackets || ReleaseGroupParser.opensBracket(t[i + 2].gap) else { return nil }
        return AttributeMatch(index: i, length: 2, meaning: .episode(EpisodeInfo(seasons: [s], episodes: [e])), strong: true)
    }

    /// "Series.10708.hdtv": five digits are one season and two episodes in a row (S01E07E08).
    private static func fiveDigits(_ w: String) -> (Int, [Int])? {
        guard w.utf8.count == 5, let n = Int(w) else { return nil }
        let (season, first, second) = (n / 10000, n / 100 % 100, n % 100)
        guard season >= 1, first >= 1, second == first + 1 else { return nil }
        return (season, [first, second])
    }

    /// "103" → (1, 3), "1013" → (10, 13); nil for episode 0 or seasons beyond 19.
    private static func split(_ w: String) -> (Int, Int)? {
        guard (3...4).contains(w.utf8.count), w.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), !notEpisodes.contains(w) else { return nil }
        let digits = Array(w.utf8).map { Int($0) - 48 }
        let season = w.count == 3 ? digits[0] : digits[0] * 10 + digits[1]
        let episode = digits[digits.count - 2] * 10 + digits[digits.count - 1]
        // Seasons past 19 only where the number cannot be a year, even a future one ("the.simpsons.2401", not "Blade.Runner.2049").
        guard season >= 1, season <= 19 || season <= 40 && !(1900...2100).contains(Int(w)!), episode >= 1 else { return nil }
        return (season, episode)
    }
}
