import Foundation

/// One word of a release name with where it sits: byte offsets into the name, the separators
/// just before it, and whether it is inside brackets. Matching is on `lower`.
struct ReleaseToken: Sendable {
    let text: String
    let lower: String
    let start: Int
    let end: Int
    /// The separator characters between the previous token and this one ("." "-" " - " "[" ...).
    let gap: String
    let bracketDepth: Int
    /// A closing bracket follows it before the next word: the last word of a bracket, or of a name whose opening
    /// bracket was lost ("...x265.10bit.Tigole)").
    fileprivate(set) var closesBracket = false

    /// Digits only (any length); `number` is its value up to six digits. Both are read once, when the token is made:
    /// every rule asks for them.
    let isNumber: Bool
    let number: Int?

    init(text: String, lower: String, start: Int, end: Int, gap: String, bracketDepth: Int) {
        self.text = text
        self.lower = lower
        self.start = start
        self.end = end
        self.gap = gap
        self.bracketDepth = bracketDepth
        isNumber = !lower.isEmpty && lower.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        number = isNumber && lower.utf8.count <= 6 ? Int(lower) : nil
    }

    var inBrackets: Bool { bracketDepth > 0 }
    /// True when a hyphen, and nothing but a hyphen, joins it to the previous token ("WEB-DL").
    var hyphenJoined: Bool { gap == "-" }
    var dotJoined: Bool { gap == "." }
}

/// Splits a name into words in one linear pass (no regular expressions, so no backtracking).
/// Word characters are ASCII letters and digits, any non-ASCII scalar (Cyrillic, CJK, accents)
/// and an apostrophe inside a word ("Marvel's"); everything else separates.
enum ReleaseTokenizer {
    static func tokenize(_ name: String) -> [ReleaseToken] {
        let bytes = Array(name.utf8)
        var tokens: [ReleaseToken] = []
        var depth = 0
        var index = 0
        var gapStart = 0
        while index < bytes.count {
            if isWordByte(bytes, index) {
                let start = index
                while index < bytes.count, isWordByte(bytes, index) { index += 1 }
                if let marker = gluedMarkerStart(bytes, start: start, end: index) {
                    tokens.append(makeToken(bytes, start: start, end: marker, gapStart: gapStart, depth: depth))
                    tokens.append(makeToken(bytes, start: marker, end: index, gapStart: marker, depth: depth))
                } else {
                    tokens.append(makeToken(bytes, start: start, end: index, gapStart: gapStart, depth: depth))
                }
                gapStart = index
            } else {
                let delta = bracketDelta(bytes[index])
                if delta < 0, !tokens.isEmpty { tokens[tokens.count - 1].closesBracket = true }
                depth = max(0, depth + delta)
                index += 1
            }
        }
        return tokens
    }

    private static func makeToken(_ bytes: [UInt8], start: Int, end: Int, gapStart: Int, depth: Int) -> ReleaseToken {
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let gap = canonicalGap(bytes[gapStart..<start])
        // ASCII words (nearly all) lower-case by bytes; Unicode's lowercasing is much slower.
        var upper = false, ascii = true
        for k in start..<end {
            let b = bytes[k]
            if b >= 65 && b <= 90 { upper = true } else if b >= 0x80 { ascii = false; break }
        }
        let lower: String
        if !ascii { lower = text.lowercased() }
        else if !upper { lower = text }
        else {
            lower = String(unsafeUninitializedCapacity: end - start) { buffer in
                for k in start..<end { let b = bytes[k]; buffer[k - start] = b >= 65 && b <= 90 ? b | 0x20 : b }
                return end - start
            }
        }
        // An opening bracket in the gap already raised the depth; this token is inside it.
        return ReleaseToken(text: text, lower: lower, start: start, end: end, gap: gap, bracketDepth: depth)
    }

    /// "Show1x01", "grp-zoos01e11": an episode marker glued to the title's last word. Where the
    /// marker starts (the word is split there), when a word of 2+ letters ends in "<s>x<ee>" or
    /// "s<ss>e<ee>[e<ee>...]" — shapes no ordinary word or piece of jargon has.
    static func gluedMarkerStart(_ b: [UInt8], start: Int, end: Int) -> Int? {
        // Byte checks first: at least "ab1x01", ending in two digits.
        guard end - start >= 6, isDigit(b[end - 1]), isDigit(b[end - 2]) else { return nil }
        func letter(_ k: Int) -> Bool { let c = b[k] | 0x20; return c >= 97 && c <= 122 }
        let k = end - 2
        // "1x01" / "12x01"
        if k - 1 > start, b[k - 1] | 0x20 == UInt8(ascii: "x"), k - 2 > start, isDigit(b[k - 2]) {
            var m = k - 2
            if m - 1 > start, isDigit(b[m - 1]) { m -= 1 }
            return m - start >= 2 && (start..<m).allSatisfy(letter) && b[m - 1] | 0x20 != UInt8(ascii: "x") ? m : nil
        }
        // "s01e11", "s01e11e12": letters, then "s" and digits, then one or more "e" and digits.
        for p in (start + 2)..<(end - 3) where b[p] | 0x20 == UInt8(ascii: "s") {
            guard (start..<p).allSatisfy(letter) else { return nil }
            if seasonEpisodeTail(b, from: p + 1, end: end) { return p }
        }
        return nil
    }

    /// digits{1,2} (e digits{1,3})+ exactly, from `from` to `end`.
    private static func seasonEpisodeTail(_ b: [UInt8], from: Int, end: Int) -> Bool {
        var i = from, digits = 0
        while i < end, isDigit(b[i]), digits < 2 { i += 1; digits += 1 }
        guard digits > 0 else { return false }
        var groups = 0
        while i < end, b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            digits = 0
            while i < end, isDigit(b[i]), digits < 3 { i += 1; digits += 1 }
            guard digits > 0 else { return false }
            groups += 1
        }
        return groups > 0 && i == end
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// The separator text between two words. A spaced dash written with dots or underscores
    /// (".-.", "_-_", "._-_.") is the same separator as " - ": the rules read one form.
    private static func canonicalGap(_ gap: ArraySlice<UInt8>) -> String {
        if gap.count >= 3, let dash = gap.firstIndex(of: UInt8(ascii: "-")), dash > gap.startIndex, dash < gap.endIndex - 1,
           gap.allSatisfy({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }),
           gap.filter({ $0 == UInt8(ascii: "-") }).count == 1 {
            return " - "
        }
        return String(decoding: gap, as: UTF8.self)
    }

    private static func bracketDelta(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"): 1
        case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"): -1
        default: 0
        }
    }

    private static func isWordByte(_ bytes: [UInt8], _ i: Int) -> Bool {
        let b = bytes[i]
        if b >= 0x80 { return true }
        if (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) { return true }
        // An apostrophe joins two word characters: "Marvel's", "Grey's"; so does "@" in group names ("h@mster", "Grym@BTNET").
        if b == 39 || b == 64, i > 0, i + 1 < bytes.count {
            // ... but "MP3@320", "mp3@vbr" are a format at a bitrate: "@" next to a digit separates.
            if b == 64, bytes[i + 1] >= 48 && bytes[i + 1] <= 57 || bytes[i - 1] >= 48 && bytes[i - 1] <= 57 { return false }
            return isAlnum(bytes[i - 1]) && isAlnum(bytes[i + 1])
        }
        return false
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
}

extension StringProtocol {
    /// Whether an ASCII character occurs: a byte scan. (`contains("-")` on a String goes through
    /// Foundation's locale-aware search, which was a fifth of the parser's time.)
    /// (The UTF-8 view's generic `contains` costs over a dozen instructions a byte; memchr on the
    /// contiguous bytes is the fast path.)
    func has(_ ascii: Unicode.Scalar) -> Bool {
        let byte = UInt8(ascii: ascii)
        if let found = utf8.withContiguousStorageIfAvailable({ buffer in
            buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false
        }) { return found }
        return utf8.contains(byte)
    }

    /// Whether every byte is printable ASCII (space to tilde).
    var isPrintableASCII: Bool {
        if let all = utf8.withContiguousStorageIfAvailable({ buffer in !buffer.contains(where: { $0 < 0x20 || $0 >= 0x7F }) }) { return all }
        return !utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F })
    }
}
