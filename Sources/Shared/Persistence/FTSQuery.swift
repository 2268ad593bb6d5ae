/// Turns what a user typed into an FTS5 MATCH expression: every word becomes a quoted prefix
/// term ("star tre" → `"star"* "tre"*`, all must match), so no user text is FTS syntax.
public enum FTSQuery {
    public static func prefixTerms(_ text: String) -> String? {
        let words = text.split { !($0.isLetter || $0.isNumber) }.prefix(16)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0.lowercased())\"*" }.joined(separator: " ")
    }
}
