import Foundation

/// P2P encoders who sign inside the closing brackets of the release details:
/// "Series (2020) - S02E03 - Title (1080p BluRay x265 Kappa)", "Movie (2022) (2160p WEB-DL ... English - HONE)",
/// "Movie (2020) [2160p x265 10bit S82 Joy]". The last word of the last bracket is the group when
/// the bracket holds strong jargon (a resolution, source or codec) and the word itself is none.
enum BracketGroups {
    static func trailing(_ t: [ReleaseToken], start: Int, matches: [AttributeMatch]) -> (index: Int, group: String)? {
        let last = t.count - 1
        guard last > start + 2, t[last].inBrackets, !t[last].isNumber, t[last].lower.utf8.count >= 2 else { return nil }
        // The bracket run holding the last word.
        var open = last
        while open > start, t[open].inBrackets, !ReleaseGroupParser.opensBracket(t[open].gap) { open -= 1 }
        guard open > start, last - open >= 2, !ReleaseGroupParser.opensBracket(t[last].gap) else { return nil }
        let inside = matches.filter { $0.index >= open && $0.end <= last }
        guard inside.contains(where: isStrongDetail), !inside.contains(where: { $0.index <= last && last < $0.end }) else { return nil }
        let word = t[last]
        guard word.gap == " " || word.gap == " - " || word.gap == "-" || word.gap == "." || word.gap == "_" else { return nil }
        // The word must follow jargon (or "English - "): "(1080p BluRay x265 Kappa)", not "(Blue Lock, Multi-Subs)";
        // "(... English - Goki TAoE)": after the dash, an encoder and then the group.
        let encoderThenGroup = [" ", ".", "_"].contains(word.gap) && last - 1 > open && t[last - 1].gap == " - " && isGroupWord(t, last - 1)
        guard let before = inside.last, before.end == last || word.gap.has("-") || encoderThenGroup && before.end == last - 1 else { return nil }
        guard isGroupWord(t, last) else { return nil }
        return (last, word.text)
    }

    /// "WEB-DLRip.by.Seven", "DLMux by UBi", "DivX par Team": the group named after "by" at the end,
    /// once release jargon has been seen.
    static func signedBy(_ t: [ReleaseToken], start: Int, matches: [AttributeMatch]) -> (index: Int, group: String)? {
        let last = t.count - 1
        guard last > start + 2, ["by", "par"].contains(t[last - 1].lower), !t[last].inBrackets, isGroupWord(t, last),
              matches.contains(where: { $0.strong && $0.end <= last - 1 }) else { return nil }
        return (last - 1, t[last].text)
    }

    /// "Show.Name.-.476-479.(2007).[HorribleSubs][WEBRip]..[HD.720p]": a fansub group's bracket after the title,
    /// a single word that is no jargon, followed by brackets of release details.
    static func inner(_ t: [ReleaseToken], from start: Int, matches: [AttributeMatch]) -> String? {
        var j = start + 1
        while j + 1 < t.count {
            defer { j += 1 }
            guard t[j].inBrackets, ReleaseGroupParser.opensBracket(t[j].gap), t[j].gap.hasSuffix("["),
                  ReleaseGroupParser.opensBracket(t[j + 1].gap), t[j].lower.utf8.count >= 3, isGroupWord(t, j),
                  t[j].text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { continue }
            // Release details must follow in brackets.
            let detailsFollow = matches.contains { $0.index > j && $0.strong && t[$0.index].inBrackets }
            return detailsFollow ? t[j].text : nil
        }
        return nil
    }

    static func isGroupWord(_ t: [ReleaseToken], _ i: Int) -> Bool {
        let w = t[i].lower
        return !ReleaseGroupParser.notGroups.contains(w) && ReleaseYears.year(t[i]) == nil && VideoAttributes.match(t, at: i) == nil
            && EpisodePatterns.match(t, at: i) == nil && MusicAttributes.formats[w] == nil && !SizeWords.isSize(t, at: i)
            && !ReleaseGroupParser.isChecksum(t[i].text) && !ReleaseGroupParser.distributorTags.contains(w)
            && !["mkv", "mp4", "avi", "sub", "subs", "batch", "complete", "bits", "bit"].contains(w)
    }

    private static func isStrongDetail(_ m: AttributeMatch) -> Bool {
        switch m.meaning {
        case .resolution, .codec, .source, .both: return m.strong
        default: return false
        }
    }
}
