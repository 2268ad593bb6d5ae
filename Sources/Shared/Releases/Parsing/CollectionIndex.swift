import Foundation

/// A collection's running number glued in front of a film's file name: "(1)The Girl With The Dragon Tattoo (2009)"
/// (seen in guessit's tests, the first film of a trilogy's folder) is "The Girl With The Dragon Tattoo". Only a
/// parenthesised one- or two-digit number with the title's first word glued to its closing parenthesis:
/// "(500) Days of Summer" and "(500).Days.Of.Summer" keep their number.
enum CollectionIndex {
    /// The title's first token after such an index at `start`, or `start`.
    static func after(_ t: [ReleaseToken], from start: Int) -> Int {
        guard start + 1 < t.count, t[start].gap.hasSuffix("("), t[start].lower.utf8.count <= 2, t[start].isNumber,
              t[start + 1].gap == ")", let first = t[start + 1].lower.utf8.first, first >= 97 && first <= 122 || first >= 0x80
        else { return start }
        return start + 1
    }
}
