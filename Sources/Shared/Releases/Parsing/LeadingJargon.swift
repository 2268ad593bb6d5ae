import Foundation

/// "h265 - HEVC Riddick ...", "[h265 - HEVC] Fight Club French 1080p", "HD 720p: Some series.S03E16":
/// release jargon before the title, which starts after it.
enum LeadingJargon {
    static func skip(_ t: [ReleaseToken], from start: Int) -> Int {
        var j = start
        while j < t.count, j - start < 6 {
            if let m = VideoAttributes.match(t, at: j), m.strong { j = m.end }
            else if looseWords.contains(t[j].lower) { j += 1 }
            else { break }
        }
        // Only a run that some word outside jargon follows, and a real run: two words, a bracket or a colon.
        guard j > start, j < t.count, VideoAttributes.match(t, at: j)?.strong != true else { return start }
        let bracketed = t[start].inBrackets && !t[j].inBrackets
        return bracketed || j - start >= 2 || t[j].gap.has(":") ? j : start
    }

    /// Quality words that are only jargon at the very start of a name.
    private static let looseWords: Set<String> = ["hd", "sd", "fhd"]
}
