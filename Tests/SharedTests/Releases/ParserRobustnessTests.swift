@testable import Core
@testable import Releases
import Foundation
import Testing

/// The parser faces whatever a user or an indexer sends: it must never crash and must finish
/// fast, whatever the string.
@Suite struct ParserRobustnessTests {
    /// A fixed-seed generator so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").map(String.init)
        + [".", "-", "_", " ", "[", "]", "(", ")", "{", "}", "'", "+", "~", "#", "/", "\\", "😀", "👨‍👩‍👧", "é", "ж", "日本",
           "\u{0}", "\u{1}", "\u{7F}", "\u{85}", "\u{200B}", "\u{FEFF}", "\t", "\n", "\r", "S01E01", "1080p", "x264", "2019",
           "FLAC", "24bit", "-GRP", "1x02", "Season", "E01-E03", "44.1kHz", "١٢٣", "１２３", "½", "Ⅻ", "x", "v2", " - ", "#"]

    static func randomName(_ rng: inout SplitMix, length: Int) -> String {
        var s = ""
        for _ in 0..<length { s += alphabet.randomElement(using: &rng)! }
        return s
    }

    /// No input crashes the parser, and the same name always parses the same way (no state carried
    /// between calls). Speed is measured by `lcarsd parse --bench` in bench/parser.sh, not here.
    @Test func randomStringsNeverCrashAndParseTheSameTwice() {
        var rng = SplitMix(state: 42)
        for length in [0, 1, 2, 5, 20, 80, 300, 2_000, 10_000] {
            for _ in 0..<(length > 1_000 ? 5 : 200) {
                let name = Self.randomName(&rng, length: length)
                for hint in ReleaseNameParser.Hint.allCases {
                    let first = ReleaseNameParser.parse(name, hint: hint)
                    #expect(ReleaseNameParser.parse(name, hint: hint) == first, "\(length)-piece name parsed differently")
                }
            }
        }
    }

    @Test(arguments: [
        "", " ", "\u{0}", "-", "[]", "()", ".", "....", "- - -", "[[[[[[", ")))]]]", "S01E01", "1080p", "2019", "-GRP",
        "😀😀😀", "日本語のタイトル", String(repeating: "S01E01-", count: 2_000), String(repeating: "1", count: 10_000),
        String(repeating: "[(", count: 5_000), "S01" + String(repeating: "E01", count: 3_000), String(repeating: "a.", count: 5_000),
        String(repeating: "2019.03.15.", count: 1_000), String(repeating: "x", count: 10_000), String(repeating: "Season 1-", count: 1_000),
        String(repeating: "01-", count: 3_000), String(repeating: "24-96 ", count: 2_000),
    ])
    func pathologicalInputs(_ name: String) {
        // Their speed is a figure in bench/parser.sh (no timed assertions here).
        let result = ReleaseNameParser.parse(name)
        // Bounded output too: the parser caps how much of a name it reads and how many episodes a range makes.
        #expect(result.title.unicodeScalars.count <= ReleaseNameInput.maxScalars)
        #expect(result.episodes.count <= 700 && result.absoluteEpisodes.count <= 700)
    }

    @Test func controlCharactersNeverReachTheTitle() {
        let r = ReleaseNameParser.parse("Movie\u{1}Title\u{7F}.2010.\u{0}1080p")
        #expect(r.title == "Movie Title")
        #expect(r.year == 2010 && r.quality == .p1080)
        #expect(!r.title.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }
}

@Suite struct ParsedReleaseJSONTests {
    @Test(arguments: ["The.Walking.Dead.S05E03.720p.HDTV.x264-ASAP[ettv]", "Kendrick Lamar - DAMN. (2017) [FLAC 24bit-96kHz]",
                      "Quote \" back\\slash\ttab \u{1} ctrl 😀 [SubsPlease] x - 01 (1080p)", "", "Breaking.Bad.S01-S05.1080p"])
    func directWriterMatchesCodable(_ name: String) throws {
        let parsed = ReleaseNameParser.parse(name)
        let direct = try JSONSerialization.jsonObject(with: Data(ParsedReleaseJSON.line(parsed).utf8)) as? NSDictionary
        let codable = try JSONSerialization.jsonObject(with: JSONEncoder().encode(parsed)) as? NSDictionary
        #expect(direct != nil && direct == codable)
        #expect(try JSONDecoder().decode(ParsedRelease.self, from: Data(ParsedReleaseJSON.line(parsed).utf8)) == parsed)
    }
}
