/// Builds MusicBrainz search queries (Lucene syntax) from user text without letting the text
/// become syntax: every Lucene special character is backslash-escaped and the words AND, OR and
/// NOT are lower-cased so they stay search words.
public enum LuceneQuery {
    static let special: Set<Character> = ["+", "-", "&", "|", "!", "(", ")", "{", "}", "[", "]", "^", "\"", "~", "*", "?", ":", "\\", "/"]

    public static func escape(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).map { word -> String in
            ["AND", "OR", "NOT"].contains(String(word)) ? word.lowercased() : String(word)
        }
        return words.joined(separator: " ").map { special.contains($0) ? "\\\($0)" : String($0) }.joined()
    }

    /// `field:(escaped words)`, e.g. artist:(AC\/DC).
    public static func field(_ name: String, _ text: String) -> String {
        "\(name):(\(escape(text)))"
    }
}
