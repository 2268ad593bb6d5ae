/// Which release (edition) of a release group LCARS takes the tracklist from:
/// 1. Official releases if there is any (otherwise all releases);
/// 2. of those, the earliest date (a partial date such as "1997" counts as the end of its
///    period; releases without a date come last);
/// 3. on equal dates, the release whose track count is the most common among the candidates;
/// 4. then the smallest MBID, so the choice is stable.
public enum CanonicalRelease {
    public static func choose(_ releases: [MBRelease]) -> MBRelease? {
        let official = releases.filter { $0.status?.lowercased() == "official" }
        let candidates = official.isEmpty ? releases : official
        let counts = Dictionary(candidates.map { ($0.trackCount, 1) }, uniquingKeysWith: +)
        return candidates.min { a, b in
            let (da, db) = (sortableDate(a.date), sortableDate(b.date))
            if da != db { return da < db }
            let (ca, cb) = (counts[a.trackCount] ?? 0, counts[b.trackCount] ?? 0)
            if ca != cb { return ca > cb }
            return a.id < b.id
        }
    }

    /// "1997" → "1997-99-99", "1997-05" → "1997-05-99", none → "9999-99-99".
    static func sortableDate(_ date: String?) -> String {
        guard let date, !date.isEmpty else { return "9999-99-99" }
        let parts = date.split(separator: "-").map(String.init)
        return (parts + Array(repeating: "99", count: max(0, 3 - parts.count))).prefix(3).joined(separator: "-")
    }
}
