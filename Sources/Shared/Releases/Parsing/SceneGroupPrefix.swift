import Foundation

/// "blow-how.to.be.single.2016.1080p.bluray.x264.mkv": scene groups that name their files in lower case may put the group in
/// front, joined to a dotted title by a hyphen, and none at the end (guessit's release_group.py documents the shape:
/// "abc-the.title.name.1983.1080p.bluray.x264.mkv"; the name is in guessit's movies.yml). Read only for a name wholly in
/// lower case, without spaces, whose only hyphen is that one, whose title has two dotted words or more after it, and which
/// states a resolution, source or codec: "spider-man.2002.1080p.bluray.x264-grp" ends in its group, "X-Men.2000.1080p" is
/// not in lower case, "spider-man.2002.720p" has one word after its hyphen.
enum SceneGroupPrefix {
    static func group(_ t: [ReleaseToken]) -> String? {
        guard t.count >= 6, t[1].gap == "-", t[0].gap.isEmpty, isLowerWord(t[0].text), !t[0].isNumber, t[0].lower.utf8.count >= 2,
              VideoAttributes.match(t, at: 0) == nil, !ReleaseGroupParser.notGroups.contains(t[0].lower) else { return nil }
        var words = 0
        var sawJargon = false
        for k in 1..<t.count {
            let token = t[k]
            guard token.text == token.lower, !token.inBrackets, k == 1 || token.gap == "." else {
                // "web-dl", "dts-hd": jargon's own hyphen after the title is fine; any other separator ends the shape.
                if token.gap == "-", k > 1, VideoAttributes.match(t, at: k - 1).map({ $0.end > k }) == true { continue }
                return nil
            }
            if !sawJargon, let m = VideoAttributes.match(t, at: k), m.strong || ReleaseYears.year(token) != nil {
                sawJargon = m.strong || sawJargon
                if words < 2 { return nil }
            }
            if !sawJargon {
                if ReleaseYears.year(token) != nil || EpisodePatterns.match(t, at: k) != nil { if words < 2 { return nil } } else { words += 1 }
            }
            if VideoAttributes.match(t, at: k)?.strong == true { sawJargon = true }
        }
        return sawJargon && words >= 2 ? t[0].text : nil
    }

    /// ASCII small letters and digits only.
    private static func isLowerWord(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 97 && $0 <= 122 || $0 >= 48 && $0 <= 57 }
    }
}
