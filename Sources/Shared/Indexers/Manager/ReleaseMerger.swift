import Foundation
import Core
import Releases

/// Merges the results of several indexers: releases with the same info hash are one release,
/// the best-seeded copy is kept (ties: the indexer listed first, i.e. the higher priority), it
/// lists every indexer that had it, and it borrows a magnet from another copy when it has none.
/// Releases without a known hash cannot be matched and stay as they are.
public enum ReleaseMerger {
    public static func merge(_ batches: [[ReleaseCandidate]]) -> [ReleaseCandidate] {
        var merged: [ReleaseCandidate] = []
        var indexByHash: [String: Int] = [:]
        for candidate in batches.joined() {
            var copy = candidate
            if copy.indexers == nil { copy.indexers = [copy.indexer] }
            guard let hash = copy.infoHash ?? copy.magnet.flatMap(Magnet.infoHash(of:)) else {
                merged.append(copy)
                continue
            }
            copy.infoHash = hash
            if let at = indexByHash[hash] {
                merged[at] = combine(merged[at], copy)
            } else {
                indexByHash[hash] = merged.count
                merged.append(copy)
            }
        }
        return merged
    }

    static func combine(_ kept: ReleaseCandidate, _ other: ReleaseCandidate) -> ReleaseCandidate {
        var best = (other.seeders ?? -1) > (kept.seeders ?? -1) ? other : kept
        let second = best == other ? kept : other
        var names = kept.indexers ?? [kept.indexer]
        for name in other.indexers ?? [other.indexer] where !names.contains(name) { names.append(name) }
        best.indexers = names
        if best.magnet == nil { best.magnet = second.magnet }
        if best.sizeBytes == nil { best.sizeBytes = second.sizeBytes }
        return best
    }
}
