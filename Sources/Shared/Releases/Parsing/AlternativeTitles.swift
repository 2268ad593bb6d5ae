import Foundation

/// "Le.Prestige.(The.Prestige)", "La Defense Lincoln (The Lincoln Lawyer) 2011": a second title in
/// parentheses after the first is its translation or working title, not part of the name we search
/// for. Country codes ("The Office (US)") and lists ("Title (Anime, Title)") stay.
enum AlternativeTitles {
    static func dropTrailing(_ title: String) -> String {
        guard title.utf8.last == UInt8(ascii: ")"), let open = title.lastIndex(of: "("), open != title.startIndex else { return title }
        let inside = title[title.index(after: open)..<title.index(before: title.endIndex)]
        guard inside.contains(where: \.isLetter), !inside.contains(","), !inside.contains("("),
              !keptWords.contains(inside.lowercased()), inside.count > 2 else { return title }
        let head = TitleCleaner.trim(String(title[..<open]))
        return head.contains(where: { $0.isLetter || $0.isNumber }) ? head : title
    }

    /// Parenthesised words that do belong to a series' name.
    private static let keptWords: Set<String> = ["us", "uk", "au", "ca", "nz", "not"]
}
