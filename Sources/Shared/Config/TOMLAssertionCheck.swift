/// Finds the malformed TOML that TOMLKit's parser (toml++ 3, vendored) does not report but
/// asserts on, aborting the whole process (found by fuzzing, docs/fuzzing.md; SwiftPM builds C++
/// dependencies without NDEBUG, so the assertions are live in release builds too):
/// - a table header whose `[` or `[[` is followed by neither a key nor `]`: `[:server]`, `[ =x]`;
/// - a date-time whose `T` is not followed by a digit: `1979-05-27T.7:32:00Z`.
/// Runs before TOMLKit; a small lexer follows strings, comments and brackets so that only real
/// headers (a `[` where a statement starts) and values are looked at. Valid TOML always passes.
enum TOMLAssertionCheck {
    /// The 1-based line of the first malformed header or date-time and what is wrong, or nil.
    static func malformedLine(in text: String) -> (line: Int, problem: String)? {
        var lexer = Lexer(Array(text.unicodeScalars))
        return lexer.firstMalformed()
    }

    private struct Lexer {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1

        init(_ scalars: [Unicode.Scalar]) { s = scalars }

        func at(_ offset: Int = 0) -> Unicode.Scalar? { s.indices.contains(i + offset) ? s[i + offset] : nil }

        mutating func advance() {
            if s[i] == "\n" { line += 1 }
            i += 1
        }

        mutating func firstMalformed() -> (line: Int, problem: String)? {
            while let c = at() {
                if c == " " || c == "\t" || c == "\r" || c == "\n" { advance(); continue }
                if c == "#" { skipToEndOfLine(); continue }
                if c == "[" {
                    if !headerStartsWell() { return (line, "a table header needs a name after \"[\" (e.g. [server])") }
                    skipToEndOfLine()
                    continue
                }
                if !skipStatement() { return (line, "a date-time needs a time after \"T\" (e.g. 1979-05-27T07:32:00Z)") }
            }
            return nil
        }

        /// After `[` or `[[` and blanks: a bare-key character, a quote or `]` (which toml++ reports itself).
        mutating func headerStartsWell() -> Bool {
            advance()
            if at() == "[" { advance() }
            while let c = at(), c == " " || c == "\t" { advance() }
            guard let c = at() else { return true }
            return c == "]" || c == "\"" || c == "'" || c == "_" || c == "-"
                || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
        }

        mutating func skipToEndOfLine() {
            while let c = at(), c != "\n" { advance() }
        }

        /// A key/value statement: up to a newline outside strings and brackets. False when a
        /// value holds a date-time toml++ would assert on.
        mutating func skipStatement() -> Bool {
            var depth = 0
            var inValue = false
            while let c = at() {
                switch c {
                case "\n" where depth <= 0: return true
                case "\"", "'": skipString()
                case "#": skipToEndOfLine()
                case "[", "{": depth += 1; advance()
                case "]", "}": depth -= 1; advance()
                case "=": inValue = true; advance()
                default:
                    if inValue, !isBareKeyCharacter(at(-1)), dateTimeLacksTime() { return false }
                    advance()
                }
            }
            return true
        }

        /// `YYYY-MM-DD` then `T`/`t` and no digit.
        func dateTimeLacksTime() -> Bool {
            let digitsAt = [0, 1, 2, 3, 5, 6, 8, 9]
            guard digitsAt.allSatisfy({ isDigit(at($0)) }), at(4) == "-", at(7) == "-" else { return false }
            guard at(10) == "T" || at(10) == "t" else { return false }
            return !isDigit(at(11))
        }

        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }

        func isBareKeyCharacter(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return c == "_" || c == "-" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
        }

        /// A basic or literal string, single- or multi-line; a single-line one ends at the newline.
        mutating func skipString() {
            let quote = s[i]
            let multi = at(1) == quote && at(2) == quote
            for _ in 0..<(multi ? 3 : 1) { advance() }
            while let c = at() {
                if c == "\n" && !multi { return }
                if c == "\\" && quote == "\"" { advance(); if at() != nil { advance() }; continue }
                if c == quote && (!multi || (at(1) == quote && at(2) == quote)) {
                    for _ in 0..<(multi ? 3 : 1) { advance() }
                    return
                }
                advance()
            }
        }
    }
}
