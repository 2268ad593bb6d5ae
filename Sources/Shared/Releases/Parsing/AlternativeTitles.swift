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

    /// "En.Affare.AKA.An.Affair.2018", "Utøya 22. juli AKA U - 22 july [2018]" (seen in ProfChaos/torrent-name-parser's tests):
    /// a title "also known as" another; the first is the one searched for, as Radarr's Parser.cs splits its titles at " AKA ".
    /// Only in capitals: "Kampen Om Tungtvannet aka The Heavy Water War" (guessit's tests) keeps its whole title.
    static func beforeAKA(_ title: String) -> String {
        let b = Array(title.utf8)
        guard b.count > 6 else { return title }
        for k in 1..<(b.count - 4) where b[k] == 65 && b[k - 1] == 32 && b[k + 1] == 75 && b[k + 2] == 65 && b[k + 3] == 32 {
            let head = TitleCleaner.trim(String(decoding: b[..<(k - 1)], as: UTF8.self))
            return head.contains(where: { $0.isLetter }) ? head : title
        }
        return title
    }

    /// Parenthesised words that do belong to a series' name.
    private static let keptWords: Set<String> = ["us", "uk", "au", "ca", "nz", "not"]
}
