import Foundation

/// Season and episode words in other languages and spelled-out forms: Spanish "Cap.205" and
/// "Cap.102_104", Turkish "69. Bölüm" / "01 BLM", Dutch "Se.3 afl.3 en 4" and "Seizoen 4", glued
/// "Saison3" / "Season4" / "Temporada1", Russian "Сезон 2" / "Серии 1-10", Japanese "第01話",
/// Italian/Spanish/German "Episodio 13" / "Folge 5". Dispatched on the first byte to stay cheap.
enum ForeignEpisodes {
    static func match(_ t: [ReleaseToken], at i: Int, first: UInt8) -> AttributeMatch? {
        let w = t[i].lower
        switch first {
        case UInt8(ascii: "c"): return capitulo(t, at: i) ?? episodeWord(t, at: i)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return turkish(t, at: i) ?? turkishSeason(t, at: i) ?? ordinalSeason(t, at: i) ?? russianNumberFirst(t, at: i)
            ?? letterless(w, at: i)
        case UInt8(ascii: "s"), UInt8(ascii: "t"): return gluedSeason(w, at: i) ?? dutch(t, at: i) ?? abbreviatedSeason(t, at: i) ?? spacedSeason(t, at: i)
            ?? temporadaEpisode(w, at: i)
        case UInt8(ascii: "e"), UInt8(ascii: "f"), 0xC3: return episodeWord(t, at: i)
        case 0xD0, 0xD1: return russian(t, at: i)
        case 0xE7: return chineseSeason(t, at: i) ?? japanese(w, at: i)
        default: return nil
        }
    }

    /// "Cap.201" is season 2, episode 1; "Cap.1901" season 19, episode 1; "Cap.102_104" episodes 2 to 4.
    private static func capitulo(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard t[i].lower == "cap", i + 1 < t.count, t[i + 1].isNumber, (3...4).contains(t[i + 1].lower.count),
              let n = t[i + 1].number, n % 100 > 0 else { return nil }
        var info = EpisodeInfo(seasons: [n / 100], episodes: [n % 100])
        var length = 2
        if i + 2 < t.count, t[i + 2].gap == "_" || t[i + 2].gap == "-", t[i + 2].lower.count == t[i + 1].lower.count,
           let m = t[i + 2].number, m / 100 == n / 100, m % 100 > n % 100 {
            info.episodes = Array((n % 100)...(m % 100))
            length = 3
        }
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    private static let turkishWords: Set<String> = ["bölüm", "bolum", "blm", "bölum", "bolüm"]

    /// "2. Sezon 5. Bölüm": the Turkish season number comes before its word, then the episode's.
    private static func turkishSeason(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard i + 1 < t.count, t[i + 1].lower == "sezon", t[i].lower.utf8.count <= 2, let s = t[i].number else { return nil }
        var info = EpisodeInfo(seasons: [s], fullSeason: true)
        var length = 2
        if i + 3 < t.count, let e = t[i + 2].number, t[i + 2].lower.utf8.count <= 4, turkishWords.contains(t[i + 3].lower) {
            info.episodes = [e]; info.fullSeason = false; length = 4
        }
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "2nd Season 24", "3rd Season - 05": an English ordinal before the season word, maybe an episode after it.
    private static func ordinalSeason(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let w = t[i].lower
        // "2nd Season", and the Spanish/Portuguese "2ª Temporada" ("4° Temporada", "1a. Temporada", "3 Temporada", seen in
        // parse-torrent-title's tests), the German "5. Staffel".
        // (Bytes first: this is tried for every word that starts with a digit.)
        guard i > 0, i + 1 < t.count, w.utf8.count <= 4, let n0 = t[i + 1].lower.utf8.first, n0 == UInt8(ascii: "s") || n0 == UInt8(ascii: "t")
        else { return nil }
        let next = t[i + 1].lower
        guard next == "season" || next == "temporada" || next == "staffel" else { return nil }
        let digits = w.prefix(while: { $0.isASCII && $0.isNumber })
        let suffix = w.dropFirst(digits.count)
        let english = next == "season" && w.utf8.count >= 3 && ["st", "nd", "rd", "th"].contains(suffix)
        let iberian = next == "temporada" && ["ª", "º", "°", "a", "o", ""].contains(suffix)
        let german = next == "staffel" && suffix.isEmpty && t[i + 1].gap.hasPrefix(".")
        guard english || iberian || german, (1...2).contains(digits.count), let s = Int(digits), s > 0 else { return nil }
        var info = EpisodeInfo(seasons: [s], fullSeason: true)
        var length = 2
        if i + 2 < t.count, let e = t[i + 2].number, t[i + 2].lower.utf8.count <= 4, !t[i + 2].inBrackets, ReleaseYears.year(t[i + 2]) == nil {
            info.absolute = [e]; info.fullSeason = false; length = 3
            // "2nd Season - 01 ~ 12" (seen in parse-torrent-title's tests), "2nd Season - 01-12": a batch's range, read as
            // "Season 2 - 01 ~ 12" is (numbers written alike).
            if i + 3 < t.count, ["-", "~", " - ", " ~ "].contains(t[i + 3].gap), let m = t[i + 3].number, m > e, m - e < 500,
               t[i + 3].lower.utf8.count == t[i + 2].lower.utf8.count, !t[i + 3].inBrackets {
                info.absolute = Array(e...m); length = 4
            }
        }
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "69. Bölüm", "01 BLM", "60.Bolum": an episode counted from the start of the series.
    private static func turkish(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard i + 1 < t.count, let n = t[i].number, t[i].lower.utf8.count <= 4, turkishWords.contains(t[i + 1].lower) else { return nil }
        return AttributeMatch(index: i, length: 2, meaning: .episode(EpisodeInfo(absolute: [n])), strong: true)
    }

    private static let gluedSeasonWords = ["season", "saison", "temporada", "seizoen", "staffel", "stagione", "sezon"]

    /// "T02E22", "T01xE08": Spanish and Portuguese write the season's letter as T (Temporada).
    private static func temporadaEpisode(_ w: String, at i: Int) -> AttributeMatch? {
        guard w.utf8.first == UInt8(ascii: "t"), w.utf8.count >= 5, w.utf8.count <= 10,
              EpisodePatterns.isDigit(w.utf8[w.utf8.index(after: w.utf8.startIndex)]),   // "T0…" before any string is built
              let (season, episodes) = EpisodePatterns.splitSE("s" + w.dropFirst()), !episodes.isEmpty else { return nil }
        return AttributeMatch(index: i, length: 1, meaning: .episode(EpisodeInfo(seasons: [season], episodes: episodes)), strong: true)
    }

    /// "01E06": a zero-padded season and its episode without the S.
    private static func letterless(_ w: String, at i: Int) -> AttributeMatch? {
        guard w.utf8.count == 5 else { return nil }
        let b = Array(w.utf8)
        guard b.count == 5, b[0] == UInt8(ascii: "0"), EpisodePatterns.isDigit(b[1]), b[2] == UInt8(ascii: "e"),
              EpisodePatterns.isDigit(b[3]), EpisodePatterns.isDigit(b[4]), b[1] > 48 else { return nil }
        let info = EpisodeInfo(seasons: [Int(b[1] - 48)], episodes: [Int(b[3] - 48) * 10 + Int(b[4] - 48)])
        return AttributeMatch(index: i, length: 1, meaning: .episode(info), strong: true)
    }

    /// "Saison3", "Season4", "Temporada1": a season word glued to its number.
    private static func gluedSeason(_ w: String, at i: Int) -> AttributeMatch? {
        guard w.utf8.count >= 4, let last = w.utf8.last, last >= 48, last <= 57 else { return nil }
        for word in gluedSeasonWords where w.hasPrefix(word) {
            let rest = w.dropFirst(word.count)
            guard !rest.isEmpty, rest.count <= 2, rest.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(rest) else { return nil }
            return AttributeMatch(index: i, length: 1, meaning: .episode(EpisodeInfo(seasons: [n], fullSeason: true)), strong: true)
        }
        return nil
    }

    /// "Seizoen 4", "Temp 1", "Tem.1" (Spanish abbreviations): a season when a number follows.
    private static func abbreviatedSeason(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard ["seizoen", "temp", "tem"].contains(t[i].lower), i > 0, i + 1 < t.count, t[i + 1].gap == " " || t[i + 1].gap == ".",
              let n = t[i + 1].number, t[i + 1].lower.count <= 2 else { return nil }
        return AttributeMatch(index: i, length: 2, meaning: .episode(EpisodeInfo(seasons: [n], fullSeason: true)), strong: true)
    }

    /// "Series S 01 720p": a season letter spaced from its zero-padded number.
    private static func spacedSeason(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard t[i].lower == "s", i > 0, i + 1 < t.count, t[i + 1].gap == " " || t[i + 1].gap == "." || t[i + 1].gap == "_", t[i + 1].lower.utf8.count == 2,
              t[i + 1].lower.hasPrefix("0"), let n = t[i + 1].number, n > 0 else { return nil }
        return AttributeMatch(index: i, length: 2, meaning: .episode(EpisodeInfo(seasons: [n], fullSeason: true)), strong: true)
    }

    /// Dutch "Se.3 afl.3", "Se.3 afl.3 en 4", "Se.2 afl.3-4", "Se.1afl.05" (the layouts Sonarr's Parser.cs names): season 3,
    /// episode 3 (and 4).
    private static func dutch(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard t[i].lower == "se", i + 2 < t.count else { return nil }
        let s: Int, e: Int, next: Int
        if let season = t[i + 1].number, i + 3 < t.count, t[i + 2].lower == "afl", let episode = t[i + 3].number {
            (s, e, next) = (season, episode, i + 4)
        } else if t[i + 1].lower.hasSuffix("afl"), let season = Int(t[i + 1].lower.dropLast(3)), let episode = t[i + 2].number {
            (s, e, next) = (season, episode, i + 3)   // "Se.1afl.05"
        } else { return nil }
        var info = EpisodeInfo(seasons: [s], episodes: [e])
        var length = next - i
        if next + 1 < t.count, t[next].lower == "en", let e2 = t[next + 1].number, e2 > e { info.episodes.append(e2); length += 2 }
        else if next < t.count, t[next].gap == "-", let e2 = t[next].number, e2 > e, e2 - e < 50 { info.episodes = Array(e...e2); length += 1 }
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "Episodio 13", "Capitulo 5", "Folge 12", "Épisode 5": an episode without a season (a range "Episode 05-06" too).
    private static func episodeWord(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard ["episodio", "folge", "episodios", "episódio", "épisode", "capítulo", "capitulo"].contains(t[i].lower), i + 1 < t.count,
              let n = t[i + 1].number, n <= EpisodePatterns.maxEpisode
        else { return nil }
        var info = EpisodeInfo(episodes: [n])
        var length = 2
        if i + 2 < t.count, t[i + 2].gap == "-", let m = t[i + 2].number, m > n, m - n < 200 { info.episodes = Array(n...m); length = 3 }
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    private static let russianSeasonWords: Set<String> = ["сезон", "сезона"]
    private static let russianEpisodeWords: Set<String> = ["серия", "серии", "серий"]

    /// "8 сезон 1-6 серия", "2 сезон", "5 серия": Russian puts the number before its word too.
    private static func russianNumberFirst(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        // Bytes first: the next word must be Cyrillic (a lead byte of 0xD0 or 0xD1).
        guard i + 1 < t.count, let lead = t[i + 1].lower.utf8.first, lead == 0xD0 || lead == 0xD1,
              t[i].lower.utf8.count <= 3, let n = t[i].number else { return nil }
        // "5-й сезон 09-я серия" (seen in TheBeastLT's tests): an ordinal's ending between the number and its word.
        let word = ordinalEnd(t, i + 1) ? i + 2 : i + 1
        if word < t.count, russianSeasonWords.contains(t[word].lower) {
            var info = EpisodeInfo(seasons: [n], fullSeason: true)
            var length = word - i + 1
            if let (episodes, used) = russianEpisodes(t, at: word + 1) { info.episodes = episodes; info.fullSeason = false; length += used }
            return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
        }
        guard let (episodes, used) = russianEpisodes(t, at: i) else { return nil }
        return AttributeMatch(index: i, length: used, meaning: .episode(EpisodeInfo(episodes: episodes)), strong: true)
    }

    /// "-й", "-я", "-го": a Russian ordinal's ending, hyphened to its number.
    private static func ordinalEnd(_ t: [ReleaseToken], _ k: Int) -> Bool {
        k + 1 < t.count && t[k].gap == "-" && ["й", "я", "ий", "ый", "го", "ая"].contains(t[k].lower)
    }

    /// "5 серия", "1-6 серии", "09-я серия" at `i`: the episodes and the tokens they took.
    private static func russianEpisodes(_ t: [ReleaseToken], at i: Int) -> ([Int], Int)? {
        guard i + 1 < t.count, let n = t[i].number, n <= EpisodePatterns.maxEpisode else { return nil }
        if russianEpisodeWords.contains(t[i + 1].lower) { return ([n], 2) }
        if ordinalEnd(t, i + 1), russianEpisodeWords.contains(t[i + 2].lower) { return ([n], 3) }
        guard i + 2 < t.count, t[i + 1].gap == "-", let m = t[i + 1].number, m > n, m - n < 500,
              russianEpisodeWords.contains(t[i + 2].lower) else { return nil }
        return (Array(n...m), 3)
    }

    /// "Сезон 2", "Серии 1-10", "Серия 5".
    private static func russian(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let w = t[i].lower
        guard i + 1 < t.count, let n = t[i + 1].number else { return nil }
        if w == "сезон" {
            // "Сезон 15. Эпизод 09", "Сезон 3, Серия 21": the season, then its episode.
            if i + 3 < t.count, russianEpisodeWords.contains(t[i + 2].lower) || t[i + 2].lower == "эпизод", let e = t[i + 3].number, t[i + 3].lower.utf8.count <= 3 {
                // "Сезон 4 / Серии 1-6": a range of them.
                if i + 4 < t.count, t[i + 4].gap == "-", let last = t[i + 4].number, last > e, last - e < 500 {
                    return AttributeMatch(index: i, length: 5, meaning: .episode(EpisodeInfo(seasons: [n], episodes: Array(e...last))), strong: true)
                }
                return AttributeMatch(index: i, length: 4, meaning: .episode(EpisodeInfo(seasons: [n], episodes: [e])), strong: true)
            }
            return AttributeMatch(index: i, length: 2, meaning: .episode(EpisodeInfo(seasons: [n], fullSeason: true)), strong: true)
        }
        guard w == "серии" || w == "серия" || w == "серий" || w == "эпизод" else { return nil }
        var info = EpisodeInfo(episodes: [n])
        var length = 2
        if i + 2 < t.count, t[i + 2].gap == "-", let m = t[i + 2].number, m > n, m - n < 500 { info.episodes = Array(n...m); length = 3 }
        return AttributeMatch(index: i, length: length, meaning: .episode(info), strong: true)
    }

    /// "第2季 第5集": a Chinese season and its episode.
    private static func chineseSeason(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let w = t[i].lower
        guard w.hasPrefix("第"), w.hasSuffix("季"), let n = Int(w.dropFirst().dropLast()), n > 0, n < 100 else { return nil }
        // Alone, "第3季" is often part of a Chinese title before its translation ("全职高手 第3季 / Series S3 - 09").
        guard i + 1 < t.count, t[i + 1].lower.hasPrefix("第"), !t[i + 1].lower.hasSuffix("季"), let e = BracketTitles.number(t[i + 1].lower)
        else { return nil }
        return AttributeMatch(index: i, length: 2, meaning: .episode(EpisodeInfo(seasons: [n], episodes: [e])), strong: true)
    }

    /// "第01話", "第05话", "第12集" outside brackets.
    private static func japanese(_ w: String, at i: Int) -> AttributeMatch? {
        guard w.hasPrefix("第"), let n = BracketTitles.number(w), w.count > 2 else { return nil }
        return AttributeMatch(index: i, length: 1, meaning: .episode(EpisodeInfo(absolute: [n])), strong: true)
    }
}
