import Core
import Metadata

/// Fields of the media views written straight into the JSON bytes: a stored TMDB image URL as our
/// `/api/images/tmdb/…` address and a SQLite time as ISO 8601, without making either String first
/// (each list item and episode has one or two). The output is what `ViewFormatting.tmdbImage` and
/// `SQLiteTime.iso8601` give for the same text; anything the quick paths are not certain about goes
/// through them.
extension JSONWriter {
    /// Left out when `stored` is nil or not a TMDB image (as `tmdbImage` gives nil).
    mutating func tmdbImageField(_ name: StaticString, _ stored: String?) {
        guard let stored else { return }
        if plainField(name, { ViewFormatting.appendQuickTMDB(stored, to: &$0) }) { return }
        field(name, ImageLinks.tmdb(stored))
    }

    mutating func isoTimeField(_ name: StaticString, _ sqliteTime: String) {
        if plainField(name, { Self.appendQuickISO(sqliteTime, to: &$0) }) { return }
        field(name, SQLiteTime.iso8601(sqliteTime))
    }

    /// "2026-01-02 03:04:05" → "2026-01-02T03:04:05Z" as `SQLiteTime.iso8601` rewrites it (every
    /// space a "T"), for 19 printable ASCII bytes other than `"` and `\` (nothing to escape).
    static func appendQuickISO(_ text: String, to out: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == 19, bytes[10] == UInt8(ascii: " "),
                  bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else { return false }
            for byte in bytes { out.append(byte == UInt8(ascii: " ") ? UInt8(ascii: "T") : byte) }
            out.append(UInt8(ascii: "Z"))
            return true
        }
    }
}
