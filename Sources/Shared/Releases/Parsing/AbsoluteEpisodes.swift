import Foundation

/// Anime releases number episodes from the start of the series: "[Group] Title - 123 [1080p]",
/// "Title - 05v2", "[Group] Title 07 (720p)", batches "Title - 01-12". A bare number is only an
/// episode where such names put it: after " - ", or right after the title of a fansub name and
/// followed by brackets, jargon or nothing.
enum AbsoluteEpisodes {
    static func match(_ t: [ReleaseToken], in range: Range<Int>, fansub: Bool, end: Int) -> AttributeMatch? {
        guard range.count >= 2 else { return nil }
        for j in (range.lowerBound + 1)..<range.upperBound {
            guard let (number, version) = episodeNumber(t[j].lower) else { continue }
            // " - 07", "_-_07", ".-.07", "#957"
            let dashed = t[j].gap.has("-") && t[j].gap.count >= 2 || t[j].gap.hasPrefix("#") || t[j].gap.hasSuffix("#")
            guard !t[j].inBrackets else { continue }
            // "Tokyo_Magnitude_8.0_-_02", "Title 2.0 - 03" (seen in tvnamer's tests): a decimal's one-digit fraction is the title's.
            if t[j].gap == ".", t[j].lower.utf8.count == 1, t[j - 1].isNumber, t[j - 1].lower.utf8.count <= 2 { continue }
            // "One Piece 1098 [1080p]": a long-running anime's four-digit count (below any year: "Blade Runner 2049").
            let longCount = t[j].gap == " " && t[j].lower.utf8.count == 4 && number < 1900 && version == nil
            let placed = dashed || fansub || longCount || isRange(t, at: j, end: end) || beforeChecksum(t, at: j)
            // A zero-padded number in a fansub name is an episode even before an episode title.
            let padded = fansub && t[j].lower.hasPrefix("0") && t[j].lower.count >= 2
            // "Title - 12.5 [1080p]": a recap between two episodes is filed under the one before it.
            if dashed, version == nil, j + 1 < end, t[j + 1].gap == ".", t[j + 1].isNumber, (1...2).contains(t[j + 1].lower.utf8.count),
               t[j].lower.utf8.count >= 2, followedByEnd(t, after: j + 1, end: end) {
                return AttributeMatch(index: j, length: 2, meaning: .episode(EpisodeInfo(absolute: [number])), strong: true)
            }
            let startsRange = rangeEnd(t, at: j, number: number, end: end) != nil
            guard placed, padded || startsRange || followedByEnd(t, after: j, end: end, dashAllowed: dashed) else { continue }
            var info = EpisodeInfo(absolute: [number], version: version)
            var length = 1
            if let last = rangeEnd(t, at: j, number: number, end: end) {
                info.absolute = Array(number...last)
                length = 2 + continuation(t, after: j + 1, into: &info.absolute, end: end)
            } else if let listed = list(t, after: j, number: number, end: end) {
                info.absolute = listed
                length = listed.count
            } else if !dashed, j + 2 < end, t[j + 1].gap.has("-"), episodeNumber(t[j + 1].lower) != nil {
                continue   // "Series! 3 - 11": the first number belongs to the title
            }
            return AttributeMatch(index: j, length: length, meaning: .episode(info), strong: true)
        }
        return nil
    }

    /// "Test.13.HDTV", "FooBar.07.PDTV", "Show.Name.10.720p": a two-digit number between the title and
    /// a source or resolution in a name without a year (a movie names its year there).
    static func sceneNumber(_ t: [ReleaseToken], in range: Range<Int>) -> AttributeMatch? {
        let j = range.upperBound - 1
        guard j > range.lowerBound, j + 1 < t.count, t[j].lower.utf8.count == 2, let n = t[j].number, n > 0, !t[j].inBrackets,
              [".", " ", "_"].contains(t[j].gap), let next = VideoAttributes.match(t, at: j + 1), next.strong else { return nil }
        switch next.meaning {
        case .source, .resolution, .both: return AttributeMatch(index: j, length: 1, meaning: .episode(EpisodeInfo(absolute: [n])), strong: true)
        default: return nil
        }
    }

    /// "Neverwhere.05.Down.Street", "Dead.Set.02.FRENCH", "FooBar.07v4.PDTV": a zero-padded two-digit number
    /// after the title of a name without a year is an episode, whatever follows (titles rarely hold "05").
    static func paddedNumber(_ t: [ReleaseToken], in range: Range<Int>) -> AttributeMatch? {
        guard range.count >= 2 else { return nil }
        for j in (range.lowerBound + 1)..<range.upperBound where t[j].lower.hasPrefix("0") && !t[j].inBrackets {
            guard let (n, version) = episodeNumber(t[j].lower), n > 0, [2, 3].contains(t[j].lower.utf8.count - (version == nil ? 0 : 2)),
                  [".", " ", "_"].contains(t[j].gap) || t[j].gap.hasPrefix(")"), !t[j - 1].isNumber,
                  j + 1 >= t.count || !t[j + 1].isNumber else { continue }
            return AttributeMatch(index: j, length: 1, meaning: .episode(EpisodeInfo(absolute: [n], version: version)), strong: true)
        }
        return nil
    }

    /// "01 - Title", "003. Title", "003-005. Title": a zero-padded number (any number of up to three
    /// digits after a fansub tag) that opens the name, then " - " or ". ".
    static func leading(_ t: [ReleaseToken], at i: Int, fansub: Bool) -> AttributeMatch? {
        guard i + 2 < t.count, let n = t[i].number, (2...3).contains(t[i].lower.utf8.count), !t[i].inBrackets,
              t[i].lower.hasPrefix("0") || fansub else { return nil }
        if t[i + 1].gap == " - " || t[i + 1].gap == ". ", !t[i + 1].isNumber {   // "[Grp] 86 - 01": 86 is the title
            return AttributeMatch(index: i, length: 1, meaning: .episode(EpisodeInfo(absolute: [n])), strong: true)
        }
        // ("Season 1/02-03 - blah.avi", seen in jellyfin's tests: the title may be one word.)
        if t[i + 1].gap == "-", let m = t[i + 1].number, m > n, m - n < 500, t[i + 2].gap == ". " || t[i + 2].gap == " - ", !t[i + 2].isNumber {
            return AttributeMatch(index: i, length: 2, meaning: .episode(EpisodeInfo(absolute: Array(n...m))), strong: true)
        }
        // ("Season 02/03-04-05 - Ep Name.mkv", seen in SickChill's tests: a chain of three or more lists its numbers.)
        var listed = [n]
        var k = i + 1
        while k < t.count, listed.count < 20, t[k].gap == "-", t[k].lower.utf8.count == t[i].lower.utf8.count, let m = t[k].number, m > listed.last! {
            listed.append(m)
            k += 1
        }
        if listed.count >= 3, k < t.count, t[k].gap == ". " || t[k].gap == " - ", !t[k].isNumber {
            return AttributeMatch(index: i, length: k - i, meaning: .episode(EpisodeInfo(absolute: listed)), strong: true)
        }
        return nil
    }

    /// The end of "01-12", "01 - 119", "01~10"; a spaced dash only joins numbers written alike
    /// ("01 - 119", not "3 - 11", which is a title number and an episode).
    private static func rangeEnd(_ t: [ReleaseToken], at j: Int, number: Int, end: Int) -> Int? {
        guard j + 1 < end, ["-", "~", " - ", " ~ ", "+"].contains(t[j + 1].gap), let (last, _) = episodeNumber(t[j + 1].lower),
              last > number, last - number < 500 else { return nil }
        if t[j + 1].gap == "+" { return last == number + 1 ? last : nil }   // "01+02"
        let spaced = t[j + 1].gap.count > 1
        if spaced, !(t[j].lower.hasPrefix("0") || t[j].lower.count == t[j + 1].lower.count) { return nil }
        // "116 - 360 Degrees": a number opening an episode title is no range's end.
        if spaced, !followedByEnd(t, after: j + 1, end: end) { return nil }
        return last
    }

    /// "01 & 02", "01,02", "01, 02 & 03": episodes listed, written alike and rising, then the end of the numbers.
    private static func list(_ t: [ReleaseToken], after j: Int, number: Int, end: Int) -> [Int]? {
        var listed = [number]
        var k = j + 1
        while k < end, listed.count < 20, ["&", " & ", ",", ", ", ".&."].contains(t[k].gap), t[k].lower.count == t[j].lower.count,
              let (n, _) = episodeNumber(t[k].lower), n > listed.last! {
            listed.append(n)
            k += 1
        }
        return listed.count > 1 && followedByEnd(t, after: k - 1, end: end) ? listed : nil
    }

    /// "01-02-03" (one more), "493-498.&.500-507" (a second range): the numbers that follow a range.
    private static func continuation(_ t: [ReleaseToken], after j: Int, into absolute: inout [Int], end: Int) -> Int {
        var k = j + 1
        while k < end, k - j < 20, let last = absolute.last {
            if t[k].gap == "-", let (n, _) = episodeNumber(t[k].lower), n == last + 1 { absolute.append(n); k += 1; continue }
            if t[k].gap.has("&"), k + 1 < end, let (a, _) = episodeNumber(t[k].lower), a > last, let b = rangeEnd(t, at: k, number: a, end: end) {
                absolute += Array(a...b); k += 2; continue
            }
            break
        }
        return k - j - 1
    }

    /// "Something 63 [560D3414]" (seen in FlexGet's tests), "Title 99 [RlsGroup] [ABCD1234]" (a shape Sonarr's Parser.cs
    /// names): a number right before the brackets that end an anime file with its CRC32.
    private static func beforeChecksum(_ t: [ReleaseToken], at j: Int) -> Bool {
        guard j + 1 < t.count, !t[j].inBrackets, t[j + 1].inBrackets, ReleaseGroupParser.opensBracket(t[j + 1].gap), let last = t.last,
              ReleaseGroupParser.opensBracket(last.gap), ReleaseGroupParser.isChecksum(last.text) else { return false }
        // Nothing or one bracket (the group's, up to three words) between the number and the CRC32.
        let between = t[(j + 1)..<(t.count - 1)]
        return between.count <= 3 && between.allSatisfy(\.inBrackets) && between.dropFirst().allSatisfy { !ReleaseGroupParser.opensBracket($0.gap) }
    }

    /// "1-13 (English Dub)": a rising hyphenated pair followed by brackets, jargon or the end.
    private static func isRange(_ t: [ReleaseToken], at j: Int, end: Int) -> Bool {
        guard j + 1 < end, t[j + 1].gap == "-" || t[j + 1].gap == "~", let a = t[j].number, let b = t[j + 1].number,
              b > a, t[j + 1].lower.count <= 4 else { return false }
        return followedByEnd(t, after: j + 1, end: end)
    }

    /// "05v2": an episode number with its version (nil without one).
    static func versioned(_ w: String) -> Int? {
        guard let first = w.utf8.first, first >= 48, first <= 57, let (_, version) = episodeNumber(w) else { return nil }
        return version
    }

    /// "123" or "05v2", at most four digits and not a year; "107a", "09b": a part of a split episode is its episode.
    private static func episodeNumber(_ w: String) -> (Int, Int?)? {
        // Bytes only: this runs for many tokens of every name.
        var n = 0, digits = 0
        var version: Int?
        var it = w.utf8.makeIterator()
        while let b = it.next() {
            if b >= 48, b <= 57 {
                guard digits < 4 else { return nil }
                n = n * 10 + Int(b - 48); digits += 1
            } else if b == 118, digits > 0, let v = it.next(), v >= 48, v <= 57, it.next() == nil {   // "05v2"
                version = Int(v - 48)
                break
            } else if b >= 97, b <= 99, digits >= 2, it.next() == nil {   // "107a", "09b", "111c"
                break
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if digits == 4, ReleaseYears.isPlausible(n) { return nil }
        return (n, version)
    }

    /// Words fansubs put after the last episode's number.
    private static let finalWords: Set<String> = ["end", "fin", "final", "finale", "raw", "oad", "ova", "ona", "oav"]

    /// What may follow an episode number: the end, a bracket, a dash before an episode title,
    /// a range, or release jargon.
    /// A dash after the number ("- 05 - Title") only counts when one came before it too: in
    /// "Evangelion 1.11 - You Are (Not) Alone" the 11 is part of the title.
    private static func followedByEnd(_ t: [ReleaseToken], after j: Int, end: Int, dashAllowed: Bool = true) -> Bool {
        guard j + 1 < t.count else { return true }
        let next = t[j + 1]
        if j + 1 >= end || next.inBrackets || ReleaseGroupParser.opensBracket(next.gap) { return true }
        if dashAllowed && (next.gap.has("-") || next.gap.has("~")) || finalWords.contains(next.lower) { return true }
        // "Title_10_v2_[DVD]": a version written apart from its number.
        if next.lower.utf8.count == 2, next.lower.utf8.first == UInt8(ascii: "v"), next.isNumber == false,
           let v = next.lower.utf8.last, v >= 50, v <= 57, [" ", "_", "."].contains(next.gap) {
            return followedByEnd(t, after: j + 1, end: end, dashAllowed: dashAllowed)
        }
        guard let m = VideoAttributes.match(t, at: j + 1) else { return false }
        // "Title - 01 DVD - Group", "One Piece 603 VOSTFR": a weak source or language word right after the number is jargon too.
        switch m.meaning {
        case .source, .language: return true
        default: break
        }
        return m.strong
    }
}
