import Foundation

/// Makes any string safe and bounded for the parser: control characters become spaces, the
/// length is capped (real release names are < 300 characters; a cap keeps work bounded whatever
/// is thrown at the parse API), a trailing file extension goes.
enum ReleaseNameInput {
    /// Unicode scalars kept from the start of a name.
    static let maxScalars = 1024

    /// Extensions removed from a name. Audio ones stay: in "Album.2005.FLAC" the last word is the
    /// format, and in "Song.flac" it says the same.
    static let fileExtensions: Set<String> = [
        "mkv", "mp4", "avi", "m4v", "wmv", "mov", "mpg", "mpeg", "m2ts", "webm", "ogm", "divx", "iso", "vob",
        "torrent", "nzb", "srt", "rar", "zip", "par2", "nfo", "sfv", "mk3d",
    ]

    static func normalize(_ raw: String) -> String {
        // Most names are printable ASCII and short: nothing to replace, no need to rebuild the string.
        if raw.utf8.count <= maxScalars, raw.isPrintableASCII {
            return stripExtension(unwrap(trimSpaces(plusSpaced(raw))))
        }
        var scalars = String.UnicodeScalarView()
        var count = 0
        var previous: Unicode.Scalar = " "
        var rest = raw.unicodeScalars.makeIterator()
        var current = rest.next()
        while let scalar = current {
            if count == maxScalars { break }
            count += 1
            let following = rest.next()
            // "1280×720" is a frame size, "SPY×FAMILY" a title: the sign is an x only after a digit.
            var next = scalar.value == 0xD7 && !(previous.value >= 48 && previous.value <= 57 || previous == " ") ? scalar : replacement(for: scalar)
            // "[06х01-08]" (seen in TheBeastLT/parse-torrent-title's tests): Russian names write the cross with the Cyrillic
            // letter х between the season's and the episode's digits.
            if scalar.value == 0x445 || scalar.value == 0x425, previous.value >= 48 && previous.value <= 57,
               let f = following, f.value >= 48 && f.value <= 57 { next = "x" }
            scalars.append(next)
            previous = next
            current = following
        }
        return stripExtension(trimSpaces(String(scalars)))
    }

    /// "Series+Title+S03+-+EP14+VOSTFR+[1080p]": a name whose spaces were URL-encoded as plus signs (no spaces, pluses
    /// between most words) gets its spaces back. ("VO+VFF+VFQ", "E01+E02" keep theirs: a name has spaces or dots too.)
    static func plusSpaced(_ text: String) -> String {
        guard text.has("+"), !text.has(" ") else { return text }
        var pluses = 0, dots = 0, underscores = 0
        for b in text.utf8 {
            if b == UInt8(ascii: "+") { pluses += 1 } else if b == UInt8(ascii: ".") { dots += 1 } else if b == UInt8(ascii: "_") { underscores += 1 }
        }
        guard pluses >= 3, pluses > dots, pluses > underscores else { return text }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: "+") ? 32 : $0 }, as: UTF8.self)
    }

    /// "[ Show S02E10 1080p WEB-DL x264-TrollHD ]": a whole name in one spaced bracket is the name.
    static func unwrap(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.count > 4, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"),
              bytes.dropFirst().first == 32, bytes.dropLast().last == 32,
              bytes.filter({ $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }).count == 2 else { return text }
        return trimSpaces(String(text.dropFirst().dropLast()))
    }

    /// Leading and trailing spaces off (control characters are spaces by now), without Foundation.
    static func trimSpaces(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != 32 }), let last = bytes.lastIndex(where: { $0 != 32 }) else { return "" }
        return String(text[first...last])
    }

    /// Control characters (C0, DEL, C1) and odd spaces become plain spaces; full-width brackets
    /// become ASCII ones, as some anime and Asian site names use them.
    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0xA0, 0x3000: return " "
        case 0x3010, 0xFF3B: return "["
        case 0x3011, 0xFF3D: return "]"
        case 0xFF08: return "("
        case 0xFF09: return ")"
        case 0xD7: return "x"   // "1280×720"
        case 0x2010...0x2015, 0x2212: return "-"   // en and em dashes, the minus sign: "Artist – Album"
        case 0xFF10...0xFF19: return Unicode.Scalar(scalar.value - 0xFF10 + 48)!   // full-width digits "１５８"
        case 0xFF1A: return ":"   // full-width colon
        case 0x2116: return " "   // the numero sign: "Сезон №9. Серия №180"
        default: return scalar
        }
    }

    static func hasFileExtension(_ text: String) -> Bool { fileExtension(text) != nil }

    static let videoExtensions: Set<String> = ["mkv", "mp4", "avi", "m4v", "wmv", "mov", "mpg", "mpeg", "m2ts", "webm", "ogm", "divx", "vob", "iso"]
    static let audioExtensions: Set<String> = ["flac", "mp3", "m4a", "ogg", "opus", "wav", "ape", "wv"]

    /// The lower-cased file extension a name ends with, if it is a known one.
    static func fileExtension(_ raw: String) -> String? {
        // The last few bytes only: names are long, extensions short. An extension is 2 to 7 letters
        // or digits after a dot: refuse anything else before building a string.
        let tail = raw.utf8.suffix(9)
        guard let dot = tail.lastIndex(of: UInt8(ascii: ".")),
              tail[tail.index(after: dot)...].allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || $0 >= 48 && $0 <= 57 }),
              tail.distance(from: dot, to: tail.endIndex) >= 3 else { return nil }
        let ext = String(decoding: tail[tail.index(after: dot)...], as: UTF8.self).lowercased()
        return fileExtensions.contains(ext) || audioExtensions.contains(ext) ? ext : nil
    }

    /// "Movie 2019 1080p BluRay x265-GRP mkv": a name whose dots became spaces keeps its extension as a last,
    /// lower-case word.
    private static func stripSpacedExtension(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.count > 8, bytes.last.map({ $0 == UInt8(ascii: "v") || $0 == UInt8(ascii: "4") || $0 == UInt8(ascii: "i") }) == true else { return text }
        for ext in [" mkv", " mp4", " avi"] where text.hasSuffix(ext) { return trimSpaces(String(text.dropLast(4))) }
        return text
    }

    /// ".ts" is a transport-stream file, but "TS" is also telesync: only "…-Group.ts" is a file, and a lower-case ".ts"
    /// after a name written with spaces ("Show - S01E02 - Title.ts", "Bad Boys 2 1080i.mpg2.rus.eng.ts", seen in Sonarr's
    /// and guessit's tests: a recorder's file; a scene name writes telesync "TS" as a word of its own).
    private static func stripTransportStream(_ text: String) -> String {
        // Only names ending in ".ts" (any case) are looked at further.
        guard text.utf8.count > 4, text.utf8.last.map({ $0 | 0x20 }) == UInt8(ascii: "s") else { return text }
        if text.hasSuffix(".ts"), text.utf8.contains(32) { return String(text.dropLast(3)) }
        let bytes = Array(text.utf8.suffix(24))
        guard bytes.count > 4, bytes.suffix(3).map({ $0 | 0x20 }) == Array(".ts".utf8),
              let dash = bytes.lastIndex(of: UInt8(ascii: "-")), dash < bytes.count - 4,
              bytes[(dash + 1)..<(bytes.count - 3)].allSatisfy({ ($0 >= 48 && $0 <= 57) || (($0 | 0x20) >= 97 && ($0 | 0x20) <= 122) })
        else { return text }
        return String(text.dropLast(3))
    }

    private static func stripExtension(_ text: String) -> String {
        let text = stripSpacedExtension(stripTransportStream(text))
        guard let ext = fileExtension(text), fileExtensions.contains(ext),
              let dot = text.utf8.lastIndex(of: UInt8(ascii: ".")), dot > text.startIndex else { return text }
        return trimSpaces(String(text[..<dot]))
    }
}
