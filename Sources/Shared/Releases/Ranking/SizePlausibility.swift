import Foundation
import Core

/// Whether a release's size fits its quality and running time. Bounds are megabytes per
/// minute, generous on purpose (a 1080p x265 encode and a 1080p remux are both legitimate):
/// what falls outside is a fake, a sample, a mislabelled file or a different cut.
enum SizePlausibility {
    static let mb: Double = 1_048_576

    /// MB per minute of video, per resolution.
    static func videoBounds(_ q: VideoQuality) -> ClosedRange<Double> {
        switch q {
        case .p2160: 10...700
        case .p1080: 4...350
        case .p720: 2.5...150
        case .p480: 1.5...60
        case .unknown: 1.5...700
        }
    }

    /// MB per minute of audio, per rung of the music ladder.
    static func musicBounds(_ q: MusicQuality) -> ClosedRange<Double> {
        switch q {
        case .flac, .alac: 2.5...120
        case .mp3_320: 1.2...4
        case .v0: 0.8...3.5
        case .kbps256: 1.0...3.2
        case .kbps192: 0.7...2.6
        case .kbps128: 0.45...1.8
        case .unknown: 0.4...120
        }
    }

    static func defaultMinutes(_ kind: RankingTarget.Kind) -> Int {
        switch kind {
        case .movie: 110
        case .episode: 45
        case .season: 45
        case .album: 45
        case .track: 4
        }
    }

    /// nil when plausible (or unknown); otherwise why not.
    static func problem(size: Int64?, parsed: ParsedRelease, target: RankingTarget) -> String? {
        guard let size, size > 0 else { return nil }
        let perUnit = Double(target.runtimeMinutes ?? defaultMinutes(target.kind))
        let (bounds, label) = target.kind.isMusic
            ? (musicBounds(MusicQuality(parsed)), MusicQuality(parsed).rawValue)
            : (videoBounds(parsed.quality), parsed.quality.rawValue)
        var minutes = perUnit * Double(max(1, parsed.episodes.count))
        // A pack or a discography holds an unknown number of items: only the floor is checked,
        // against three episodes (or one album).
        let openEnded = parsed.fullSeason || parsed.discography || parsed.seasons.count > 1
        if parsed.fullSeason || parsed.seasons.count > 1 { minutes = perUnit * 3 }
        let megabytes = Double(size) / mb
        let low = bounds.lowerBound * minutes, high = bounds.upperBound * minutes
        if megabytes < low {
            return "\(format(megabytes)) is too small for \(label) (expected at least \(format(low)) for \(Int(minutes)) min)"
        }
        if !openEnded, megabytes > high {
            return "\(format(megabytes)) is too large for \(label) (expected at most \(format(high)) for \(Int(minutes)) min)"
        }
        return nil
    }

    static func format(_ megabytes: Double) -> String {
        megabytes >= 1024 ? String(format: "%.1f GB", megabytes / 1024) : String(format: "%.0f MB", megabytes)
    }
}
