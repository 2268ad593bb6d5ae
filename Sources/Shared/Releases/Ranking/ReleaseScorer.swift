import Foundation
import Core

/// The score of a release, built from parts that never overlap so the order is predictable
/// (docs/ranking.md):
///
///   video: 1000 × resolution rung + 100 × source rung + 50 if PROPER/REPACK − 700 for a season
///          pack found by an episode search + seeders bonus
///   music: 1000 × ladder rung + 100 × bit-depth rung + 10 × sample-rate rung (lossless only)
///          + seeders bonus
///
/// The seeders bonus is ⌊10 × log10(seeders + 1)⌋, at most 49: it orders otherwise equal releases
/// without ever lifting one over a better quality or source.
enum ReleaseScorer {
    struct Result {
        var score = 0
        var reasons: [String] = []

        mutating func add(_ points: Int, _ why: String) {
            score += points
            reasons.append(points >= 0 ? "+\(points) \(why)" : "\(points) \(why)")
        }
    }

    static func score(_ c: ReleaseCandidate, _ p: ParsedRelease, for t: RankingTarget) -> Result {
        var result = Result()
        if t.kind.isMusic { music(p, into: &result) } else { video(p, t, into: &result) }
        let bonus = seedersBonus(c.seeders)
        result.add(bonus, "for \(c.seeders.map(String.init) ?? "unknown") seeders")
        return result
    }

    static func seedersBonus(_ seeders: Int?) -> Int {
        guard let seeders, seeders > 0 else { return 0 }
        return min(49, Int(10 * log10(Double(seeders) + 1)))
    }

    /// bluray/remux 6 > webdl 5 > webrip 4 > hdtv 3 > dvd 2 > unknown 1 > cam 0.
    static func sourceRung(_ s: VideoSource) -> Int {
        switch s {
        case .bluray: 6
        case .webdl: 5
        case .webrip: 4
        case .hdtv: 3
        case .dvd: 2
        case .unknown: 1
        case .cam: 0
        }
    }

    private static func video(_ p: ParsedRelease, _ t: RankingTarget, into r: inout Result) {
        r.add(1000 * p.quality.rank, "for resolution \(p.quality.rawValue)")
        r.add(100 * sourceRung(p.source), "for source \(p.sourceTag ?? p.source.rawValue)")
        if p.proper || p.repack { r.add(50, "for \(p.proper ? "PROPER" : "REPACK") (a fixed release)") }
        if t.kind == .episode, p.fullSeason || p.seasons.count > 1 { r.add(-700, "season pack for a single episode") }
    }

    private static func music(_ p: ParsedRelease, into r: inout Result) {
        let q = MusicQuality(p)
        r.add(1000 * q.rank, "for \(q == .unknown ? "unknown format" : q.rawValue)")
        guard q.isLossless else { return }
        switch p.bitDepth {
        case let d? where d >= 24: r.add(200, "for \(d)-bit")
        case let d?: r.add(100, "for \(d)-bit")
        case nil: break
        }
        if let rate = p.sampleRate {
            let rung = rate >= 176_400 ? 4 : rate >= 88_200 ? 3 : rate >= 48_000 ? 2 : 1
            r.add(10 * rung, "for \(String(format: "%g", Double(rate) / 1000)) kHz")
        }
    }
}
