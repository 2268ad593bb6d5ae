import Foundation

/// Groups that sign without a hyphen, recognised by how they write their name: "... ITA HDTVMux x264 NovaRip",
/// "...x264.dxva EuReKA", "...HDRip.1.46Gb.Dub.MegaPeer" (names in guessit's movies.yml and episodes.yml). Scene and P2P
/// groups style their names in mixed case with a capital after a small letter ("EuReKA", "NovaRip", "anoXmous"); the
/// words of a title or of an episode's name are written "Passato", "Pilot" or "PILOT". Only such a word counts, as the
/// name's last word, right after release jargon (one unknown word may sit between: "x264.dxva EuReKA"). A word in
/// capitals ("HDTV XviD LOL") stays no group in an episode's name, as Sonarr's tests want.
enum StyledGroups {
    static func ending(_ t: [ReleaseToken], at last: Int, start: Int) -> (index: Int, group: String)? {
        let word = t[last]
        guard last > start + 2, !word.inBrackets, word.gap == " " || word.gap == "." || word.gap == "_", isStyled(word.text),
              !ReleaseGroupParser.notGroups.contains(word.lower), !ReleaseGroupParser.isTrackTag(word.lower), VideoAttributes.match(t, at: last) == nil,
              EpisodePatterns.match(t, at: last) == nil, MusicAttributes.formats[word.lower] == nil else { return nil }
        let matches = VideoNameParser.scan(t, from: max(start, last - 10), to: last)
        guard let jargon = matches.last, jargon.end >= last - 1, matches.contains(where: \.strong) else { return nil }
        // The one word between may not be a title's word in a spaced name ("x264 Un Tuffo NovaRip" is no group).
        if jargon.end == last - 1, t[last - 1].lower.utf8.count > 5 || t[last - 1].isNumber { return nil }
        return (last, word.text)
    }

    /// Letters and digits only, at least four, with a capital right after a small letter ("EuReKA", "MegaPeer").
    static func isStyled(_ text: String) -> Bool {
        let b = text.utf8
        guard b.count >= 4, b.count <= 16 else { return false }
        var previousLower = false
        var styled = false
        for c in b {
            let lower = c >= 97 && c <= 122, upper = c >= 65 && c <= 90
            guard lower || upper || c >= 48 && c <= 57 else { return false }
            if upper && previousLower { styled = true }
            previousLower = lower
        }
        return styled
    }
}
