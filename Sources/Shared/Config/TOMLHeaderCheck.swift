/// Finds the one malformed table header that TOMLKit's parser (toml++ 3, vendored) does not
/// report but asserts on, aborting the whole process: `[` or `[[` followed by neither a key nor
/// `]`, e.g. `[:server]` or `[ =x]`. SwiftPM builds C++ dependencies without NDEBUG, so the
/// assertion is live in release builds too (found by fuzzing, docs/fuzzing.md). Runs before
/// TOMLKit; a small lexer follows strings, comments and brackets so that only real headers —
/// a `[` where a statement starts — are looked at. Valid TOML always passes.
enum TOMLHeaderCheck {
    /// The 1-based line of the first malformed header, or nil.
    static func malformedHeaderLine(in text: String) -> Int? {
        var lexer = Lexer(Array(text.unicodeScalars))
        return lexer.firstMalformedHeader()
    }

    private struct Lexer {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1

        init(_ scalars: [Unicode.Scalar]) { s = scalars }

        func at(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

        mutating func advance() {
            if s[i] == "\n" { line += 1 }
            i += 1
        }

        mutating func firstMalformedHeader() -> Int? {
            while let c = at() {
                if c == " " || c == "\t" || c == "\r" || c == "\n" { advance(); continue }
                if c == "#" { skipToEndOfLine(); continue }
                if c == "[" {
                    if !headerStartsWell() { return line }
                    skipToEndOfLine()
                    continue
                }
                skipStatement()
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

        /// A key/value statement: up to a newline outside strings and brackets.
        mutating func skipStatement() {
            var depth = 0
            while let c = at() {
                switch c {
                case "\n" where depth <= 0: return
                case "\"", "'": skipString()
                case "#": skipToEndOfLine()
                case "[", "{": depth += 1; advance()
                case "]", "}": depth -= 1; advance()
                default: advance()
                }
            }
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
