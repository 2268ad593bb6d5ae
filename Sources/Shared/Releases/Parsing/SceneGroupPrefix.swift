import Foundation

/// "blow-how.to.be.single.2016.1080p.bluray.x264.mkv": scene groups that name their files in lower case may put the group in
/// front, joined to a dotted title by a hyphen, and none at the end (guessit's release_group.py documents the shape:
/// "abc-the.title.name.1983.1080p.bluray.x264.mkv"; the name is in guessit's movies.yml). Read only for a name wholly in
/// lower case, without spaces, whose only hyphen is that one (or jargon's own, "web-dl"), whose title has two dotted words
/// or more after it, and which states a video resolution, source or codec: "spider-man.2002.1080p.bluray.x264-grp" ends in
/// its group, "X-Men.2000.1080p" is not in lower case, "spider-man.2002.720p" has one word after its hyphen.
enum SceneGroupPrefix {
    static func group(_ t: [ReleaseToken]) -> String? {
        guard t.count >= 6, t[1].gap == "-", t[0].gap.isEmpty, isLowerWord(t[0].text), !t[0].isNumber, t[0].lower.utf8.count >= 2,
              VideoAttributes.match(t, at: 0) == nil, !ReleaseGroupParser.notGroups.contains(t[0].lower),
              !titleCompoundTails.contains(t[1].lower) else { return nil }
        // The title's words: from the hyphen to the first year, episode marker or piece of video jargon.
        var k = 1
        while k < t.count, t[k].gap == "." || k == 1, ReleaseYears.year(t[k]) == nil, EpisodePatterns.match(t, at: k) == nil,
              VideoAttributes.match(t, at: k)?.strong != true {
            k += 1
        }
        guard k - 1 >= 2, k < t.count else { return nil }
        var sawVideo = false
        for j in 1..<t.count {
            let token = t[j]
            guard token.text == token.lower, !token.inBrackets else { return nil }
            if let m = VideoAttributes.match(t, at: j), m.strong, isVideo(m.meaning) { sawVideo = true }
            // "web-dl", "dts-hd": jargon's own hyphen is fine; any other separator but a dot ends the shape.
            if j > 1, token.gap != ".", !(token.gap == "-" && VideoAttributes.match(t, at: j - 1).map({ $0.end > j }) == true) { return nil }
        }
        return sawVideo ? t[0].text : nil
    }

    /// Second halves of the hyphenated words titles are made of ("spider-man.no.way.home", "ant-man.and.the.wasp",
    /// "she-hulk.attorney.at.law"): with one of them after the hyphen, the first half is the title's, not a group.
    private static let titleCompoundTails: Set<String> = ["man", "men", "woman", "women", "girl", "girls", "boy", "boys", "hulk", "ra"]

    private static func isVideo(_ meaning: AttributeMatch.Meaning) -> Bool {
        switch meaning {
        case .resolution, .source, .codec, .both: return true
        default: return false
        }
    }

    /// ASCII small letters and digits only.
    private static func isLowerWord(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 97 && $0 <= 122 || $0 >= 48 && $0 <= 57 }
    }
}
