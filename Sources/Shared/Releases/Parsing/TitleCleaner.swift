import Foundation

/// Turns the title part of a name into readable text: dots and underscores become spaces (when
/// the name used them as separators), acronyms keep their dots ("S.H.I.E.L.D."), separators and
/// brackets left dangling at either end go.
enum TitleCleaner {
    /// The cleaned text of tokens [from, to) of `name`, separators between them included.
    static func text(_ t: [ReleaseToken], in name: String, from: Int, to: Int) -> String {
        guard to > from, to <= t.count else { return "" }
        let utf8 = name.utf8
        var lower = utf8.index(utf8.startIndex, offsetBy: t[from].start)
        // "(500) Days of Summer": an opening parenthesis right before the title belongs to it.
        if t[from].gap.hasSuffix("("), lower > utf8.startIndex { lower = utf8.index(before: lower) }
        var upper = utf8.index(utf8.startIndex, offsetBy: t[to - 1].end)
        // "Show!!", "Why?": closing punctuation belongs to the title.
        while upper < utf8.endIndex, utf8[upper] == UInt8(ascii: "!") || utf8[upper] == UInt8(ascii: "?") { upper = utf8.index(after: upper) }
        if upper < utf8.endIndex {
            let head = name[lower..<upper]
            // "The Office (US)": close a parenthesis the title opened; "House M.D.": keep an acronym's last dot.
            if utf8[upper] == UInt8(ascii: ")"), head.filter({ $0 == "(" }).count > head.filter({ $0 == ")" }).count {
                upper = utf8.index(after: upper)
            } else if utf8[upper] == UInt8(ascii: "."), t[to - 1].lower.count == 1, t[to - 1].gap == ".", head.has(" ") {
                upper = utf8.index(after: upper)
            }
        }
        return clean(name[lower..<upper])
    }

    static func clean(_ raw: Substring) -> String {
        var text = raw.has("_") ? String(raw.map { $0 == "_" ? " " : $0 }) : String(raw)
        // A name that uses spaces keeps its dots ("Mr. Robot"); a dotted name uses them as spaces.
        if !text.has(" ") {
            text = undot(text)
        }
        return trim(collapseSpaces(text))
    }

    /// "Marvel's.Agents.of.S.H.I.E.L.D" → "Marvel's Agents of S.H.I.E.L.D."
    static func undot(_ text: String) -> String {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var words: [String] = []
        var acronym: [Substring] = []
        func flush() {
            if acronym.count >= 2 { words.append(acronym.joined(separator: ".") + ".") }
            else { words += acronym.map(String.init) }
            acronym = []
        }
        for part in parts {
            if part.count == 1, let c = part.first, c.isLetter { acronym.append(part); continue }
            flush()
            words.append(String(part))
        }
        flush()
        return words.joined(separator: " ")
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    private static let trailingJunk: Set<Character> = [" ", "-", "–", ":", "(", "[", "{", ",", ";", "_", "+", "/", "|", "~", "&"]
    private static let leadingJunk: Set<Character> = [" ", "-", "–", ":", ")", "]", "}", ",", ";", "_", "+", "/", "|", "~", "."]

    static func trim(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.last, trailingJunk.contains(c) { s = s.dropLast() }
        while let c = s.first, leadingJunk.contains(c) { s = s.dropFirst() }
        // An opening bracket whose closing half was cut off with the metadata ("Title (US").
        if let open = s.lastIndex(where: { $0 == "(" || $0 == "[" }), !s[open...].has(")"), !s[open...].has("]") {
            let head = s[..<open]
            if !head.trimmingCharacters(in: .whitespaces).isEmpty { s = Substring(head.trimmingCharacters(in: .whitespaces)) }
            while let c = s.last, trailingJunk.contains(c) { s = s.dropLast() }
        }
        return String(s)
    }
}
