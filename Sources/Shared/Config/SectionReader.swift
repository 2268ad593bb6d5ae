import TOMLKit

/// Typed access to one TOML table. Each accessor checks the type (and range where given),
/// falls back to a default, and lets an environment variable win over the file.
final class SectionReader {
    private let reader: ConfigReader
    private let path: [String]
    private let table: TOMLTable?
    private let envAllowed: Bool
    private var known: Set<String> = []

    init(reader: ConfigReader, path: [String], table: TOMLTable?, envAllowed: Bool = true) {
        self.reader = reader
        self.path = path
        self.table = table
        self.envAllowed = envAllowed
    }

    private func dotted(_ key: String) -> String { (path + [key]).joined(separator: ".") }

    private func fail(_ key: String, _ problem: String, env: String? = nil) -> ConfigError {
        if let env { return ConfigError(source: "environment \(env)", key: dotted(key), problem: problem) }
        return ConfigError(source: reader.file, key: dotted(key), problem: problem)
    }

    /// Looks a key up: the environment first, then the file. `parse` converts an env string.
    private func lookup<T>(_ key: String, expected: String,
                           fromTOML: (TOMLValueConvertible) -> T?,
                           fromEnv: (String) -> T?) throws -> T? {
        known.insert(key)
        if envAllowed, let (name, raw) = reader.envValue(path + [key]) {
            guard let value = fromEnv(raw) else { throw fail(key, "expected \(expected), found \"\(raw)\"", env: name) }
            return value
        }
        guard let raw = table?[key] else { return nil }
        guard let value = fromTOML(raw) else {
            throw fail(key, "expected \(expected), found \(raw.type) \(raw.debugDescription)")
        }
        return value
    }

    func string(_ key: String, default fallback: String) throws -> String {
        try lookup(key, expected: "a string", fromTOML: { $0.string }, fromEnv: { $0 }) ?? fallback
    }

    func requiredString(_ key: String, hint: String) throws -> String {
        guard let value = try lookup(key, expected: "a string", fromTOML: { $0.string }, fromEnv: { $0 }) else {
            throw fail(key, "missing; \(hint)")
        }
        return value
    }

    func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        let value = try lookup(key, expected: expected, fromTOML: { $0.int }, fromEnv: { Int($0) }) ?? fallback
        guard range.contains(value) else { throw fail(key, "expected \(expected), found \(value)") }
        return value
    }

    func double(_ key: String, default fallback: Double, in range: ClosedRange<Double>) throws -> Double {
        let expected = "a number from \(range.lowerBound) to \(range.upperBound)"
        let value = try lookup(key, expected: expected,
                               fromTOML: { $0.double ?? $0.int.map(Double.init) },
                               fromEnv: { Double($0) }) ?? fallback
        guard range.contains(value), value.isFinite else { throw fail(key, "expected \(expected), found \(value)") }
        return value
    }

    func bool(_ key: String, default fallback: Bool) throws -> Bool {
        try lookup(key, expected: "true or false", fromTOML: { $0.bool }, fromEnv: { raw in
            switch raw.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: return nil
            }
        }) ?? fallback
    }

    func stringArray(_ key: String, default fallback: [String]) throws -> [String] {
        try array(key, default: fallback, expected: "an array of strings", element: { $0.string }, parse: { $0 })
    }

    func intArray(_ key: String, default fallback: [Int]) throws -> [Int] {
        try array(key, default: fallback, expected: "an array of integers", element: { $0.int }, parse: { Int($0) })
    }

    /// IP addresses and CIDR ranges; from the environment comma-separated ("" = none).
    func networkArray(_ key: String, default fallback: [IPNetwork]) throws -> [IPNetwork] {
        try array(key, default: fallback, expected: "an array of IP addresses or CIDR ranges such as \"10.0.0.0/8\"",
                  element: { $0.string.flatMap(IPNetwork.init) }, parse: { IPNetwork($0) })
    }

    /// A TOML array whose elements all convert with `element`; from the environment, a
    /// comma-separated list whose items all convert with `parse`.
    private func array<T>(_ key: String, default fallback: [T], expected: String,
                          element: @escaping (TOMLValueConvertible) -> T?, parse: @escaping (String) -> T?) throws -> [T] {
        try lookup(key, expected: expected, fromTOML: { value in
            guard let array = value.array else { return nil }
            let items = array.compactMap(element)
            return items.count == array.count ? items : nil
        }, fromEnv: { raw in
            let items = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let parsed = items.compactMap(parse)
            return parsed.count == items.count ? parsed : nil
        }) ?? fallback
    }

    /// Marks sub-tables as known (they are read by their own SectionReader).
    func subsection(_ key: String) { known.insert(key) }

    /// Every key of the table must have been asked for.
    func finish() throws {
        guard let table else { return }
        for key in table.keys.sorted() where !known.contains(key) {
            throw fail(key, "unknown key (known keys here: \(known.sorted().joined(separator: ", ")))")
        }
    }
}

import Foundation
