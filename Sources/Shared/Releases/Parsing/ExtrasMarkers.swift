import Foundation

/// Collection and bonus markers in file names: "James_Bond-f21-Casino_Royale-x02-Stunts.mkv" is film 21 of
/// a collection, "Casino Royale", and its second bonus feature. The title runs from after "-fNN-" to
/// before "-xNN-"; what follows the bonus marker names the extra, not the film.
enum ExtrasMarkers {
    /// The tokens up to the bonus marker (all of them when there is none).
    static func beforeBonus(_ t: [ReleaseToken]) -> [ReleaseToken] {
        // After a word or a bracket: in "1x01-x03" the x03 ends an episode range.
        guard t.count > 2, let x = (1..<t.count).first(where: { isMarker(t[$0], letter: UInt8(ascii: "x"))
                && (t[$0 - 1].inBrackets || !t[$0 - 1].lower.utf8.contains(where: { $0 >= 48 && $0 <= 57 })) }), x + 1 < t.count else { return t }
        return Array(t[..<x])
    }

    /// The first title token after a "-fNN-" film number, if the name has one.
    static func afterFilmNumber(_ t: [ReleaseToken], from start: Int) -> Int {
        guard t.count - start > 2, let f = (start + 1..<t.count - 1).first(where: { isMarker(t[$0], letter: UInt8(ascii: "f")) }),
              t[f + 1].gap == "-" else { return start }
        return f + 1
    }

    /// "x02", "f21": the letter then two digits, hyphen-joined to the name before it.
    private static func isMarker(_ token: ReleaseToken, letter: UInt8) -> Bool {
        let w = token.lower.utf8
        guard w.count == 3, w.first == letter, token.gap.hasSuffix("-"), !token.inBrackets else { return false }
        return w.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
