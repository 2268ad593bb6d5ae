import Foundation

/// Sizes some uploaders put in names ("900MB", "1.4GB", "999 MB"): jargon, never title or group.
enum SizeWords {
    static let units: Set<String> = ["mb", "gb", "mib", "gib", "kb", "tb"]

    static func isSize(_ t: [ReleaseToken], at i: Int) -> Bool {
        let w = t[i].lower
        if units.contains(w), i > 0, t[i - 1].isNumber { return true }
        for unit in units where w.hasSuffix(unit) {
            let digits = w.dropLast(unit.count)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return true }
        }
        return false
    }
}
