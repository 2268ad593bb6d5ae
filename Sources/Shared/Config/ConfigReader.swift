import TOMLKit

/// Reads typed values out of a parsed TOML document, one section at a time, applying
/// `LCARS_SECTION__KEY` environment overrides and remembering which keys it has seen so that
/// unknown keys (usually typos) are reported instead of silently ignored.
final class ConfigReader {
    static let envPrefix = "LCARS_"
    static let envNotOverrides: Set<String> = ["LCARS_CONFIG"]

    let file: String
    private let root: TOMLTable
    private let env: [String: String]
    private var usedEnv: Set<String> = []

    init(file: String, root: TOMLTable, environment: [String: String]) {
        self.file = file
        self.root = root
        self.env = environment.filter {
            $0.key.hasPrefix(Self.envPrefix) && !Self.envNotOverrides.contains($0.key)
        }
    }

    /// The environment variable that overrides a dotted key: `torrent.seeding.ratio_limit`
    /// → `LCARS_TORRENT__SEEDING__RATIO_LIMIT`.
    static func envName(for path: [String]) -> String {
        envPrefix + path.map { $0.uppercased() }.joined(separator: "__")
    }

    func section(_ path: String...) throws -> SectionReader {
        var table: TOMLTable? = root
        for (index, name) in path.enumerated() {
            guard let current = table, let value = current[name] else { table = nil; break }
            guard let sub = value.table else {
                throw ConfigError(source: file, key: path[...index].joined(separator: "."),
                                  problem: "expected a table ([\(path[...index].joined(separator: "."))]), found \(value.type)")
            }
            table = sub
        }
        return SectionReader(reader: self, path: path, table: table)
    }

    /// Tables of an array of tables such as `[[storage.mounts]]`; env overrides do not apply to them.
    func tableArray(_ section: String, _ key: String) throws -> [SectionReader] {
        guard let parent = root[section]?.table, let value = parent[key] else { return [] }
        let dotted = "\(section).\(key)"
        guard let array = value.array else {
            throw ConfigError(source: file, key: dotted, problem: "expected an array of tables ([[\(dotted)]]), found \(value.type)")
        }
        return try array.enumerated().map { index, element in
            guard let table = element.table else {
                throw ConfigError(source: file, key: "\(dotted)[\(index)]", problem: "expected a table, found \(element.type)")
            }
            return SectionReader(reader: self, path: [section, "\(key)[\(index)]"], table: table, envAllowed: false)
        }
    }

    func envValue(_ path: [String]) -> (name: String, value: String)? {
        let name = Self.envName(for: path)
        guard let value = env[name] else { return nil }
        usedEnv.insert(name)
        return (name, value)
    }

    /// Rejects top-level sections nobody asked for and `LCARS_*` variables that override nothing.
    func finish(knownSections: Set<String>) throws {
        for key in root.keys.sorted() where !knownSections.contains(key) {
            throw ConfigError(source: file, key: key,
                              problem: "unknown section or key (known sections: \(knownSections.sorted().joined(separator: ", ")))")
        }
        for name in env.keys.sorted() where !usedEnv.contains(name) {
            throw ConfigError(source: "environment", key: name,
                              problem: "does not match any configuration key (form: LCARS_SECTION__KEY, e.g. LCARS_SERVER__PORT)")
        }
    }
}
