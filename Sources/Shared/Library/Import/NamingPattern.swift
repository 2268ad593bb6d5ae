import Foundation
import Core

/// A `[storage.naming]` pattern such as `tv/{title}/S{season:02}/{title} - S{season:02}E{episode:02}.{ext}`,
/// rendered into a relative library path. `{name:02}` pads a number with zeros to two digits.
/// Each `/`-separated part is rendered and sanitised on its own, so a value can never add a
/// directory level ("Face/Off" stays one name) or climb out with `..`.
public struct NamingPattern: Sendable, Equatable {
    /// Every placeholder a pattern may use (spec: Storage Service).
    public static let known: Set<String> = [
        "title", "year", "quality", "source", "codec", "group", "ext", "season", "episode", "episode_title",
        "artist", "album", "track", "disc", "format",
    ]

    public let text: String

    /// Refuses a pattern with an unknown or malformed placeholder, naming `key` (the config key).
    public init(_ text: String, key: String) throws {
        self.text = text
        for placeholder in try Self.placeholders(in: text, key: key) where !Self.known.contains(placeholder.name) {
            throw DomainError.validation("\(key): unknown placeholder {\(placeholder.name)} in \"\(text)\" "
                                         + "(known: \(Self.known.sorted().joined(separator: ", ")))", field: key)
        }
    }

    /// The relative path for `values`; a placeholder without a value renders empty, and the
    /// brackets or dashes it leaves behind ("Title ()", "Title - ") are tidied away.
    public func render(_ values: [String: String]) -> String {
        let parts = text.split(separator: "/", omittingEmptySubsequences: true).map { part in
            PathSanitizer.component(Self.tidy(Self.substitute(String(part), values)))
        }
        return parts.joined(separator: "/")
    }

    struct Placeholder: Equatable { let name: String; let width: Int? }

    static func placeholders(in text: String, key: String) throws -> [Placeholder] {
        var found: [Placeholder] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw DomainError.validation("\(key): an unclosed \"{\" in \"\(text)\"", field: key)
            }
            let body = rest[rest.index(after: open)..<close]
            guard let placeholder = parse(body) else {
                throw DomainError.validation("\(key): \"{\(body)}\" is not a placeholder (write {name} or {name:02})", field: key)
            }
            found.append(placeholder)
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// `name` or `name:0N` (a width of zero-padded digits).
    static func parse(_ body: Substring) -> Placeholder? {
        let pieces = body.split(separator: ":", omittingEmptySubsequences: false)
        guard let name = pieces.first, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }), pieces.count <= 2 else { return nil }
        guard pieces.count == 2 else { return Placeholder(name: String(name), width: nil) }
        guard let width = Int(pieces[1]), (1...9).contains(width) else { return nil }
        return Placeholder(name: String(name), width: width)
    }

    static func substitute(_ part: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(part)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            if let placeholder = parse(rest[rest.index(after: open)..<close]) {
                out += padded(values[placeholder.name] ?? "", width: placeholder.width)
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Zero-pads a number to `width`; text is left as it is.
    static func padded(_ value: String, width: Int?) -> String {
        guard let width, let number = Int(value), number >= 0 else { return value }
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Removes what an empty value leaves: "()" and "[]", a dash before the extension or at an
    /// end, doubled spaces.
    static func tidy(_ text: String) -> String {
        var t = text.replacingOccurrences(of: "()", with: "").replacingOccurrences(of: "[]", with: "")
        while t.contains("  ") { t = t.replacingOccurrences(of: "  ", with: " ") }
        for (from, to) in [(" - .", "."), (" .", "."), ("- .", ".")] { t = t.replacingOccurrences(of: from, with: to) }
        t = t.trimmingCharacters(in: .whitespaces)
        while t.hasSuffix(" -") || t.hasSuffix("-") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        while t.hasPrefix("- ") { t = String(t.dropFirst(2)) }
        return t
    }
}
