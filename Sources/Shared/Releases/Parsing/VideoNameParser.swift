import Foundation

/// Reads a movie or TV release name. The title is everything before the first unambiguous
/// piece of jargon (an episode marker, a resolution, a source, a codec...) or before the year
/// just ahead of it; words that could belong to a title ("Extended", "French", "Web") count as
/// attributes only after that point, and are trimmed when they trail the title.
enum VideoNameParser {
    static func parse(_ tokens: [ReleaseToken], name: String) -> ParsedRelease {
        var release = ParsedRelease()
        guard !tokens.isEmpty else { return release }
        let lead = ReleaseGroupParser.leading(tokens)
        let start = lead.titleStart
        let tail = ReleaseGroupParser.trailing(tokens, from: start)
        var scanEnd = tail?.firstIndex ?? tokens.count
        var matches = scan(tokens, from: start, to: scanEnd)

        // "Spider-Man" with nothing else is a title, not a title and a group.
        let yearIndex = findYear(tokens, from: start, before: firstStrong(matches) ?? scanEnd, matches: matches)
        if let tail, tail.hyphenated, matches.isEmpty, yearIndex == nil {
            scanEnd = tokens.count
            matches = scan(tokens, from: start, to: scanEnd)
        } else if let tail {
            // A fansub "[Group]" in front beats a trailing bracket tag; a "-GROUP" suffix beats both.
            release.group = tail.hyphenated ? tail.group : (lead.group ?? tail.group)
            // "Series - 1x05 - Title": a word after " - " is a group only when it follows release jargon.
            if tail.hyphenated, tokens[tail.firstIndex].gap.has(" "), !followsJargon(tokens, tail.firstIndex, matches) {
                release.group = nil
                scanEnd = tokens.count
                matches = scan(tokens, from: start, to: scanEnd)
            }
        }

        var titleEnd = min(firstStrong(matches) ?? scanEnd, yearIndex ?? scanEnd)
        if let yearIndex { release.year = tokens[yearIndex].number } else { release.year = lead.year }
        if !matches.contains(where: isEpisode), lead.group == nil,
           let compact = CompactEpisodes.match(tokens, in: start..<(firstStrong(matches) ?? scanEnd), end: scanEnd,
                                               strongStarts: Set(matches.filter(\.strong).map(\.index))) {
            // "Show.103.HDTV": before anime numbers, which fansub names ("[Group] ...") use instead.
            matches.append(compact)
            titleEnd = min(titleEnd, compact.index)
        } else if !matches.contains(where: isEpisode),
           let absolute = AbsoluteEpisodes.match(tokens, in: start..<(firstStrong(matches) ?? scanEnd),
                                                  fansub: lead.group != nil, end: scanEnd) {
            matches.append(absolute)
            titleEnd = min(titleEnd, absolute.index)
        } else if let season = matches.first(where: isSeasonOnly),
                  season.end < scanEnd,
                  let absolute = AbsoluteEpisodes.match(tokens, in: (season.end - 1)..<(season.end + 1), fansub: true, end: scanEnd) {
            // "[Group] Title S2 - 07": a season, then that season's absolute-style number.
            matches.append(absolute)
        }
        titleEnd = trimTrailingWords(tokens, matches, start: start, end: titleEnd)
        if release.year == nil {
            let episodic = matches.contains(where: isEpisode)
            release.year = laterYear(tokens, from: titleEnd, to: scanEnd, matches: matches, bracketedOnly: episodic)
        }

        for m in matches where m.index >= titleEnd {
            release.apply(m.meaning)
            if let ch = m.channels { release.apply(.channels(ch)) }
        }
        if release.group == nil { release.group = lead.group }
        release.title = title(tokens, name: name, from: start, to: titleEnd)
        finish(&release)
        return release
    }

    /// Every attribute from `from` to `to`, longest-first at each position, non-overlapping.
    static func scan(_ t: [ReleaseToken], from: Int, to: Int) -> [AttributeMatch] {
        var matches: [AttributeMatch] = []
        var i = from
        while i < to {
            // "Series 3 - 11" is the show "Series 3" (a "Season 3" folder, though, is a season).
            let seasonWordFirst = i == from && t[i].lower == "series"
            if !seasonWordFirst, let m = EpisodePatterns.match(t, at: i) ?? VideoAttributes.match(t, at: i), m.end <= to {
                matches.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return matches
    }

    static func firstStrong(_ matches: [AttributeMatch]) -> Int? { matches.first(where: \.strong)?.index }

    static func isSeasonOnly(_ m: AttributeMatch) -> Bool {
        if case let .episode(info) = m.meaning { return info.fullSeason && info.seasons.count == 1 }
        return false
    }

    static func isEpisode(_ m: AttributeMatch) -> Bool {
        if case .episode = m.meaning { return true }
        return false
    }

    /// The last plausible year between the title's first word and the first strong attribute:
    /// "2001.A.Space.Odyssey.1968" → 1968, "Blade.Runner.2049.2017" → 2017, "1917.1080p" → none.
    static func findYear(_ t: [ReleaseToken], from start: Int, before end: Int, matches: [AttributeMatch]) -> Int? {
        guard end > start + 1 else { return nil }
        for j in stride(from: end - 1, through: start + 1, by: -1) where ReleaseYears.year(t[j]) != nil {
            if !matches.contains(where: { $0.index <= j && j < $0.end }) { return j }
        }
        return nil
    }

    /// A year among the jargon after the title: "Title.1080p.2014.BluRay", "Title 1080p (2014)".
    /// Episodes only take a bracketed one: their later numbers are often episode titles.
    private static func laterYear(_ t: [ReleaseToken], from: Int, to: Int, matches: [AttributeMatch], bracketedOnly: Bool) -> Int? {
        guard from < to else { return nil }
        for j in from..<to where t[j].inBrackets || !bracketedOnly {
            if let y = ReleaseYears.year(t[j]), !matches.contains(where: { $0.index <= j && j < $0.end }) { return y }
        }
        return nil
    }

    /// Whether the token before `index` is release jargon (not an episode marker), a year or bracketed.
    private static func followsJargon(_ t: [ReleaseToken], _ index: Int, _ matches: [AttributeMatch]) -> Bool {
        guard index > 0 else { return false }
        let previous = index - 1
        if t[previous].inBrackets || ReleaseYears.year(t[previous]) != nil || SizeWords.isSize(t, at: previous) { return true }
        return matches.contains { $0.index <= previous && previous < $0.end && !isEpisode($0) }
    }

    /// Trailing title words that are really tags: "Amelie.FRENCH" → "Amelie", "Movie.EXTENDED" → "Movie".
    private static func trimTrailingWords(_ t: [ReleaseToken], _ matches: [AttributeMatch], start: Int, end: Int) -> Int {
        var end = end
        while end - 1 > start, let m = matches.last(where: { $0.end == end && $0.index < end }), m.index > start, isTrimmable(m, t) {
            end = m.index
        }
        // "Series - The Complete Series": an article cannot end a title.
        while end - 1 > start, ["the", "a", "an"].contains(t[end - 1].lower) { end -= 1 }
        return end
    }

    private static let trimmableNoise: Set<String> = ["internal", "limited", "readnfo", "nfofix", "subbed", "dubbed", "hc", "3d",
                                                       "hsbs", "sbs", "multisub", "multisubs", "hybrid", "retail", "festival", "ppv", "dl", "v2", "v3", "v4"]

    private static func isTrimmable(_ m: AttributeMatch, _ t: [ReleaseToken]) -> Bool {
        switch m.meaning {
        case .language, .edition, .proper, .repack, .real, .complete: return true
        case .noise: return trimmableNoise.contains(t[m.index].lower)
        default: return false
        }
    }

    private static func title(_ t: [ReleaseToken], name: String, from: Int, to: Int) -> String {
        TitleCleaner.text(t, in: name, from: from, to: to)
    }

    /// Derived facts: the kind of release, and SD for DVD sources that state no resolution.
    private static func finish(_ r: inout ParsedRelease) {
        if !r.absoluteEpisodes.isEmpty || !r.episodes.isEmpty { r.fullSeason = false }
        // Without a season, "E66" / "Episode 56" count from the start of the series, as anime numbers do.
        if r.seasons.isEmpty, r.absoluteEpisodes.isEmpty, !r.episodes.isEmpty, r.airDate == nil { r.absoluteEpisodes = r.episodes }
        if r.quality == .unknown, r.source == .dvd { r.quality = .p480 }
        if r.fullSeason || r.seasons.count > 1 { r.kind = .season }
        else if !r.episodes.isEmpty || !r.absoluteEpisodes.isEmpty || r.airDate != nil { r.kind = .episode }
        else if !r.seasons.isEmpty { r.kind = .season }
        if r.kind == .season, r.seasons.count > 1 { r.complete = true }
    }
}
