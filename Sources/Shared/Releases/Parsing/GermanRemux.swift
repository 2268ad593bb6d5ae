import Foundation

/// German scene remuxes do not say "Remux": "Movie.1991.German.DL.1080p.BluRay.AVC-GROUP" is the disc's own stream
/// (AVC, HEVC, VC-1, MPEG-2) in a new container, where an encode would name its encoder (x264, x265). The shape is
/// Radarr's (QualityParser.cs GermanRemuxRegex: after a year, "German", then "Bluray" and the disc's codec).
enum GermanRemux {
    /// Codecs a Blu-ray carries as they are.
    static let discCodecs: Set<String> = ["avc", "hevc", "vc1", "mpeg2", "mvc"]

    /// Whether the disc codec at `i` is a remux's: "German" after a year comes before it, and "BluRay" between them.
    static func isRemux(_ t: [ReleaseToken], codecAt i: Int) -> Bool {
        var sawBluray = false
        var j = i - 1
        while j > 0 {
            let w = t[j].lower
            if w == "bluray" || w == "ray" && t[j - 1].lower == "blu" { sawBluray = true }
            if w == "german" {
                return sawBluray && (0..<j).contains { ReleaseYears.year(t[$0]) != nil }
            }
            j -= 1
        }
        return false
    }
}
