import Foundation

/// Makes one path component safe on every filesystem a NAS shares a library over (ext4, Btrfs,
/// SMB/NTFS, exFAT): titles come from TMDB and MusicBrainz and may hold `/`, `:` or `?`
/// ("Face/Off", "Mission: Impossible"), which would split a path or be refused by Windows clients.
public enum PathSanitizer {
    /// Characters SMB and Windows refuse in names, plus both separators.
    static let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
    /// Longest component in UTF-8 bytes: ext4 and most filesystems stop at 255.
    static let maxBytes = 240

    /// `raw` with forbidden and control characters replaced, whitespace collapsed, no trailing
    /// dots or spaces, bounded in length; `fallback` when nothing usable is left (or only `.`/`..`).
    public static func component(_ raw: String, fallback: String = "Unknown") -> String {
        var text = ""
        for scalar in raw.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                text.append(" ")
            } else if forbidden.contains(Character(scalar)) {
                text.append(scalar == ":" ? " -" : " ")
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        var cleaned = collapseSpaces(text)
        cleaned = truncated(cleaned)
        while let last = cleaned.last, last == "." || last == " " { cleaned.removeLast() }
        while let first = cleaned.first, first == " " { cleaned.removeFirst() }
        if cleaned.isEmpty || cleaned == "." || cleaned == ".." { return fallback }
        return cleaned
    }

    /// A relative path (`/`-separated, as a naming pattern renders it) with every component
    /// sanitised; empty components are dropped.
    public static func relativePath(_ raw: String) -> String {
        raw.split(separator: "/", omittingEmptySubsequences: true).map { component(String($0)) }.joined(separator: "/")
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Cut at a character boundary so the UTF-8 form fits `maxBytes`; a short extension
    /// (".mkv", ".flac") survives the cut, or the file would lose its type.
    static func truncated(_ text: String) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let ext = (text as NSString).pathExtension
        let keep = !ext.isEmpty && ext.count <= 5 && ext.allSatisfy { $0.isLetter || $0.isNumber } ? "." + ext : ""
        var out = ""
        for character in text.dropLast(keep.count) {
            if out.utf8.count + String(character).utf8.count + keep.utf8.count > maxBytes { break }
            out.append(character)
        }
        return out + keep
    }
}
