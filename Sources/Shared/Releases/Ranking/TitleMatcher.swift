import Foundation

/// Decides whether a release's title names the wanted media. Both sides are reduced to their
/// significant words (case, accents, punctuation, "&"/"and" and articles do not count); a
/// release may add a country tag ("The Office US") or a year, nothing else.
enum TitleMatcher {
    static let ignoredWords: Set<String> = ["the", "a", "an", "and", "of"]
    static let allowedExtras: Set<String> = ["us", "uk", "au", "nz", "ca"]

    static func matches(_ releaseTitle: String, any wanted: [String]) -> Bool {
        let have = words(releaseTitle)
        guard !have.isEmpty else { return false }
        return wanted.contains { title in
            let want = words(title)
            guard !want.isEmpty else { return false }
            if have == want { return true }
            guard have.count > want.count, Array(have.prefix(want.count)) == want else { return false }
            return have.dropFirst(want.count).allSatisfy { allowedExtras.contains($0) || (Int($0).map(ReleaseYears.isPlausible) ?? false) }
        }
    }

    /// "Marvel's Agents of S.H.I.E.L.D." → ["marvels", "agents", "shield"]
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        var result: [String] = []
        var current = ""
        for ch in folded {
            if ch.isLetter || ch.isNumber { current.append(ch) } else { flush(&current, into: &result) }
        }
        flush(&current, into: &result)
        return mergeInitials(result).filter { !ignoredWords.contains($0) }
    }

    private static func flush(_ current: inout String, into result: inout [String]) {
        if !current.isEmpty { result.append(current) }
        current = ""
    }

    /// Single letters in a row are one acronym: ["s","h","i","e","l","d"] → ["shield"].
    private static func mergeInitials(_ words: [String]) -> [String] {
        var merged: [String] = []
        var run = ""
        for w in words {
            if w.count == 1, w.first?.isLetter == true { run += w; continue }
            if !run.isEmpty { merged.append(run); run = "" }
            merged.append(w)
        }
        if !run.isEmpty { merged.append(run) }
        return merged
    }
}
