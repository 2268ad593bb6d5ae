import Foundation

/// Fansub names written as a row of brackets: "[Group][Title][05][1080p]",
/// "【Group】★10月新番★[中文名/English Title][12END][720p]", "[GM-Team][国漫][Title][2019][215 END]". The
/// title is the first bracket with Latin letters before the episode's bracket (else the first
/// one), the episode the first bracket holding only a number ("05", "12END", "857集", "第05话", "01-24完").
enum BracketTitles {
    struct Layout {
        var title: Range<Int>
        var episode: AttributeMatch
    }

    static func layout(_ t: [ReleaseToken], from start: Int) -> Layout? {
        guard start < t.count else { return nil }
        var runs: [Range<Int>] = []
        var i = start
        var junk = 0
        while i < t.count, runs.count < 12 {
            if !t[i].inBrackets {
                // "★10月新番★" between the brackets: a season-announcement tag, not the title.
                guard runs.isEmpty || runs.count < 6, junk < 2, isAnnouncement(t[i].lower) else { break }
                junk += 1; i += 1; continue
            }
            var j = i + 1
            while j < t.count, t[j].inBrackets, !ReleaseGroupParser.opensBracket(t[j].gap) { j += 1 }
            runs.append(i..<j)
            i = j
        }
        guard runs.count >= 2 else { return nil }
        for (k, run) in runs.enumerated() where k >= 1 {
            guard let episode = episodeRun(t, run) else { continue }
            let candidates = runs[..<k].filter { r in !(r.count == 1 && ReleaseYears.year(t[r.lowerBound]) != nil) && !isMetadata(t, r) }
            // "【巴哈姆特之怒 Virgin Soul】【Anime Series Title】【24】": a bracket wholly in Latin script beats one that mixes scripts.
            guard let title = candidates.first(where: { hasLatin(t, $0) && $0.allSatisfy { DoubleTitles.isLatin(t[$0].lower) } })
                ?? candidates.first(where: { hasLatin(t, $0) }) ?? candidates.first else { return nil }
            return Layout(title: title, episode: episode)
        }
        return nil
    }

    /// "[Grp][Batch] Title 01-12", "[Grp] [BD] Title - 05": brackets of release metadata between a fansub's group and its
    /// title; the index where the title starts.
    static func afterMetadataBrackets(_ t: [ReleaseToken], from start: Int) -> Int {
        var i = start
        while i < t.count, t[i].inBrackets, ReleaseGroupParser.opensBracket(t[i].gap) {
            var j = i + 1
            while j < t.count, t[j].inBrackets, !ReleaseGroupParser.opensBracket(t[j].gap) { j += 1 }
            // Only before words outside brackets: "[Grp][Title][05]" is a bracket row.
            guard j < t.count, !t[j].inBrackets, j - i <= 3, isMetadata(t, i..<j) else { break }
            i = j
        }
        return i
    }

    /// A bracket of release metadata: jargon ("BD", "1080p") or a batch's and a release's words.
    private static func isMetadata(_ t: [ReleaseToken], _ run: Range<Int>) -> Bool {
        run.allSatisfy { metadataWords.contains(t[$0].lower) || VideoAttributes.match(t, at: $0) != nil }
    }

    private static let metadataWords: Set<String> = ["batch", "complete", "completa", "end", "fin", "raw", "raws", "tv", "ova", "ona",
                                                     "movie", "series", "eng", "english", "sub", "subs", "subbed", "dub", "dubbed", "hardsub",
                                                     "softsub", "remux", "hevc", "uncensored", "uncut"]

    /// A bracket that holds an episode number or range and nothing else.
    static func episodeRun(_ t: [ReleaseToken], _ run: Range<Int>) -> AttributeMatch? {
        let words = run.map { t[$0].lower }
        var numbers: [Int] = []
        for (k, w) in words.enumerated() {
            if k > 0, finalWords.contains(w) { continue }
            guard let n = number(w) else { return nil }
            numbers.append(n)
        }
        guard let first = numbers.first, numbers.count <= 2 else { return nil }
        if numbers.count == 1 {
            // "[2019]" is a year, "[1080]" a resolution.
            if words[0].utf8.count == 4, ReleaseYears.isPlausible(first) { return nil }
            // ... unless the name states its resolution elsewhere: "[One Piece][720][1080p]" is episode 720.
            guard !["480", "576", "720", "1080", "2160"].contains(words[0])
                || t.contains(where: { if case .resolution? = VideoAttributes.single[$0.lower]?.0 { return true }; return false }) else { return nil }
            return AttributeMatch(index: run.lowerBound, length: run.count, meaning: .episode(EpisodeInfo(absolute: [first])), strong: true)
        }
        guard t[run.lowerBound + 1].gap == "-" || t[run.lowerBound + 1].gap == "~", numbers[1] > first, numbers[1] - first < 500 else { return nil }
        return AttributeMatch(index: run.lowerBound, length: run.count, meaning: .episode(EpisodeInfo(absolute: Array(first...numbers[1]))), strong: true)
    }

    private static let finalWords: Set<String> = ["end", "fin", "final", "完"]

    /// "05", "12end", "857集", "13完", "第05话", "05v2" → the number; at most four digits.
    static func number(_ w: String) -> Int? {
        guard let first = w.utf8.first, first >= 48 && first <= 57 || first == 0xE7 else { return nil }
        if w.utf8.count <= 4, w.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return Int(w) }
        var s = Substring(w)
        if s.hasPrefix("第") { s = s.dropFirst() }
        for suffix in ["end", "fin", "完", "集", "话", "話", "回"] where s.hasSuffix(suffix) { s = s.dropLast(suffix.count); break }
        // "05v2": a fixed release of episode 5.
        if s.utf8.count >= 3, let v = s.utf8.dropLast().last, v == UInt8(ascii: "v"), let d = s.utf8.last, d >= 48, d <= 57 { s = s.dropLast(2) }
        guard !s.isEmpty, s.utf8.count <= 4, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(s)
    }

    private static func isAnnouncement(_ w: String) -> Bool { w.contains("★") || w.contains("新番") }

    private static func hasLatin(_ t: [ReleaseToken], _ run: Range<Int>) -> Bool {
        run.contains { k in t[k].lower.utf8.contains { $0 >= 97 && $0 <= 122 } && !(t[k].lower.utf8.count <= 4 && VideoAttributes.single[t[k].lower] != nil) }
    }
}

/// Titles given in two scripts: "Босх: Спадок / Series: Legacy", "剃须。然后捡到女高中生。 / Anime Series Title",
/// "Anime Series 海賊王", "我的人间烟火 Fireworks Series". The Latin-script title is kept: it is the one
/// the metadata sources and the other parsers name the series by.
enum DoubleTitles {
    static func pick(_ title: String) -> String {
        // Fast path: Cyrillic, CJK and full-width forms all start with a UTF-8 lead byte of 0xD0 or more.
        guard title.utf8.contains(where: { $0 >= 0xD0 }) else { return title }
        let parts = title.split(whereSeparator: { $0 == "/" || $0 == "|" || $0 == "·" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if parts.count > 1, let latin = parts.first(where: { isLatin($0) && $0.contains(where: \.isLetter) }) { return latin }
        // "玛娜利亚魔法学院/巴哈姆特之怒Anime Series Title": no part wholly Latin; the one with Latin words is the title, whole (as
        // Sonarr's tests expect).
        if parts.count > 1, !parts[0].unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }),
           let mixed = parts.first(where: { $0.split(separator: " ").contains(where: { isLatin($0) && $0.contains(where: \.isLetter) }) }) { return mixed }
        // One part mixing scripts: the longest run of Latin-script words.
        let words = title.split(separator: " ")
        guard words.contains(where: { !isLatin($0) }), words.contains(where: { isLatin($0) && $0.contains(where: \.isLetter) }) else { return title }
        var best: ArraySlice<Substring> = []
        var k = 0
        while k < words.count {
            guard isLatin(words[k]) else { k += 1; continue }
            var e = k
            while e < words.count, isLatin(words[e]) { e += 1 }
            // A translation sits before or after the original ("间谍过家家 Spy Family"); a Latin word inside it
            // is part of it ("나는 SOLO 나는 솔로").
            // (A lone code such as "ABC123" in "ABC123 17研究所！" names the channel, not a translation.)
            let code = e - k == 1 && words[k].contains(where: \.isNumber)
            if e - k > best.count, !code, k == 0 || e == words.count, words[k..<e].contains(where: { $0.contains(where: \.isLetter) }) { best = words[k..<e] }
            k = e
        }
        let picked = best.joined(separator: " ")
        return TitleCleaner.trim(picked).isEmpty ? title : TitleCleaner.trim(picked)
    }

    /// No Cyrillic, CJK, kana, Hangul or full-width characters. (Full-width punctuation and digits are neither script's:
    /// "Anime Series Title～！", "My Series - １５８".)
    static func isLatin<S: StringProtocol>(_ s: S) -> Bool {
        !s.unicodeScalars.contains { v in
            let x = v.value
            return (0x0400...0x04FF).contains(x) || (0x3000...0x9FFF).contains(x) || (0xAC00...0xD7AF).contains(x)
                || (0xFF00...0xFFEF).contains(x) && !isFullWidthNeutral(x) || x == 0x2605
        }
    }

    private static func isFullWidthNeutral(_ x: UInt32) -> Bool {
        (0xFF01...0xFF20).contains(x) || (0xFF3B...0xFF40).contains(x) || (0xFF5B...0xFF65).contains(x)
    }
}
