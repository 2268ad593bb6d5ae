import Foundation

/// Reads sizes as sites print them: "1.4 GB", "700,5 MB", "1.2 GiB", "4.7 ГБ".
enum SizeText {
    static func bytes(_ text: String) -> Int64? {
        let cleaned = text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces)
        var number = ""
        var rest = Substring(cleaned)
        while let c = rest.first, c.isNumber || c == "." { number.append(c); rest = rest.dropFirst() }
        guard let value = Double(number) else { return nil }
        let unit = rest.trimmingCharacters(in: .whitespaces).lowercased().prefix(3)
        let multiplier: Double
        switch unit.first {
        case "k", "к": multiplier = 1024
        case "m", "м": multiplier = 1024 * 1024
        case "g", "г": multiplier = 1024 * 1024 * 1024
        case "t", "т": multiplier = 1024 * 1024 * 1024 * 1024
        case "b", "б": multiplier = 1
        default: return nil
        }
        let bytes = value * multiplier
        // A page can say anything: out-of-range numbers are no size, not a crash.
        guard bytes.isFinite, bytes >= 0, bytes < 9.0e18 else { return nil }
        return Int64(bytes)
    }
}
