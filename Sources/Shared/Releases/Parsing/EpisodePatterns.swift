import Foundation

/// Season and episode notations: S01E02, S01E01E02, S01E01-E03, S01E01-03, S01 E01, 1x02,
/// "Season 1 Episode 2", season packs (S01, S01-S03, "Season 1", "Seasons 1-3"), E05/Ep05 and
/// daily dates (2024.03.15). Anime absolute numbers need the title's context and live in
/// `AbsoluteEpisodes`.
enum EpisodePatterns {
    /// The largest numbers accepted, so that "S2024E1" style garbage or 6-digit runs are not episodes.
    static let maxSeason = 2100
    static let maxEpisode = 99999

    static func match(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard let first = t[i].lower.utf8.first else { return nil }
        let digit = first >= 48 && first <= 57
        if first == UInt8(ascii: "s"), let m = seasonEpisode(t, at: i) ?? bracketedEpisodes(t, at: i) { return m }
        if digit, let m = crossNotation(t, at: i) ?? ofNotation(t, at: i) ?? spacedOf(t, at: i) ?? iTunesNumber(t, at: i)
            ?? CompactEpisodes.bracketedPair(t, at: i) { return m }
        if let m = seasonWord(t, at: i) ?? gluedSeasonWord(t, at: i) { return m }
        if first == UInt8(ascii: "e"), let m = episodeOnly(t, at: i) { return m }
        if let m = ForeignEpisodes.match(t, at: i, first: first) { return m }
        return digit ? DailyDates.match(t, at: i) : DailyDates.monthFirst(t, at: i)
    }

    /// "1-05 Title (HD)", "11-02 Title", "4-12 - The Woman" (seen in jellyfin's tests): iTunes files open with the season, a hyphen and the two-digit episode,
    /// then the episode's title. (A zero-padded "01-12 Title" is a range of episodes.)
    private static func iTunesNumber(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard i == 0, t.count > 2, let season = t[0].number, t[0].lower.utf8.count <= 2, t[0].lower.utf8.first != UInt8(ascii: "0"),
              t[1].gap == "-", t[1].lower.utf8.count == 2, let episode = t[1].number, [" ", ". ", "_", ".", " - "].contains(t[2].gap), !t[2].isNumber, season > 0 else { return nil }
        return AttributeMatch(index: 0, length: 2, meaning: .episode(EpisodeInfo(seasons: [season], episodes: [episode])), strong: true)
    }

    // MARK: S01E02 and friends

    private static let seasonExtras: Set<String> = ["extras", "bonus", "specials", "featurettes"]

    /// Splits "s01e02e03" into [1] and [2, 3]; "s01" into [1] and [].
    static func splitSE(_ w: String) -> (season: Int, episodes: [Int])? {
        // Cheap refusal before any allocation: "s" then a digit.
        guard w.utf8.count >= 2, w.utf8.first == UInt8(ascii: "s"), isDigit(w.utf8[w.utf8.index(after: w.utf8.startIndex)]) else { return nil }
        let chars = Array(w.utf8)
        var i = 1
        guard let season = readNumber(chars, &i, maxDigits: 4), season <= maxSeason else { return nil }
        var episodes: [Int] = []
        // "S01Extras", "S02Bonus": a season's extras glued to its marker, read as "S01.Extras" is.
        // (Bytes first: this runs for every "s" word; the extras' words all end in "s".)
        if i < chars.count, chars.count - i >= 5, chars[chars.count - 1] == UInt8(ascii: "s"),
           seasonExtras.contains(String(decoding: chars[i...], as: UTF8.self)) { return (season, []) }
        while i < chars.count {
            // "e", "ep" or "x" before each episode; a trailing "v2" is an anime revision.
            if chars[i] == UInt8(ascii: "e") { i += 1; if i < chars.count, chars[i] == UInt8(ascii: "p") { i += 1 } }
            else if chars[i] == UInt8(ascii: "x") || chars[i] == UInt8(ascii: "-") {
                i += 1
                if i < chars.count, chars[i] == UInt8(ascii: "e") { i += 1 }   // "S06xE01"
            }
            else if chars[i] == UInt8(ascii: "v"), !episodes.isEmpty, i + 2 == chars.count { return (season, episodes) }
            // "S07D1", "S07D1-3": a season's disc.
            else if chars[i] == UInt8(ascii: "d"), episodes.isEmpty, i + 1 < chars.count, isDigit(chars[i + 1]) { return (season, []) }
            // "S06E01b": the second half of a split episode is still episode 1.
            else if chars[i] >= UInt8(ascii: "a"), chars[i] <= UInt8(ascii: "d"), episodes.count == 1, i + 1 == chars.count { return (season, episodes) }
            else { return nil }
            // (Five digits: "S01E10105", a daily show's long count, which Sonarr's Parser.cs names.)
            guard let ep = readNumber(chars, &i, maxDigits: 5), ep <= maxEpisode else { return nil }
            episodes.append(ep)
        }
        return (season, episodes)
    }

    private static func seasonEpisode(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard let (season, eps) = splitSE(t[i].lower) else { return nil }
        var info = EpisodeInfo(seasons: [season], episodes: eps)
        var length = 1
        if eps.isEmpty, let (n, used) = animeEpisodeAfterSeason(t, after: i) {
            // "Title S03 - EP14", "Title S2 - Episode 4": fansub numbering, the episode counted from the series' start.
            info.absolute = [n]
            return AttributeMatch(index: i, length: 1 + used, meaning: .episode(info), strong: true)
        }
        if eps.isEmpty {
            // "S01 E02" / "S01.E02" / "S01.Ep.02" / "S02 - E06": the episode follows.
            if i + 1 < t.count, isJoined(t[i + 1]) || t[i + 1].gap == " - ", let e = episodeToken(t[i + 1].lower) ?? crossEpisode(t[i + 1].lower) {
                info.episodes = [e]; length = 2
            } else if i + 1 < t.count, isJoined(t[i + 1]), t[i + 1].lower.hasPrefix("e"), let (_, eps) = splitSE("s0" + t[i + 1].lower), eps.count > 1 {
                info.episodes = eps; length = 2   // "S6.E1E2"
            } else if i + 2 < t.count, isJoined(t[i + 1]), ["e", "ep"].contains(t[i + 1].lower), let e = t[i + 2].number, e <= maxEpisode {
                info.episodes = [e]; length = 3
            } else if let e = spacedEpisode(t, after: i) {
                info.episodes = [e]; length = 2   // "S01.07", "S02 03"
            } else if t[i].lower.utf8.count == 5, season > 100, season % 100 > 0, season / 100 <= 30, !ReleaseYears.isPlausible(season) {
                info.seasons = [season / 100]; info.episodes = [season % 100]   // "S0615"
            } else {
                length += seasonRange(t, after: i, into: &info)
                info.fullSeason = true
                return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
            }
        }
        length += episodeContinuation(t, after: i + length - 1, season: season, into: &info)
        info.version = version(t[i + length - 1].lower)
        // "S1E1-8 of 8": every episode of the season, a season pack.
        if i + length + 1 < t.count, t[i + length].lower == "of", info.episodes.count > 1, info.episodes.first == 1,
           t[i + length + 1].number == info.episodes.last {
            info.episodes = []
            info.fullSeason = true
            length += 2
        }
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "S01EP(01-09)", "S02E(05)": a season and an episode letter whose numbers follow in brackets (seen in
    /// platelminto/parse-torrent-title's tests).
    private static func bracketedEpisodes(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let w = t[i].lower
        guard let last = w.utf8.last, last == UInt8(ascii: "e") || last == UInt8(ascii: "p"), i + 1 < t.count,
              t[i + 1].gap == "(" || t[i + 1].gap == "[", t[i + 1].lower.utf8.count <= 3, let first = t[i + 1].number else { return nil }
        let letters = w.hasSuffix("ep") ? 2 : last == UInt8(ascii: "e") ? 1 : 0
        guard letters > 0, let (season, eps) = splitSE(String(w.dropLast(letters))), eps.isEmpty else { return nil }
        var info = EpisodeInfo(seasons: [season], episodes: [first])
        let length = 2 + episodeContinuation(t, after: i + 1, season: season, into: &info)
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "Parks_and_Recreation-s03-x01": an "x" and one or two digits after a season marker is its episode ("x264" is a codec).
    private static func crossEpisode(_ w: String) -> Int? {
        guard (2...3).contains(w.utf8.count), w.utf8.first == UInt8(ascii: "x"), w.utf8.dropFirst().allSatisfy(isDigit) else { return nil }
        return Int(w.dropFirst())
    }

    /// " - EP14", " - Episode 4" after a season marker: the number and the tokens it took. ("S02 - E06",
    /// a bare E, stays that season's episode.)
    private static func animeEpisodeAfterSeason(_ t: [ReleaseToken], after i: Int) -> (Int, Int)? {
        guard i + 1 < t.count, t[i + 1].gap == " - ", t[i + 1].lower.hasPrefix("ep") else { return nil }
        if let n = episodeToken(t[i + 1].lower) { return (n, 1) }
        guard t[i + 1].lower == "episode" || t[i + 1].lower == "ep", i + 2 < t.count, [" ", ".", "_"].contains(t[i + 2].gap),
              let n = t[i + 2].number, n <= maxEpisode else { return nil }
        return (n, 2)
    }

    private static func seasonList(_ t: [ReleaseToken], after last: Int, into info: inout EpisodeInfo) -> Int {
        var k = last + 1
        var used = 0
        while k < t.count, info.seasons.count < 30 {
            var j = k
            if t[j].lower == "and", j + 1 < t.count { j += 1 }
            guard let n = t[j].number, t[j].lower.utf8.count <= 2, n > info.seasons.last!, !t[j].lower.hasPrefix("0") else { break }
            let gap = t[j].gap
            // Dots list seasons only between unpadded numbers ("Season.2.05" is no list).
            // "Futurama Season 1 2 3 4 5 6 7", "Temporadas 1 2 3" (seen in ProfChaos/torrent-name-parser's tests): spaces list
            // seasons that follow each other, three or more ("Season 1 2" alone is no list).
            let spacedRun = gap == " " && n == info.seasons.last! + 1
                && (info.seasons.count >= 2 || j + 1 < t.count && t[j + 1].gap == " " && t[j + 1].number == n + 1 && t[j + 1].lower.utf8.count <= 2)
            guard j > k || ["&", " & ", ",", ", ", "+", " + "].contains(gap) || gap == "." && !t[last].lower.hasPrefix("0") || spacedRun else { break }
            info.seasons.append(n)
            used += j - k + 1
            k = j + 1
        }
        return used
    }

    /// "S01.07.720p": a two-digit number dotted to the season, then jargon or the end. (Spaced, "S01 04"
    /// is a pack of seasons 1 to 4.)
    private static func spacedEpisode(_ t: [ReleaseToken], after i: Int) -> Int? {
        guard i + 1 < t.count, t[i + 1].gap == "." || t[i + 1].gap == " " && i + 2 == t.count, t[i + 1].lower.utf8.count == 2,
              let e = t[i + 1].number, e > 0
        else { return nil }
        // ("Breaking Bad S02 03.mkv", seen in parse-torrent-title's tests: spaced, the number must end the name.)
        guard i + 2 < t.count else { return e }
        let next = t[i + 2]
        return ReleaseGroupParser.opensBracket(next.gap) || VideoAttributes.match(t, at: i + 2)?.strong == true ? e : nil
    }

    /// "S01-S03", "S01-03", "S01 S02": more seasons in a pack.
    private static func seasonRange(_ t: [ReleaseToken], after i: Int, into info: inout EpisodeInfo) -> Int {
        guard i + 1 < t.count, let first = info.seasons.first else { return 0 }
        var next = t[i + 1]
        var extra = 0
        // "S01 to S08"
        if next.lower == "to", i + 2 < t.count { next = t[i + 2]; extra = 1 }
        let last: Int?
        if let (s, eps) = splitSE(next.lower), eps.isEmpty { last = s }
        else if next.hyphenJoined, let n = next.number, next.lower.count <= 2 { last = n }
        // "Series Title S01 04 (1080p BluRay…)" (Sonarr's multi-season tests): spaced, zero-padded, then the details.
        else if next.gap == " ", next.lower.utf8.count == 2, next.lower.hasPrefix("0"), let n = next.number, i + 2 < t.count,
                ReleaseGroupParser.opensBracket(t[i + 2].gap) || VideoAttributes.match(t, at: i + 2)?.strong == true { last = n }
        else { last = nil }
        guard let last, last > first, last - first < 100 else { return 0 }
        info.seasons = Array(first...last)
        if extra > 0 { return 2 }
        // "S01 S02 S03": a list, one token per season.
        var used = 1
        while i + used + 1 < t.count, used < 100, let (s, eps) = splitSE(t[i + used + 1].lower), eps.isEmpty, s == info.seasons.last! + 1 {
            info.seasons.append(s)
            used += 1
        }
        return used
    }

    /// After S01E01: "-E03"/"-03" (a range), "E02"/".E02" (a list), "-S01E03" (a range).
    private static func episodeContinuation(_ t: [ReleaseToken], after i: Int, season: Int, into info: inout EpisodeInfo) -> Int {
        var used = 0
        var j = i + 1
        // Where the last hyphenated range filled in numbers: a second hyphen makes the chain a list ("S05E01-E03-E05" is
        // episodes 1, 3 and 5, as Kodi's TestVideoInfoScanner reads it; "S01E01-02-03" is the same either way).
        var filled: Range<Int>?
        while j < t.count, used < 50, info.episodes.count < 500, let last = info.episodes.last {
            var next = t[j]
            // "S01E01.to.E05": a worded range; "S14E00.and.S14E01": a worded list.
            var worded = false
            var wordedList = false
            if next.lower == "to" || next.lower == "and", j + 1 < t.count, episodeToken(t[j + 1].lower) != nil || splitSE(t[j + 1].lower) != nil {
                worded = next.lower == "to"
                wordedList = !worded
                next = t[j + 1]
            }
            // "S02E01+E02", "S02E01 & S02E02", "2x01+02" (seen in tvnamer's tests), "S01E01, E02": a list.
            let listed = wordedList || ["+", " + ", "&", " & ", ",", ", "].contains(next.gap)
            guard worded || listed || next.gap == "-" || next.gap == "." || next.gap == "" || next.gap == " " || next.gap == "_" || next.gap == "~" || next.gap == " - " else { break }
            var value: Int?
            if let e = episodeToken(next.lower) { value = e }
            else if let (s, eps) = splitSE(next.lower), s == season, eps.count == 1 { value = eps[0] }
            else if let (s, eps) = crossSplit(next.lower), s == season, eps.count == 1 { value = eps[0] }
            else if next.lower.hasPrefix("x"), let n = Int(next.lower.dropFirst()), next.lower.count <= 4 { value = n }
            else if listed, !wordedList, next.lower.utf8.count == 2, let n = next.number { value = n }
            // ("8x01_02" lists the next episode; "S03E13_91", "S02E04_11_27", "S08E20_50-50_Carla" (seen in parse-torrent-title's
            // tests and Sonarr's, underscored) number something else: an underscore joins only the next episode.)
            else if !worded, !listed, next.gap == "-" || next.gap == "~" || next.gap == "_", let n = next.number, next.lower.count <= 3,
                    next.gap != "_" || n == last + 1 { value = n }
            // "S03E21.22.FASTSUB.VOSTFR" (seen in Medusa's tests): the next episode dotted on, before jargon or the end.
            else if next.gap == ".", season >= 0, next.lower.utf8.count == 2, let n = next.number, n == last + 1,
                    j + 1 == t.count || VideoAttributes.match(t, at: j + 1) != nil { value = n }
            guard let value, value > last, value - last < 200 else { break }
            let isRange = worded || next.gap.has("-") || next.gap.has("~")
            if isRange, !worded, next.gap.has("-"), let earlier = filled {
                info.episodes.removeSubrange(earlier)
                info.episodes.append(value)
                filled = nil
            } else if isRange {
                filled = next.gap.has("-") && !worded && value > last + 1 ? info.episodes.count..<(info.episodes.count + value - last - 1) : nil
                info.episodes += Array((last + 1)...value)
            } else {
                info.episodes.append(value)
                filled = nil
            }
            used += worded || wordedList ? 2 : 1
            j += worded || wordedList ? 2 : 1
        }
        return used
    }

    /// "e05e08" → [5, 8]: episodes without a season, written in one word, rising.
    private static func episodeRun(_ w: String) -> [Int]? {
        guard w.utf8.count >= 6, w.utf8.first == UInt8(ascii: "e"), w.utf8.dropFirst().contains(UInt8(ascii: "e")) else { return nil }
        var episodes: [Int] = []
        for part in w.utf8.split(separator: UInt8(ascii: "e")) {
            guard (1...3).contains(part.count), part.allSatisfy(isDigit), let n = Int(String(decoding: part, as: UTF8.self)),
                  n > (episodes.last ?? 0) else { return nil }
            episodes.append(n)
        }
        return episodes.count >= 2 && w.utf8.last.map(isDigit) == true ? episodes : nil
    }

    /// "e02", "ep02", "ep.02" forms as one token → 2.
    static func episodeToken(_ w: String) -> Int? {
        guard w.utf8.count >= 2, w.utf8.first == UInt8(ascii: "e") else { return nil }
        let second = w.utf8[w.utf8.index(after: w.utf8.startIndex)]
        guard isDigit(second) || second == UInt8(ascii: "p") else { return nil }
        let chars = Array(w.utf8)
        var i = 0
        i = 1
        if i < chars.count, chars[i] == UInt8(ascii: "p") { i += 1 }
        guard let n = readNumber(chars, &i, maxDigits: 5), n <= maxEpisode else { return nil }
        if i == chars.count { return n }
        // "e05v2": revision suffix
        if i + 2 == chars.count, chars[i] == UInt8(ascii: "v"), chars[i + 1] >= 48, chars[i + 1] <= 57 { return n }
        return nil
    }

    private static func version(_ w: String) -> Int? {
        guard let v = w.lastIndex(of: "v"), v != w.startIndex, w.distance(from: v, to: w.endIndex) == 2,
              w[w.index(before: v)].isNumber else { return nil }
        return Int(w[w.index(after: v)...])
    }

    // MARK: 1x02

    /// "1x02" → (1, [2]); "2x04x05" → (2, [4, 5]); "2013x15" → (2013, [15]).
    static func crossSplit(_ w: String) -> (season: Int, episodes: [Int])? {
        guard w.utf8.contains(UInt8(ascii: "x")) else { return nil }
        let chars = Array(w.utf8)
        var k = 0
        guard let season = readNumber(chars, &k, maxDigits: 4), k < chars.count, chars[k] == UInt8(ascii: "x") else { return nil }
        var episodes: [Int] = []
        while k < chars.count, chars[k] == UInt8(ascii: "x") {
            k += 1
            guard let ep = readNumber(chars, &k, maxDigits: 3) else { return nil }
            episodes.append(ep)
        }
        guard k == chars.count, !episodes.isEmpty, season <= maxSeason, episodes[0] > 0 || season > 0 else { return nil }
        // Four-digit seasons only as years ("2013x15"), never "1080x720"-like sizes.
        if season >= 100, !ReleaseYears.isPlausible(season) { return nil }
        // "1920x800", "1920x816": a standard frame width that is also a plausible year, and a three-digit height, is a frame
        // size ("Series - 2016x231" is still season 2016's episode 231).
        if episodes.count == 1, episodes[0] >= 200, frameWidths.contains(season) { return nil }
        return (season, episodes)
    }

    /// Frame widths of video encodes that are also plausible years.
    private static let frameWidths: Set<Int> = [1920, 2048]

    private static func crossNotation(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        // "Something.1xAll": every episode of season 1.
        let w = t[i].lower
        if w.utf8.last == UInt8(ascii: "l"), w.utf8.count <= 6, w.hasSuffix("xall"), let season = Int(w.dropLast(4)) {
            return AttributeMatch(index: i, length: 1, meaning: .episode(EpisodeInfo(seasons: [season], fullSeason: true)), strong: true)
        }
        guard let (season, episodes) = crossSplit(w) else { return nil }
        var info = EpisodeInfo(seasons: [season], episodes: episodes)
        let length = 1 + episodeContinuation(t, after: i, season: season, into: &info)
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "2of5" → 2 (the second of five), as in "Season.2of5".
    static func ofCount(_ w: String) -> Int? {
        guard let o = w.firstIndex(of: "o"), w[o...].hasPrefix("of"), let n = Int(w[..<o]), Int(w[w.index(o, offsetBy: 2)...]) != nil else { return nil }
        return n
    }

    /// "FlexGet.14.of.21": episode 14 of 21, spaced.
    private static func spacedOf(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard i > 0, i + 2 < t.count, t[i + 1].lower == "of", t[i].lower.utf8.count <= 2, let n = t[i].number, let total = t[i + 2].number,
              t[i + 2].lower.utf8.count <= 2, n > 0, n <= total else { return nil }
        return AttributeMatch(index: i, length: 3, meaning: .episode(EpisodeInfo(episodes: [n])), strong: true)
    }

    /// Mini-series "5of9" (episode 5 of 9): season 1, episode 5.
    private static func ofNotation(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard t[i].lower.utf8.count <= 7, t[i].lower.utf8.contains(UInt8(ascii: "o")) else { return nil }
        let chars = Array(t[i].lower.utf8)
        var k = 0
        guard let n = readNumber(chars, &k, maxDigits: 2), k + 2 < chars.count, chars[k] == UInt8(ascii: "o"), chars[k + 1] == UInt8(ascii: "f")
        else { return nil }
        k += 2
        guard let total = readNumber(chars, &k, maxDigits: 2), k == chars.count, n > 0, n <= total else { return nil }
        return AttributeMatch(index: i, length: 1, meaning: .episode(EpisodeInfo(seasons: [1], episodes: [n])), strong: true)
    }

    // MARK: "Season 1", "Season 1 Episode 2", "Seasons 1-3", "Saison 2"

    static let seasonWords: Set<String> = ["season", "seasons", "saison", "saisons", "temporada", "temporadas", "staffel", "staffeln",
                                           "stagione", "stagioni", "sezon", "series", "seizoen", "säsong", "sasong", "sæson", "sesong", "sezona"]
    /// (Polish, Dutch, Swedish, Danish, Finnish, Czech/Croatian words for an episode too.)
    private static let episodeWords: Set<String> = ["episode", "episodes", "ep", "eps", "e", "episodio", "folge", "capitulo",
                                                    "odcinek", "aflevering", "afl", "avsnitt", "afsnit", "jakso", "epizoda", "epizod",
                                                    "episódio", "épisode", "capítulo"]

    private static func seasonWord(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        // "Series 3" is a British season, but "Series 1000", "Series! 3" or "Series" alone is not.
        // "The Final Season - 01" is an anime title and its episode, not season 1.
        guard let f = t[i].lower.utf8.first, f == UInt8(ascii: "s") || f == UInt8(ascii: "t"),
              seasonWords.contains(t[i].lower), i + 1 < t.count, [" ", ".", "_"].contains(t[i + 1].gap),
              let season = t[i + 1].number.flatMap({ t[i + 1].lower.count <= 2 ? $0 : nil })
                ?? (t[i].lower == "series" ? nil : numberWord(t[i + 1].lower) ?? ofCount(t[i + 1].lower)) else { return nil }
        // "Mobile Series 00 S01" (Sonarr's tests): a British series counts from 1; "Series 00" is the title's.
        if season == 0, t[i].lower == "series" { return nil }
        var info = EpisodeInfo(seasons: [season])
        var length = 2
        let rangeAllowed = t[i].lower != "series"   // "Series 3 - 11" is season 3, episode 11
        // "Season 2 - 05" is season 2, episode 5: a spaced dash before a zero-padded number is no range.
        // "Season 2 - 10" (one season word, a spaced dash) is an anime episode too; "Seasons 1 - 3" a range.
        // ("Season 1 to 6" is a range, spaced as it is.)
        // (".-." is a dotted name's spaced dash; "(Season 2) - 33" closes its bracket before the number.)
        let spacedDash = i + 2 < t.count && (t[i + 2].gap.has(" ") || t[i + 2].gap.has(".") || t[i + 2].gap.has(")") || t[i + 2].gap.has("]"))
        let paddedAfterDash = spacedDash && (t[i + 2].lower.hasPrefix("0") || !t[i].lower.hasSuffix("s")) && t[i + 2].lower != "to"
        if rangeAllowed, !paddedAfterDash, i + 2 < t.count, t[i + 2].gap.has("-") || t[i + 2].gap.has("~") || t[i + 2].lower == "to",
           let last = (t[i + 2].lower == "to" ? (i + 3 < t.count ? t[i + 3].number : nil) : t[i + 2].number), last > season, last - season < 50 {
            info.seasons = Array(season...last)
            length = t[i + 2].lower == "to" ? 4 : 3
        }
        // "Seasons 1, 3 & 4", "Season 1&3", "Season.1.3.4", "Season 1 and 2": a list of seasons.
        if rangeAllowed, info.seasons.count == 1 { length += seasonList(t, after: i + length - 1, into: &info) }
        length += episodeAfterSeason(t, at: i + length, into: &info)
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "Season2", "Saison5", "Series3 Episode2" (seen in FlexGet's and pr0pz/scene-release-parser's tests): a season
    /// word glued to its number, perhaps an episode after it.
    private static func gluedSeasonWord(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        // Bytes first: this is tried for words that start with "s" or "t" and end in a digit.
        let w = t[i].lower
        guard (6...11).contains(w.utf8.count), let last = w.utf8.last, isDigit(last),
              let letters = w.utf8.firstIndex(where: isDigit), w.utf8.distance(from: letters, to: w.utf8.endIndex) <= 2,
              seasonWords.contains(String(w[..<letters])), !w.hasPrefix("seasons"), let season = Int(w[letters...]) else { return nil }
        var info = EpisodeInfo(seasons: [season])
        let length = 1 + episodeAfterSeason(t, at: i + 1, into: &info)
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "Episode2", "Episodio12": an episode word glued to its number.
    static func gluedEpisodeWord(_ w: String) -> Int? {
        guard w.utf8.count >= 5, let last = w.utf8.last, isDigit(last), let digits = w.utf8.firstIndex(where: isDigit),
              w.utf8.distance(from: w.utf8.startIndex, to: digits) >= 4, episodeWords.contains(String(w[..<digits])),
              let n = Int(w[digits...]), n <= maxEpisode else { return nil }
        return n
    }

    /// The episode after a season marker ("Season 2 Episode 5", "Season 2 E05", "Season2, Episode2"), or a full season:
    /// the tokens it took from `k`.
    private static func episodeAfterSeason(_ t: [ReleaseToken], at k: Int, into info: inout EpisodeInfo) -> Int {
        let ep: Int
        var length: Int
        if k + 1 < t.count, episodeWords.contains(t[k].lower), let n = t[k + 1].number ?? numberWord(t[k + 1].lower), n <= maxEpisode {
            (ep, length) = (n, 2)   // "Season Two Episode Five"
        } else if k < t.count, let n = episodeToken(t[k].lower) ?? ofCount(t[k].lower) ?? gluedEpisodeWord(t[k].lower) {
            (ep, length) = (n, 1)   // "Season 2 E05", "Season.2.1of4", "Season2 Episode2"
        } else {
            info.fullSeason = true
            return 0
        }
        info.episodes = [ep]
        // "Season 01 Episode 05-06", "Saison5.Episode5-8"
        if k + length < t.count, t[k + length].gap == "-", let last = t[k + length].number, last > ep, last - ep < 100 {
            info.episodes = Array(ep...last)
            length += 1
        }
        return length
    }

    // MARK: "E05", "Ep05", "Episode 5" without a season

    private static func episodeOnly(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let w = t[i].lower
        var info = EpisodeInfo()
        var length: Int
        // "E1-E2": a one-digit episode only as a range's start (a lone "E1" may be a title's word).
        if let ep = episodeToken(w), w.count >= 3 || i + 1 < t.count && t[i + 1].gap == "-" && episodeToken(t[i + 1].lower) != nil {
            info.episodes = [ep]
            length = 1
        } else if let ep = gluedEpisodeWord(w) {
            info.episodes = [ep]   // "Something - Episode2"
            length = 1
        } else if let eps = episodeRun(w) {
            info.episodes = eps   // "The.Walking.Sad.E05E08" (seen in SABnzbd's tests)
            length = 1
        } else if w == "episode" || w == "ep" || w == "eps" || w == "episodes", i + 1 < t.count, let ep = t[i + 1].number ?? episodeToken("e" + t[i + 1].lower), ep <= maxEpisode,
                  !(ReleaseGroupParser.opensBracket(t[i + 1].gap) && ReleaseYears.year(t[i + 1]) != nil) {   // "Album EP (2020)"
            info.episodes = [ep]
            length = 2
        } else {
            return nil
        }
        // "Ep01-12", "Episode 99-100"
        length += episodeContinuation(t, after: i + length - 1, season: -1, into: &info)
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    // MARK: helpers

    private static let romans: [String: Int] = [
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
        "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20,
    ]
    private static let words: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,   // "Saison sept"
    ]

    /// "II" → 2, up to "XX".
    static func roman(_ w: String) -> Int? { romans[w] }

    /// "Two" or "II" → 2.
    static func numberWord(_ w: String) -> Int? { words[w] ?? romans[w] }

    static func isJoined(_ token: ReleaseToken) -> Bool {
        token.gap == "." || token.gap == " " || token.gap == "-" || token.gap == "_" || token.gap.isEmpty
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    static func readNumber(_ chars: [UInt8], _ i: inout Int, maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while i < chars.count, chars[i] >= 48, chars[i] <= 57, digits < maxDigits {
            value = value * 10 + Int(chars[i] - 48)
            digits += 1
            i += 1
        }
        if i < chars.count, chars[i] >= 48, chars[i] <= 57 { return nil }   // too many digits
        return digits == 0 ? nil : value
    }
}
