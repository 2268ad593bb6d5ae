import Foundation

/// The parser fixture corpus (Tests/Fixtures/parser, see its NOTE.md): release names from other
/// parsers' public test suites with the fields those tests assert, mapped to our conventions.
public struct ParserCorpusCase: Sendable {
    /// One asserted value; `null` asserts that the field is absent.
    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case null, bool(Bool), int(Int), string(String), ints([Int])

        public var description: String {
            switch self {
            case .null: "null"
            case let .bool(b): String(b)
            case let .int(i): String(i)
            case let .string(s): "\"\(s)\""
            case let .ints(a): "[" + a.map(String.init).joined(separator: ",") + "]"
            }
        }
    }

    public var name: String
    public var kind: String
    public var source: String
    /// Field name (as in `lcarsd parse` JSON, plus `title_key`) → expected value, in file order.
    public var expect: [(field: String, value: Value)]

    /// Every case is parsed as a name of unknown kind (`auto`): the kind is the suite's, for the
    /// report (Lidarr's group tests, for one, are video names).
    public var hint: ReleaseNameParser.Hint { .auto }
}

public enum ParserCorpus {
    public enum LoadError: Error, CustomStringConvertible {
        case badLine(Int, String)
        public var description: String {
            switch self { case let .badLine(n, why): "corpus line \(n): \(why)" }
        }
    }

    /// Reads a JSON-lines corpus file.
    public static func load(_ url: URL) throws -> [ParserCorpusCase] {
        try parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    public static func parse(_ text: String) throws -> [ParserCorpusCase] {
        var cases: [ParserCorpusCase] = []
        for (n, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let name = object["name"] as? String, let kind = object["kind"] as? String,
                  let expect = object["expect"] as? [String: Any]
            else { throw LoadError.badLine(n + 1, "not a case object") }
            var fields: [(String, ParserCorpusCase.Value)] = []
            // JSONSerialization loses key order; sort for a stable report.
            for key in expect.keys.sorted() {
                guard let value = value(expect[key]!, boolean: booleanFields.contains(key)) else { throw LoadError.badLine(n + 1, "unsupported value for \(key)") }
                fields.append((key, value))
            }
            cases.append(ParserCorpusCase(name: name, kind: kind, source: object["source"] as? String ?? "", expect: fields))
        }
        return cases
    }

    /// Fields whose values are true/false (JSON booleans arrive as numbers on Linux too).
    static let booleanFields: Set<String> = ["full_season", "remux", "discography", "complete", "proper", "repack"]

    private static func value(_ any: Any, boolean: Bool) -> ParserCorpusCase.Value? {
        switch any {
        case is NSNull: return .null
        case let s as String: return .string(s)
        case let n as NSNumber: return boolean ? .bool(n.boolValue) : .int(n.intValue)
        case let a as [Any]:
            var ints: [Int] = []
            for item in a { guard let n = item as? NSNumber else { return nil }; ints.append(n.intValue) }
            return .ints(ints)
        default: return nil
        }
    }
}
