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
        var start = ExtrasMarkers.afterFilmNumber(tokens, from: lead.group != nil ? BracketTitles.afterMetadataBrackets(tokens, from: lead.titleStart) : lead.titleStart)
        if lead.group == nil { start = CollectionIndex.after(tokens, from: start) }
        let yearFirst = leadingYear(tokens, at: start, fansub: lead.group != nil)
        if yearFirst != nil { start += 1 }
        // "[DeadFish] 01 - Tari Tari [BD]", "003. Show Name - Ep Name": the episode's number first.
        let leadingEpisode = AbsoluteEpisodes.leading(tokens, at: start, fansub: lead.group != nil)
        if let leadingEpisode { start = leadingEpisode.end }
        if lead.group != nil, let layout = BracketTitles.layout(tokens, from: start) {
            return bracketed(tokens, name: name, lead: lead, layout: layout)
        }
        var (scanEnd, matches, group) = groupAndAttributes(tokens, start: start, lead: lead, spacedName: name.has(" "))
        // "[Grp] 中文标题 S2 / Show Name S2 - 05": a season marker that a translated title follows ends neither title.
        // (Only after a title in another script, and before words: "Show (2016/S01/WEB-DL/1080p)" keeps its season.)
        matches.removeAll { isSeasonOnly($0) && $0.index > start && $0.end < scanEnd && tokens[$0.end].gap == " / " && !tokens[$0.index].inBrackets
            && !DoubleTitles.isLatin(tokens[$0.index - 1].text) && VideoAttributes.match(tokens, at: $0.end) == nil && EpisodePatterns.match(tokens, at: $0.end) == nil }
        // "4x4.Ule.ja.Umber.Autoga.S01E09" (seen in scene-release-parser's tests): a cross that opens the name is the
        // title's when an SxxEyy marker follows.
        if let first = matches.first, first.index == start, first.length == 1, isEpisode(first), EpisodePatterns.crossSplit(tokens[start].lower) != nil,
           matches.dropFirst().contains(where: { isEpisode($0) && EpisodePatterns.splitSE(tokens[$0.index].lower).map { !$0.episodes.isEmpty } == true }) {
            matches.removeFirst()
        }
        if lead.group == nil, let first = matches.first(where: isEpisode), isFilmSeriesEpisode(tokens, first, matches) { matches.removeAll { $0.index == first.index } }
        release.group = group ?? lead.group ?? BracketGroups.inner(tokens, from: start, matches: matches)

        let yearIndex = findYear(tokens, from: start, before: firstStrong(matches) ?? scanEnd, matches: matches)
        var titleEnd = min(firstStrong(matches) ?? scanEnd, yearIndex ?? scanEnd)
        release.year = yearIndex.flatMap { tokens[$0].number } ?? lead.year ?? yearFirst
        // "The.Kennedys.Part.2", "Series and Show 2012 Part 1": a mini-series' part, unless a year follows it
        // ("Movie.Part.2.2011" is a film in parts).
        if yearIndex.map({ $0 + 1 < tokens.count && (["part", "pt"].contains(tokens[$0 + 1].lower) || isGluedPart(tokens[$0 + 1].lower)) }) ?? (release.year == nil),
           lead.group == nil, !matches.contains(where: isEpisode),
           let part = partEpisode(tokens, start: yearIndex.map { $0 } ?? start, end: min(firstStrong(matches) ?? scanEnd, scanEnd)) {
            matches.append(part)
            titleEnd = min(titleEnd, part.index)
        } else if leadingEpisode == nil, let numbered = bareEpisodeNumber(tokens, start: start, scanEnd: scanEnd, matches: matches,
                                                                            fansub: lead.group != nil, hasYear: release.year != nil) {
            matches.append(numbered.match)
            if numbered.endsTitle { titleEnd = min(titleEnd, numbered.match.index) }
        }
        if lead.group != nil, let tags = bracketedTagsStart(tokens, start: start, end: titleEnd) { titleEnd = tags }
        if let volume = volumeStart(tokens, start: start, end: titleEnd, fansub: lead.group != nil) {
            // The volume's number is no episode.
            matches.removeAll { isEpisode($0) && $0.index > volume && $0.index <= volume + 2 }
            titleEnd = volume
        }
        titleEnd = trimTrailingWords(tokens, matches, start: start, end: doubleDash(tokens, start: start, end: titleEnd) ?? titleEnd)
        if release.year == nil {
            release.year = laterYear(tokens, from: titleEnd, to: scanEnd, matches: matches, bracketedOnly: matches.contains(where: isEpisode))
        }
        if let leadingEpisode { release.apply(leadingEpisode.meaning) }
        if let jargon = lead.jargon {
            for m in scan(tokens, from: jargon.lowerBound, to: jargon.upperBound) { apply(m, to: &release) }
        }
        for m in labelsLast(matches, tokens) where m.index >= titleEnd { apply(m, to: &release) }
        let titleRange = SecondTitle.after(tokens, matches: matches, start: start, titleEnd: titleEnd) ?? start..<titleEnd
        release.title = TitleCleaner.articleFirst(AlternativeTitles.beforeAKA(AlternativeTitles.dropTrailing(DoubleTitles.pick(title(tokens, name: name, from: titleRange.lowerBound, to: titleRange.upperBound)))))
        if lead.group == nil, start > 0, isVarietyAirDate(tokens[start - 1]) { numberVarietyEpisode(&release) }
        finish(&release)
        if let unbracketed = titleInLeadingBracket(release, name: name, lead: lead) { return unbracketed }
        return release
    }

    /// "221205 Show Title #17", "221206 Show Title! ep08" (the Japanese variety layout Sonarr's Parser.cs names): a recording
    /// that opens with its air date (YYMMDD) numbers its episodes within the first season.
    private static func isVarietyAirDate(_ t: ReleaseToken) -> Bool {
        guard t.lower.utf8.count == 6, t.isNumber, !t.inBrackets, let n = t.number else { return false }
        return DailyDates.isValid(year: 2000 + n / 10000, month: n / 100 % 100, day: n % 100)
    }

    private static func numberVarietyEpisode(_ r: inout ParsedRelease) {
        guard r.seasons.isEmpty, r.episodes.isEmpty, r.absoluteEpisodes.count == 1, r.airDate == nil else { return }
        r.seasons = [1]
        r.season = 1
        r.episodes = r.absoluteEpisodes
        r.episode = r.episodes.first
    }

    /// "[Title Name][11][1080p]", "[Movie Title] (2010) [1080p]" (seen in jellyfin's tests): when the name holds no title
    /// words besides its leading bracket, that bracket is the title, not a group. Read again without its brackets.
    private static func titleInLeadingBracket(_ r: ParsedRelease, name: String, lead: ReleaseGroupParser.Leading) -> ParsedRelease? {
        // ("[BakeSubs] 86 - 01": a number is a title when an episode was found besides it.)
        guard lead.group != nil, !r.title.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) }),
              r.title.isEmpty || r.episodes.isEmpty && r.absoluteEpisodes.isEmpty && r.year == nil && r.airDate == nil,
              name.utf8.first == UInt8(ascii: "["), let close = name.firstIndex(of: "]") else { return nil }
        let inner = name[name.index(after: name.startIndex)..<close]
        guard !inner.has("["), inner.contains(where: \.isLetter) else { return nil }
        let unbracketed = String(inner) + " " + name[name.index(after: close)...]
        return parse(ReleaseTokenizer.tokenize(unbracketed), name: unbracketed)
    }

    /// "[Group][Title][05][1080p]": the title and episode brackets found by `BracketTitles`, jargon after the title.
    private static func bracketed(_ t: [ReleaseToken], name: String, lead: ReleaseGroupParser.Leading, layout: BracketTitles.Layout) -> ParsedRelease {
        var r = ParsedRelease()
        var layout = layout
        r.group = lead.group
        r.apply(layout.episode.meaning)
        // "[Grp][中文标题][Show Name S2][05]": the title bracket may end in its season.
        if layout.title.count > 1, let (season, episodes) = EpisodePatterns.splitSE(t[layout.title.upperBound - 1].lower), episodes.isEmpty, season > 0 {
            r.seasons = [season]
            r.season = season
            layout.title = layout.title.lowerBound..<(layout.title.upperBound - 1)
        }
        let episode = layout.episode.index..<layout.episode.end
        for m in scan(t, from: layout.title.upperBound, to: t.count) where !episode.contains(m.index) {
            r.apply(m.meaning)
            if let ch = m.channels { r.apply(.channels(ch)) }
        }
        r.year = (layout.title.upperBound..<t.count).lazy.filter { !episode.contains($0) }.compactMap { ReleaseYears.year(t[$0]) }.first
        r.title = DoubleTitles.pick(title(t, name: name, from: layout.title.lowerBound, to: layout.title.upperBound))
        finish(&r)
        return r
    }

    /// Finds the trailing group and scans the attributes before it. A "-GROUP" that turns out not
    /// to be one ("Spider-Man" alone; "Series - 1x05 - Title") goes back to the name, scanned again.
    private static func groupAndAttributes(_ tokens: [ReleaseToken], start: Int, lead: ReleaseGroupParser.Leading, spacedName: Bool)
        -> (scanEnd: Int, matches: [AttributeMatch], group: String?) {
        guard let tail = ReleaseGroupParser.trailing(tokens, from: start) else {
            let matches = scan(tokens, from: start, to: tokens.count)
            if let last = tokens.indices.last, let group = unhyphenatedGroup(tokens, at: last, start: start, matches: matches, fansub: lead.group != nil) {
                return (last, matches, group)
            }
            if lead.group == nil, let (index, group) = BracketGroups.trailing(tokens, start: start, matches: matches)
                ?? BracketGroups.signedBy(tokens, start: start, matches: matches) {
                return (index, matches, group)
            }
            return (tokens.count, matches, nil)
        }
        let matches = scan(tokens, from: start, to: tail.firstIndex) + (tail.detailsAfter.map { scan(tokens, from: $0.lowerBound, to: $0.upperBound) } ?? [])
        guard tail.hyphenated else {
            // "x264.HDBRiSe.[sharethefiles.com]": with the site tag dropped, a word after the jargon may be the group.
            if tail.group == nil, lead.group == nil, tail.firstIndex >= 1,
               let group = unhyphenatedGroup(tokens, at: tail.firstIndex - 1, start: start, matches: matches, fansub: false) {
                return (tail.firstIndex - 1, matches.filter { $0.end < tail.firstIndex }, group)
            }
            // A fansub "[Group]" in front beats a trailing bracket tag.
            return (tail.firstIndex, matches, lead.group ?? tail.group)
        }
        let yearIndex = findYear(tokens, from: start, before: firstStrong(matches) ?? tail.firstIndex, matches: matches)
        let bare = matches.isEmpty && yearIndex == nil
        // (".-." reads as " - ", but a dotted name's ".-.GROUP" is its group: only a name with spaces has episode titles there.)
        let spacedAfterTitle = spacedName && tokens[tail.firstIndex].gap.has(" ") && !followsJargon(tokens, tail.firstIndex, matches)
        if bare || spacedAfterTitle { return (tokens.count, scan(tokens, from: start, to: tokens.count), nil) }
        return (tail.firstIndex, matches, tail.group)
    }

    /// "2010 - Movie Title 1080p" (the year-first folder layout Radarr's Parser.cs names): a year, a spaced dash, then words
    /// with no year of their own. ("1883 - S01E01" and "2012 - 1080p" keep their number as the title.)
    private static func leadingYear(_ t: [ReleaseToken], at i: Int, fansub: Bool) -> Int? {
        if !fansub, let year = yearBeforeWords(t, at: i) { return year }
        guard i + 2 < t.count, t[i + 1].gap == " - ", !t[i].inBrackets, let year = ReleaseYears.year(t[i]), !t[i + 1].isNumber,
              EpisodePatterns.match(t, at: i + 1) == nil, VideoAttributes.match(t, at: i + 1) == nil,
              !t[(i + 1)...].contains(where: { ReleaseYears.year($0) != nil }) else { return nil }
        return year
    }

    /// "Star.Wars.Episode.7.The.Force.Awakens.2015.1080p" (seen in ProfChaos/torrent-name-parser's tests): "Episode N", then
    /// the part's own title and the year, names a film of a series (as "Episode VII" already reads); a TV episode puts no
    /// year after its episode's title.
    private static func isFilmSeriesEpisode(_ t: [ReleaseToken], _ m: AttributeMatch, _ matches: [AttributeMatch]) -> Bool {
        guard m.length == 2, t[m.index].lower == "episode", m.end + 1 < t.count, isPlainWord(t, m.end),
              matches.filter(isEpisode).count == 1 else { return false }
        let nextStrong = matches.first(where: { $0.index > m.index && $0.strong })?.index ?? t.count
        return (m.end + 1..<nextStrong).contains { ReleaseYears.year(t[$0]) != nil }
    }

    /// "2009.shoot.fruit.chan.multi.dvd9.pal" (guessit's tests), "2008 The Incredible Hulk Feature Film.mp4" (TheBeastLT's
    /// parse-torrent-title): a year that opens the name before two or more words, with no other year in the name, dates it.
    /// ("1923.S01E01", "2012.2009.720p", "2001.A.Space.Odyssey.1968", "2020.A.Late.Talk.Show.2012.16.02" keep it as the title.)
    private static func yearBeforeWords(_ t: [ReleaseToken], at i: Int) -> Int? {
        guard i + 2 < t.count, let year = ReleaseYears.year(t[i]), !t[i].inBrackets, [".", " ", "_"].contains(t[i + 1].gap), t[i + 2].gap == t[i + 1].gap,
              isPlainWord(t, i + 1), isPlainWord(t, i + 2), !t[(i + 1)...].contains(where: { ReleaseYears.year($0) != nil }) else { return nil }
        return year
    }

    /// A word of letters that reads as no attribute or episode marker.
    private static func isPlainWord(_ t: [ReleaseToken], _ i: Int) -> Bool {
        guard !t[i].isNumber, !t[i].inBrackets, t[i].lower.utf8.contains(where: { $0 >= 97 && $0 <= 122 || $0 >= 0x80 }) else { return false }
        return EpisodePatterns.match(t, at: i) == nil && VideoAttributes.match(t, at: i) == nil
    }

    /// "OSS_117--Cairo,_Nest_of_Spies": a double hyphen ends the title; an alternative title or the episode's follows.
    private static func doubleDash(_ t: [ReleaseToken], start: Int, end: Int) -> Int? {
        guard end - start >= 2 else { return nil }
        return (start + 1..<end).first { k in
            let gap = t[k].gap.utf8
            return gap.count >= 2 && gap.count <= 4 && gap.filter({ $0 == UInt8(ascii: "-") }).count == 2 && !t[k].inBrackets
                && gap.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == 32 }
        }
    }

    /// "Part01", "Part2": a part number glued to its word.
    private static func isGluedPart(_ w: String) -> Bool {
        w.hasPrefix("part") && w.utf8.count <= 6 && w.utf8.count > 4 && Int(w.dropFirst(4)) != nil
    }

    /// Mini-series without a year: "The.Kennedys.Part.2.DSR" is season 1, episode 2 ("Part Two", "Part II" too).
    private static func partEpisode(_ t: [ReleaseToken], start: Int, end: Int) -> AttributeMatch? {
        guard end > start + 1 else { return nil }
        for i in (start + 1)..<end {
            // "Part01" in one word
            if t[i].lower.hasPrefix("part"), t[i].lower.count <= 6, let n = Int(t[i].lower.dropFirst(4)), n > 0, t[i].lower.count > 4 {
                return AttributeMatch(index: i, length: 1, meaning: .episode(EpisodeInfo(seasons: [1], episodes: [n])), strong: true)
            }
            guard t[i].lower == "part" || t[i].lower == "pt", i + 1 < end else { continue }
            let next = t[i + 1]
            let n = next.number.flatMap { next.lower.count <= 2 ? $0 : nil } ?? EpisodePatterns.numberWord(next.lower)
            guard let n, n > 0 else { continue }
            if let (episodes, length) = morePartsAfter(t, i + 2, first: n, end: end) {
                return AttributeMatch(index: i, length: 2 + length, meaning: .episode(EpisodeInfo(seasons: [1], episodes: episodes)), strong: true)
            }
            return AttributeMatch(index: i, length: 2, meaning: .episode(EpisodeInfo(seasons: [1], episodes: [n])), strong: true)
        }
        return nil
    }

    /// "Part 1 and Part 2", "part 1 to part 3", "part 1 to 4" (seen in tvnamer's, SickChill's and Medusa's tests): more parts,
    /// listed or as a range; the episodes and the tokens they took after the first part.
    private static func morePartsAfter(_ t: [ReleaseToken], _ k: Int, first: Int, end: Int) -> ([Int], Int)? {
        guard k + 1 < end, t[k].lower == "and" || t[k].lower == "to" || t[k].gap.has("&") && t[k].isNumber else { return nil }
        var j = t[k].isNumber ? k : k + 1
        if j + 1 < end, t[j].lower == "part" || t[j].lower == "pt" { j += 1 }
        guard j < end, let m = t[j].number, t[j].lower.utf8.count <= 2, m > first, m - first < 50 else { return nil }
        return (t[k].lower == "to" ? Array(first...m) : [first, m], j - k + 1)
    }

    /// "Movie 2010 1080p BluRay x264 COLLECTiVE", "Movie (2019) (1080p BluRay x265 10bit AAC 7.1 Tigole)":
    /// a movie's last word right after the codec or audio, without a hyphen, is the group when it
    /// is no jargon of its own. Episode names ("S01E14 HDTV XviD LOL") keep no such group.
    private static func unhyphenatedGroup(_ t: [ReleaseToken], at last: Int, start: Int, matches: [AttributeMatch], fansub: Bool) -> String? {
        // "After.the.Storm.2016.720p.YIFY", "HDRip.1.46Gb.Dub.MegaPeer", "WEB-DL.DUAL.[Dublado].RK": after any jargon
        // once a strong attribute was seen, or right after a closing bracket.
        guard last > start + 1 else { return nil }
        // "x264.NLSubs.GRP": a track tag between the jargon and the group is jargon too.
        let jargonEnd = ReleaseGroupParser.isTrackTag(t[last - 1].lower) && t[last - 1].gap == t[last].gap ? last - 1 : last
        let afterJargon = matches.last.map { $0.end == jargonEnd && !isEpisode($0) && (isCodecOrAudio($0) || matches.contains(where: \.strong) && !isNoise($0)) } ?? false
        let afterBracket = !fansub && t[last - 1].inBrackets && !t[last].inBrackets && matches.contains(where: \.strong)
        // "[LoliHouse] Title - 01 [WebRip 1080p HEVC-10bit AAC SRTx2]": the fansub in front made it; its details bracket names no group.
        if fansub, t[last].inBrackets { return nil }
        if ReleaseGroupParser.isTrackTag(t[last].lower) { return nil }
        // Sonarr: "Series 2009 S01E14 English HDTV XviD LOL" keeps no group; a dotted episode name does.
        // (An underscore is a space here: "x264_AC3_TiTAN" is "x264 AC3 TiTAN".)
        guard afterJargon || afterBracket || SizeWords.isSize(t, at: last - 1), !matches.contains(where: isEpisode) || t[last].gap != " " && t[last].gap != "_",
              t[last].gap == " " || t[last].gap == "." || t[last].gap == "_" || afterBracket, !t[last].isNumber, t[last].lower.count >= 2,
              !ReleaseGroupParser.notGroups.contains(t[last].lower), ReleaseYears.year(t[last]) == nil,
              VideoAttributes.match(t, at: last) == nil, EpisodePatterns.match(t, at: last) == nil,
              MusicAttributes.formats[t[last].lower] == nil, !["mkv", "mp4", "avi", "m4v", "ts", "wmv"].contains(t[last].lower)
        else { return nil }
        return t[last].text
    }

    private static func apply(_ m: AttributeMatch, to release: inout ParsedRelease) {
        release.apply(m.meaning)
        if let ch = m.channels { release.apply(.channels(ch)) }
    }

    /// "4K.BluRay.Remux.1080p", "UHD.BD66": a stated line count beats the "4K"/"UHD" label (an upscale, a disc
    /// name), so the labels are applied last (the first resolution applied wins).
    private static func labelsLast(_ matches: [AttributeMatch], _ t: [ReleaseToken]) -> [AttributeMatch] {
        func isLabel(_ m: AttributeMatch) -> Bool {
            guard case .resolution = m.meaning else { return false }
            return ["4k", "uhd", "8k"].contains(t[m.index].lower)
        }
        guard matches.contains(where: isLabel) else { return matches }
        return matches.filter { !isLabel($0) } + matches.filter(isLabel)
    }

    private static func isNoise(_ m: AttributeMatch) -> Bool {
        if case .noise = m.meaning { return true }
        return false
    }

    private static func isCodecOrAudio(_ m: AttributeMatch) -> Bool {
        switch m.meaning {
        case .codec, .audio, .channels, .hdr: return true
        default: return m.channels != nil
        }
    }

    /// Episode numbers without S/E letters, when no marker was found: "Show.103.HDTV" (scene),
    /// "[Group] Title - 07" (anime), or "[Group] Title S2 - 07" (a season, then its number).
    private static func bareEpisodeNumber(_ tokens: [ReleaseToken], start: Int, scanEnd: Int, matches: [AttributeMatch],
                                          fansub: Bool, hasYear: Bool) -> (match: AttributeMatch, endsTitle: Bool)? {
        let titleZone = start..<(firstStrong(matches) ?? scanEnd)
        if !matches.contains(where: isEpisode) {
            // "Title 484 VOSTFR": French fansubs put the episode's number right before the subtitle tag.
            if let j = (start + 1..<max(start + 1, scanEnd - 1)).first(where: { tokens[$0 + 1].lower == "vostfr" && tokens[$0].isNumber
                && (2...4).contains(tokens[$0].lower.utf8.count) && ReleaseYears.year(tokens[$0]) == nil }), let n = tokens[j].number {
                return (AttributeMatch(index: j, length: 1, meaning: .episode(EpisodeInfo(absolute: [n])), strong: true), true)
            }
            // "Series Title 2018 06 720p": a two-digit number between the year and the jargon is the episode.
            if let fs = firstStrong(matches), fs - 2 > start, tokens[fs - 1].isNumber, tokens[fs - 1].lower.utf8.count == 2,
               tokens[fs - 1].gap == tokens[fs - 2].gap, ReleaseYears.year(tokens[fs - 2]) != nil, let n = tokens[fs - 1].number, n > 0 {
                return (AttributeMatch(index: fs - 1, length: 1, meaning: .episode(EpisodeInfo(absolute: [n])), strong: true), true)
            }
            // Fansub names number episodes from the series start, never 103 = S01E03.
            let strongStarts = Set(matches.filter(\.strong).map(\.index))
            if !fansub, let compact = CompactEpisodes.match(tokens, in: titleZone, end: scanEnd, strongStarts: strongStarts)
                ?? CompactEpisodes.pair(tokens, in: titleZone, end: scanEnd, strongStarts: strongStarts) {
                return (compact, true)
            }
            let scene = hasYear || fansub ? nil : AbsoluteEpisodes.sceneNumber(tokens, in: titleZone) ?? AbsoluteEpisodes.paddedNumber(tokens, in: titleZone)
            return (AbsoluteEpisodes.match(tokens, in: titleZone, fansub: fansub, end: scanEnd) ?? scene
                ?? bracketedNumber(tokens, in: titleZone)).map { ($0, true) }
        }
        // "Show.Name.101.Event.2010.11.23.HDTV" (seen in guessit's and Medusa's tests): a compact number before the episode's
        // title, with its air date after it; the number is the season and episode.
        if !fansub, matches.allSatisfy({ !isEpisode($0) || isAirDate($0) }), let date = matches.first(where: isAirDate), date.index - 1 > start,
           let compact = CompactEpisodes.match(tokens, in: start..<date.index, end: date.index, strongStarts: [date.index]) {
            return (compact, true)
        }
        // "[Grp] Title - 12 (S01E12) - (WEB 1080p)": a fansub's number right before its bracketed marker is the absolute one.
        // "[Grp] Title 012 (S01E12)", "[Grp] Title 012 - S01E12": a zero-padded number right before the marker is too.
        if fansub, let marked = matches.first(where: { isEpisode($0) && !isSeasonOnly($0) }), marked.index - 1 > start,
           let n = tokens[marked.index - 1].number, ReleaseYears.year(tokens[marked.index - 1]) == nil,
           tokens[marked.index].inBrackets && ReleaseGroupParser.opensBracket(tokens[marked.index].gap) && tokens[marked.index - 1].gap == " - "
            || tokens[marked.index - 1].lower.hasPrefix("0") && tokens[marked.index - 1].lower.utf8.count == 3 && !tokens[marked.index - 1].inBrackets
                && [" (", " [", " - ", " + "].contains(tokens[marked.index].gap) {
            return (AttributeMatch(index: marked.index - 1, length: 1, meaning: .episode(EpisodeInfo(absolute: [n])), strong: true), true)
        }
        // "Show Name 313-315 s16e03-05" (seen in Medusa's tests): a range of absolute numbers right before a marker with as
        // many episodes. (A lone number there may be the title's: "The.100.S04E13".)
        if let marked = matches.first(where: { isEpisode($0) && !isSeasonOnly($0) }), marked.index - 2 > start,
           case let .episode(info) = marked.meaning, info.episodes.count > 1, tokens[marked.index - 1].gap == "-",
           let a = tokens[marked.index - 2].number, let b = tokens[marked.index - 1].number, b - a + 1 == info.episodes.count,
           a >= info.episodes[0], ReleaseYears.year(tokens[marked.index - 2]) == nil, !tokens[marked.index - 2].inBrackets {
            return (AttributeMatch(index: marked.index - 2, length: 2, meaning: .episode(EpisodeInfo(absolute: Array(a...b))), strong: true), true)
        }
        // "Series - S01E01-02 - 001-002 - Title", "Show S10E14 214": the absolute number after the episode marker.
        if let marked = matches.first(where: { isEpisode($0) && !isSeasonOnly($0) }), marked.end < scanEnd,
           !CompactEpisodes.notEpisodes.contains(tokens[marked.end].lower),   // "S01E05.720.HDTV": a resolution
           !DailyDates.isAirTime(tokens, after: marked),   // "1954-01-23 05 00 00": Plex DVR's recording time
           let absolute = AbsoluteEpisodes.match(tokens, in: (marked.end - 1)..<(marked.end + 1), fansub: true, end: scanEnd)
            // "S01E01-02 (001-002)", "s10e15(233)": in brackets right after the marker.
            ?? (tokens[marked.end].inBrackets ? bracketedNumber(tokens, in: marked.end..<(marked.end + 1)) : nil) {
            // "Серии 1-6 (6)": after a range of episodes, one number alone counts them.
            if case let .episode(marker) = marked.meaning, marker.episodes.count > 1, case let .episode(found) = absolute.meaning,
               found.absolute.count == 1, found.absolute[0] == marker.episodes.count { return nil }
            return (absolute, false)
        }
        guard let season = matches.first(where: isSeasonOnly), season.end < scanEnd else { return nil }
        // "Fruits Basket S2 (2019) - 11 (720p)" (seen in parse-torrent-title's tests): the year may sit between them, bracketed.
        let after = tokens[season.end].inBrackets && ReleaseYears.year(tokens[season.end]) != nil && season.end + 1 < scanEnd
            && tokens[season.end + 1].gap.hasSuffix(" - ") ? season.end + 1 : season.end
        return (AbsoluteEpisodes.match(tokens, in: (after - 1)..<(after + 1), fansub: true, end: scanEnd)
            ?? bracketedNumber(tokens, in: after..<(after + 1))).map { ($0, false) }
    }

    /// "Series_Title_2_[01]_[AniLibria_TV]", "Title S2 [05][1080p]": a bracket holding only the episode's number.
    private static func bracketedNumber(_ t: [ReleaseToken], in zone: Range<Int>) -> AttributeMatch? {
        var j = max(zone.lowerBound, 1)
        while j < min(zone.upperBound + 1, t.count) {
            if t[j].inBrackets, ReleaseGroupParser.opensBracket(t[j].gap) {
                var e = j + 1
                while e < t.count, e - j < 4, t[e].inBrackets, !ReleaseGroupParser.opensBracket(t[e].gap) { e += 1 }
                if let m = BracketTitles.episodeRun(t, j..<e) { return m }
                j = e
            } else { j += 1 }
        }
        return nil
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

    static func isAirDate(_ m: AttributeMatch) -> Bool {
        if case let .episode(info) = m.meaning { return info.airDate != nil }
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
            if !matches.contains(where: { $0.index <= j && j < $0.end }) {
                // "Collection 1999-2003": a range of years starts at its first.
                if j - 1 > start, t[j].gap == "-", ReleaseYears.year(t[j - 1]) != nil { return j - 1 }
                return j
            }
        }
        return nil
    }

    /// A year among the jargon after the title: "Title.1080p.2014.BluRay", "Title 1080p (2014)".
    /// Episodes only take a bracketed one: their later numbers are often episode titles.
    private static func laterYear(_ t: [ReleaseToken], from: Int, to: Int, matches: [AttributeMatch], bracketedOnly: Bool) -> Int? {
        guard from < to else { return nil }
        for j in from..<to where t[j].inBrackets || !bracketedOnly || followedByStrongJargon(t, j, end: to, matches) {
            if let y = ReleaseYears.year(t[j]), !matches.contains(where: { $0.index <= j && j < $0.end }) { return y }
        }
        return nil
    }

    /// "Show.Name.S01E01.2008.BluRay", "Show.Name.S03.2005.720p", "Show.Name.E02.2010" (seen in Medusa's tests): a year right
    /// after the marker and before a source, a resolution or the end dates the release rather than titling the episode.
    private static func followedByStrongJargon(_ t: [ReleaseToken], _ j: Int, end: Int, _ matches: [AttributeMatch]) -> Bool {
        guard j > 0, t[j].lower.utf8.count == 4, matches.contains(where: { $0.end == j && isEpisode($0) }) else { return false }
        // ("Show.Name.E02.2010": or the name's last word before its group or tags.)
        return j + 1 >= end || matches.contains { $0.index == j + 1 && $0.strong && !isEpisode($0) }
    }

    /// Whether the token before `index` is release jargon (not an episode marker), a year or bracketed.
    private static func followsJargon(_ t: [ReleaseToken], _ index: Int, _ matches: [AttributeMatch]) -> Bool {
        guard index > 0 else { return false }
        let previous = index - 1
        // "Series - [01x01] - Title": a bracketed episode marker is followed by its title, not a group.
        if matches.contains(where: { $0.index <= previous && previous < $0.end && isEpisode($0) }) { return false }
        if t[previous].inBrackets || ReleaseYears.year(t[previous]) != nil || SizeWords.isSize(t, at: previous) { return true }
        return matches.contains { $0.index <= previous && previous < $0.end && !isEpisode($0) }
    }

    /// Trailing title words that are really tags: "Amelie.FRENCH" → "Amelie", "Movie.EXTENDED" → "Movie".
    private static func trimTrailingWords(_ t: [ReleaseToken], _ matches: [AttributeMatch], start: Int, end: Int) -> Int {
        var end = end
        while end - 1 > start, let m = matches.last(where: { $0.end == end && $0.index < end }), m.index > start, isTrimmable(m, t) {
            // "The.German.2019": a word right after an article is the title's noun.
            if case .language = m.meaning, ["the", "a", "an"].contains(t[m.index - 1].lower) { break }
            // "The.Good.German.2006.GERMAN": the release's language is stated again later.
            if case .language = m.meaning, t[(m.end)...].contains(where: { $0.lower == t[m.index].lower }) { break }
            if case .language = m.meaning, TitleLanguageWords.isTitleWord(t, at: m.index, matches: matches) { break }
            end = m.index
            // "Sweet.Home.Alabama.SCREENER.Line.Dubbed", "Title.SPECIAL.EXTENDED.EDITION.2001" (seen in scene-release-parser's
            // tests): German scene's "Line Dubbed" and an edition's first word go with the tag.
            if end - 1 > start, t[end - 1].lower == "line", t[end].lower == "dubbed" || t[end].lower == "dub" { end -= 1 }
            if end - 1 > start, case .edition = m.meaning, editionLeads.contains(t[end - 1].lower) { end -= 1 }
        }
        // "Crouching.Tiger.Hidden.Dragon.UHD.mkv" (seen in jellyfin's tests): a picture label that ends the name is no title word.
        if end == t.count, end - 1 > start, ["uhd", "ultrahd", "4k"].contains(t[end - 1].lower) { end -= 1 }
        while end - 1 > start, t[end - 1].inBrackets, ReleaseGroupParser.opensBracket(t[end - 1].gap), bracketKindTags.contains(t[end - 1].lower),
              end == t.count || !t[end].inBrackets || ReleaseGroupParser.opensBracket(t[end].gap) { end -= 1 }
        // "Aliens.SE.1986", "Title.PAL.Multi.DVD-R", "Star Trek DS9 Ep 2x03": capitalised tags and a dangling "Ep".
        // "Series.Title.Part.1.of.6": a dangling "Part", "Pt" or "Episode" before the number read as the episode.
        while end - 1 > start, upperCaseTags.contains(t[end - 1].text) || t[end - 1].lower == "ep"
                || danglingEpisodeWords.contains(t[end - 1].lower) && end < t.count && t[end].isNumber { end -= 1 }
        // "Series - The Complete Series": an article cannot end a title ("L.A." is an acronym, though; "Plan A",
        // "Athlete A": a lone capital A is a letter).
        while end - 1 > start, ["the", "an"].contains(t[end - 1].lower) || t[end - 1].text == "a", !t[end - 1].gap.has(","),   // "Simpsons, The"
              !(t[end - 1].dotJoined && t[end - 2].lower.count == 1 && t[end - 1].lower.count == 1) { end -= 1 }
        return end
    }

    private static let danglingEpisodeWords: Set<String> = ["part", "pt", "episode"]

    /// Words that open an edition's name before the edition words themselves ("Special Extended Edition").
    private static let editionLeads: Set<String> = ["special", "ultimate", "collectors", "directors", "final", "theatrical", "extended"]

    /// "[Grp] Title - Vol.1 [BD]", "[Grp] Title Vol.1&2 (BD 1080p)": a fansub's disc volume ends the title, as does a
    /// volume after a spaced dash. (A film's "Kill Bill Vol. 1" keeps it.)
    private static func volumeStart(_ t: [ReleaseToken], start: Int, end: Int, fansub: Bool) -> Int? {
        // ("[Grp] Title - Vol.05": the volume's number may be where the title was cut.)
        guard end - start >= 2 else { return nil }
        for i in (start + 1)..<end where t[i].lower.utf8.first == UInt8(ascii: "v") && (t[i].lower == "vol" || t[i].lower == "volume") {
            guard i + 1 < t.count, let first = t[i + 1].lower.utf8.first, first >= 48, first <= 57 else { continue }
            if fansub || t[i].gap == " - " || t[i].gap == "_-_" { return i }
        }
        return nil
    }

    /// "[JySzE] Naruto [v2] [R2J] [VFR] [Dual Audio] [Complete] [Extras] [x264]" (seen in parse-torrent-title's tests): in a
    /// fansub's name, a run of spaced brackets after the title's words is its tags, whatever they hold.
    private static func bracketedTagsStart(_ t: [ReleaseToken], start: Int, end: Int) -> Int? {
        guard end - start >= 3, end <= t.count, t[end - 1].inBrackets, !t[start].inBrackets else { return nil }
        guard let first = (start + 1..<end).first(where: { t[$0].inBrackets && t[$0].gap.hasSuffix(" [") && !t[$0 - 1].inBrackets }),
              (first..<end).allSatisfy({ t[$0].inBrackets }), (first + 1..<end).contains(where: { t[$0].gap.hasSuffix(" [") }) else { return nil }
        return first
    }

    /// "Title (TV) - 02": a bracket holding only a tag that says what kind of release it is.
    private static let bracketKindTags: Set<String> = ["tv", "ova", "ona", "oad", "oav", "raw", "uncensored", "uncut"]

    /// Tags that are words too ("Pay.Pal", "Mr.Se"): trimmed only as written in capitals.
    private static let upperCaseTags: Set<String> = ["SE", "OM", "PAL", "NTSC", "SECAM", "XXX", "VO", "OV"]

    private static let trimmableNoise: Set<String> = ["ac3d", "ld", "md", "doku", "hdlight", "upscaled", "dubbed", "internal", "limited", "readnfo", "nfofix", "subbed", "dubbed", "hc", "3d",
                                                       "hsbs", "sbs", "multisub", "multisubs", "hybrid", "retail", "festival", "ppv", "dl", "v2", "v3", "v4",
                                                       "hq", "docu", "custom", "colorized", "stv", "ws", "dual", "convert", "ova", "ona", "oad", "oav"]

    private static func isTrimmable(_ m: AttributeMatch, _ t: [ReleaseToken]) -> Bool {
        switch m.meaning {
        case .language, .edition, .proper, .repack, .real, .complete, .hdr: return true
        // "Simply Red 2016", "Big.Red.2016": a service's code written as a title's word (capital, then lower case) is
        // the title's; scene names write "RED", "AMZN", "NF".
        case .service: return !t[m.index].text.utf8.dropFirst().contains { $0 >= 97 && $0 <= 122 }
        case .noise: return trimmableNoise.contains(t[m.index].lower)
        // "Title [BD][720p]", "Title (DVD)": a bracketed source word is a tag, whatever its strength.
        case let .source(_, tag): return t[m.index].inBrackets || tag == "Screener" || tag == "SCR"   // "Title.LIMITED.SCREENER.XviD"
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
        if r.seasons.isEmpty, r.absoluteEpisodes.isEmpty, !r.episodes.isEmpty { r.absoluteEpisodes = r.episodes }
        // "[Grp] Title S2 - 11", "Title 2nd Season - 12": Sonarr counts a fansub's number from the series' start, guessit,
        // parse-torrent-title and SABnzbd within the season the marker names; the number is kept as both.
        if r.seasons.count == 1, r.episodes.isEmpty, !r.absoluteEpisodes.isEmpty, r.airDate == nil {
            r.episodes = r.absoluteEpisodes
            r.episode = r.episodes.first
        }
        if r.quality == .unknown, r.source == .dvd { r.quality = .p480 }
        // "AMZN.DDP5.1.x264": a streaming service's tag without "WEB" is still a web download.
        if r.source == .unknown, r.streamingService != nil { r.source = .webdl; r.sourceTag = "WEB-DL" }
        // "Show 2014 11 10": a daily episode's air date dates the release.
        if r.year == nil, let date = r.airDate, let y = Int(date.prefix(4)) { r.year = y }
        // "S2013E14", "MotoGP.2016x03": a season numbered by its year dates the release too.
        if r.year == nil, let season = r.season, ReleaseYears.isPlausible(season) { r.year = season }
        if r.fullSeason || r.seasons.count > 1 { r.kind = .season }
        else if !r.episodes.isEmpty || !r.absoluteEpisodes.isEmpty || r.airDate != nil { r.kind = .episode }
        else if !r.seasons.isEmpty { r.kind = .season }
        if r.kind == .season, r.seasons.count > 1 { r.complete = true }
    }
}
