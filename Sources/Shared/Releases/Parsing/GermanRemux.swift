import Foundation

/// German scene remuxes do not say "Remux": "Movie.1991.German.DL.1080p.BluRay.AVC-GROUP" is the disc's own stream
/// (AVC, HEVC, VC-1, MPEG-2) in a new container, where an encode would name its encoder (x264, x265). The shape is
/// Radarr's (QualityParser.cs GermanRemuxRegex: after a year, "German", then "Bluray" and the disc's codec).
enum GermanRemux {
    /// Codecs a Blu-ray carries as they are: AVC, HEVC, VC-1, MPEG-2, MVC (a byte test first: most codecs are "x264"/"h264").
    static func isDiscCodec(_ w: String) -> Bool {
        guard let first = w.utf8.first, first == UInt8(ascii: "a") || first == UInt8(ascii: "h") || first == UInt8(ascii: "v")
                || first == UInt8(ascii: "m") else { return false }
        return w == "avc" || w == "hevc" || w == "vc1" || w == "mpeg2" || w == "mvc"
    }

    /// Whether the disc codec at `i` is a remux's: "German" after a year comes before it, and "BluRay" between them.
    static func isRemux(_ t: [ReleaseToken], codecAt i: Int) -> Bool {
        var sawBluray = false
        var j = i - 1
        while j > 0 {
            let w = t[j].lower
            // (A byte test first: this runs back over the name for every AVC or HEVC it holds.)
            let first = w.utf8.first
            guard first == UInt8(ascii: "b") || first == UInt8(ascii: "r") || first == UInt8(ascii: "g") else { j -= 1; continue }
            if w == "bluray" || w == "ray" && t[j - 1].lower == "blu" { sawBluray = true }
            if w == "german" {
                return sawBluray && (0..<j).contains { ReleaseYears.year(t[$0]) != nil }
            }
            j -= 1
        }
        return false
    }
}
