import Foundation

/// Russian trackers' double titles with a marker after each half: "Босх: Спадок (S2E1) / Series: Legacy (S2E1) (2023)"
/// (Sonarr's tests). The title ends at the first marker, in Cyrillic or CJK; the Latin-script title after the slash is
/// the one the metadata sources use (as `DoubleTitles` keeps it when the slash comes before any marker).
enum SecondTitle {
    /// The tokens of the Latin title after the markers that end a title written wholly in another script.
    static func after(_ t: [ReleaseToken], matches: [AttributeMatch], start: Int, titleEnd: Int) -> Range<Int>? {
        // Bytes first: a title with an ASCII letter, or one not followed by a marker, is no such half.
        guard titleEnd > start, titleEnd < t.count, !(start..<titleEnd).contains(where: { hasASCIILetter(t[$0]) }) else { return nil }
        var k = titleEnd
        while let m = matches.first(where: { $0.index == k && VideoNameParser.isEpisode($0) }), m.end > k { k = m.end }
        guard k > titleEnd, k < t.count, t[k].gap.has("/"), hasASCIILetter(t[k]), !matches.contains(where: { $0.index == k }) else { return nil }
        var e = k + 1
        while e < t.count, !t[e].gap.has("/"), !t[e].gap.has("|"), !matches.contains(where: { $0.index == e }), ReleaseYears.year(t[e]) == nil,
              hasASCIILetter(t[e]) || t[e].isNumber { e += 1 }
        return k..<e
    }

    private static func hasASCIILetter(_ token: ReleaseToken) -> Bool {
        token.lower.utf8.contains { $0 >= 97 && $0 <= 122 }
    }
}
