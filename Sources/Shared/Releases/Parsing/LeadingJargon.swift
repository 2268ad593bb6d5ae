import Foundation

/// "h265 - HEVC Riddick ...", "[h265 - HEVC] Fight Club French 1080p", "HD 720p: Some series.S03E16":
/// release jargon before the title, which starts after it.
enum LeadingJargon {
    static func skip(_ t: [ReleaseToken], from start: Int) -> Int {
        // Cheap refusal first (this runs for every name): the first word must be bracketed or strong jargon on its own.
        guard start < t.count, t[start].inBrackets || mayBeJargon(t[start].lower.utf8),
              VideoAttributes.single[t[start].lower]?.1 == true || looseWords.contains(t[start].lower) || t[start].inBrackets
        else { return start }
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

    /// Jargon that opens names is a codec ("h265", "x264", "HEVC"), a resolution ("1080p", "4K") or a quality
    /// word ("HD", "SD", "FHD"): a first-byte test before any table lookup.
    private static func mayBeJargon(_ w: String.UTF8View) -> Bool {
        guard let b = w.first else { return false }
        return b >= 48 && b <= 57 || (w.count <= 5 && (b == UInt8(ascii: "h") || b == UInt8(ascii: "x") || b == UInt8(ascii: "f") || b == UInt8(ascii: "s")))
    }

    /// Quality words that are only jargon at the very start of a name.
    private static let looseWords: Set<String> = ["hd", "sd", "fhd"]
}
