import Foundation

/// Ranks search results for one target: parse, reject what must not be grabbed, score the rest,
/// and order them — accepted first by score, then rejected ones (kept so users see why).
/// Ties go to more seeders, then the smaller download, then the title, so the order is stable.
public enum ReleaseRanker {
    public static func rank(_ candidates: [ReleaseCandidate], for target: RankingTarget) -> [RankedRelease] {
        let hint: ReleaseNameParser.Hint = target.kind.isMusic ? .music : .video
        let ranked = candidates.map { c -> RankedRelease in
            let parsed = ReleaseNameParser.parse(c.title, hint: hint)
            let scored = ReleaseScorer.score(c, parsed, for: target)
            let rejections = ReleaseRejections.check(c, parsed, for: target)
            return RankedRelease(candidate: c, parsed: parsed, score: scored.score, reasons: scored.reasons, rejections: rejections)
        }
        return ranked.sorted(by: precedes)
    }

    /// The release to grab: the best accepted one, if any.
    public static func best(_ candidates: [ReleaseCandidate], for target: RankingTarget) -> RankedRelease? {
        rank(candidates, for: target).first { !$0.rejected }
    }

    static func precedes(_ a: RankedRelease, _ b: RankedRelease) -> Bool {
        if a.rejected != b.rejected { return !a.rejected }
        if a.score != b.score { return a.score > b.score }
        let (sa, sb) = (a.candidate.seeders ?? 0, b.candidate.seeders ?? 0)
        if sa != sb { return sa > sb }
        let (za, zb) = (a.candidate.sizeBytes ?? .max, b.candidate.sizeBytes ?? .max)
        if za != zb { return za < zb }
        return a.candidate.title < b.candidate.title
    }
}
