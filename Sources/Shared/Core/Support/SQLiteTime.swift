import Foundation

/// SQLite's own `datetime('now')` text form (UTC, "YYYY-MM-DD HH:MM:SS"), which sorts and compares
/// correctly as text; the API shows the same instants as ISO 8601.
public enum SQLiteTime {
    /// Formatted with gmtime_r: this runs on every authenticated request, and building a
    /// DateFormatter each time cost a fifth of a responder's CPU.
    public static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2)) "
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
    }

    /// The instant a `format` text names (UTC); nil for any other text.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int32($0) }
        guard text.count == 19, parts.count == 6 else { return nil }
        var fields = tm()
        fields.tm_year = parts[0] - 1900
        fields.tm_mon = parts[1] - 1
        fields.tm_mday = parts[2]
        fields.tm_hour = parts[3]
        fields.tm_min = parts[4]
        fields.tm_sec = parts[5]
        return Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
    }

    /// The instant as ISO 8601 UTC ("2026-01-02T03:04:05Z", whole seconds), as ISO8601DateFormatter
    /// writes it but without ICU: building that formatter maps megabytes of ICU's data into the
    /// process (lcarsd did it once at start, for its status; the indexers' parsers per result).
    public static func iso8601(_ date: Date) -> String { iso8601(format(date)) }

    /// "2026-01-02 03:04:05" → "2026-01-02T03:04:05Z"; anything else is returned unchanged.
    /// Every list item and episode the API writes goes through here, so the usual ASCII text is
    /// rewritten byte by byte (replacingOccurrences was a visible share of a responder's time).
    public static func iso8601(_ text: String) -> String {
        var text = text
        let quick: String? = text.withUTF8 { bytes in
            guard bytes.count == 19, bytes[10] == UInt8(ascii: " "), bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var out = bytes.map { $0 == UInt8(ascii: " ") ? UInt8(ascii: "T") : $0 }
            out.append(UInt8(ascii: "Z"))
            return String(decoding: out, as: UTF8.self)
        }
        if let quick { return quick }
        guard text.count == 19, text.dropFirst(10).first == " " else { return text }
        return text.replacingOccurrences(of: " ", with: "T") + "Z"
    }
}
