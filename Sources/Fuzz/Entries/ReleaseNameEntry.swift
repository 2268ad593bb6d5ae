import Foundation
import Releases

/// Release names come from indexers and file names: any bytes, read as UTF-8 the way the
/// providers read them (invalid sequences become U+FFFD).
enum ReleaseNameEntry {
    static func run(_ data: Data) -> String {
        let name = String(decoding: data, as: UTF8.self)
        var kinds: [String] = []
        for hint in ReleaseNameParser.Hint.allCases {
            let parsed = ReleaseNameParser.parse(name, hint: hint)
            _ = ParsedReleaseJSON.line(parsed)
            kinds.append("\(parsed.kind)")
        }
        return "parsed " + kinds.joined(separator: ",")
    }
}
