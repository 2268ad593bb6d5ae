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
        var upper = utf8.index(utf8.startIndex, offsetBy: t[to - 1].end)
        // "[Oshi] no Ko": so does a square bracket the title closes.
        if t[from].gap.hasSuffix("(") || t[from].gap.hasSuffix("[") && name[lower..<upper].has("]"), lower > utf8.startIndex {
            lower = utf8.index(before: lower)
        }
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

    /// Underscores and (in a dotted name) dots become spaces, runs of spaces one, junk off both ends.
    /// A byte pass: this runs once per name and string splitting was a fifth of the parse.
    static func clean(_ raw: Substring) -> String {
        var bytes = Array(raw.utf8)
        var spaces = 0
        for k in bytes.indices {
            if bytes[k] == 95 { bytes[k] = 32 }
            if bytes[k] == 32 { spaces += 1 }
        }
        // A name that uses spaces keeps its dots ("Mr. Robot"); a dotted name uses them as spaces, even with a space
        // or two of its own ("Katy.Perry.-.Pepsi & Billboard.Summer.Beats").
        if spaces == 0 || spaces < 3 && dotsBetweenWords(bytes) > spaces * 2 { bytes = undot(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes where !(b == 32 && (out.isEmpty || out.last == 32)) { out.append(b) }
        if out.last == 32 { out.removeLast() }
        return trim(String(decoding: out, as: UTF8.self))
    }

    /// How many dots join two words ("Star.Wars", not "Mr. Robot" or "1.5").
    private static func dotsBetweenWords(_ bytes: [UInt8]) -> Int {
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 || b >= 0x80 }
        guard bytes.count > 2 else { return 0 }
        // (".-." counts too: a dotted name's spaced dash.)
        var count = 0
        for k in 1..<(bytes.count - 1) where bytes[k] == 46 {
            if (isLetter(bytes[k - 1]) || bytes[k - 1] == 45) && (isLetter(bytes[k + 1]) || bytes[k + 1] == 45) { count += 1 }
        }
        return count
    }

    /// "Marvel's.Agents.of.S.H.I.E.L.D" → "Marvel's Agents of S.H.I.E.L.D."
    static func undot(_ text: String) -> String { String(decoding: undot(Array(text.utf8)), as: UTF8.self) }

    static func undot(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 2)
        var acronym: [UInt8] = []   // the single letters of a run like S.H.I.E.L.D
        func flush() {
            guard !acronym.isEmpty else { return }
            if !out.isEmpty { out.append(32) }
            for (k, letter) in acronym.enumerated() {
                if k > 0 { out.append(acronym.count >= 2 ? 46 : 32) }
                out.append(letter)
            }
            if acronym.count >= 2 { out.append(46) }
            acronym.removeAll(keepingCapacity: true)
        }
        var partStart = 0
        var first = true
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 46 {
            let part = bytes[partStart..<k]
            if part.count == 1, let c = part.first, (c | 0x20) >= 97, (c | 0x20) <= 122 {
                acronym.append(c)
            } else {
                flush()
                if !first || !out.isEmpty { out.append(32) }
                out.append(contentsOf: part)
            }
            first = false
            partStart = k + 1
        }
        flush()
        return out
    }

    /// "Simpsons, The" → "The Simpsons": a library-sorted title puts its article back in front.
    static func articleFirst(_ title: String) -> String {
        // Byte checks first: this runs for every title, and only a few hold a comma.
        guard title.utf8.last.map({ $0 | 0x20 == UInt8(ascii: "e") || $0 | 0x20 == UInt8(ascii: "a") || $0 | 0x20 == UInt8(ascii: "n") }) == true,
              title.has(","), let comma = title.lastIndex(of: ",") else { return title }
        let article = title[title.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        guard ["the", "a", "an"].contains(article.lowercased()), comma > title.startIndex else { return title }
        return article + " " + title[..<comma]
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
        if s.has("(") || s.has("["), let open = s.lastIndex(where: { $0 == "(" || $0 == "[" }), !s[open...].has(")"), !s[open...].has("]") {
            let head = ReleaseNameInput.trimSpaces(String(s[..<open]))
            if !head.isEmpty { s = Substring(head) }
            while let c = s.last, trailingJunk.contains(c) { s = s.dropLast() }
        }
        return String(s)
    }
}
