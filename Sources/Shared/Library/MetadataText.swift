import Foundation

/// Small conversions from metadata fields to column values.
enum MetadataText {
    /// The year of "1994-09-23" (or "1994"); nil for empty or malformed dates.
    static func year(_ date: String?) -> Int? {
        guard let date, date.count >= 4, let year = Int(date.prefix(4)) else { return nil }
        return year
    }

    /// Empty strings become nil: TMDB sends "" for unknown values.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }
}
