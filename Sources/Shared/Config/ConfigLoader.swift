import Foundation
import TOMLKit

/// Finds, parses and validates the configuration file.
/// Order: `--config PATH`, then `$LCARS_CONFIG`, then `./data/config.toml`.
public enum ConfigLoader {
    public static let defaultPath = "./data/config.toml"

    public static func locate(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnv = environment["LCARS_CONFIG"], !fromEnv.isEmpty { return fromEnv }
        return defaultPath
    }

    /// Loads the file at the located path; every problem becomes one `ConfigError`.
    public static func load(explicit: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LCARSConfig {
        let path = locate(explicit: explicit, environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(source: path, key: nil,
                              problem: "cannot read the file; pass --config PATH, set LCARS_CONFIG, or copy config.example.toml to \(defaultPath)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(source: path, key: nil, problem: "the file is not UTF-8 text")
        }
        return try parse(text, file: path, environment: environment)
    }

    public static func parse(_ text: String, file: String, environment: [String: String] = [:]) throws -> LCARSConfig {
        let root: TOMLTable
        // Inputs TOMLKit would abort the process on instead of reporting them.
        if let (line, problem) = TOMLAssertionCheck.malformedLine(in: text) {
            throw ConfigError(source: "\(file) line \(line)", key: nil, problem: "not valid TOML: \(problem)")
        }
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(source: "\(file) line \(error.source.begin.line), column \(error.source.begin.column)",
                              key: nil, problem: "not valid TOML: \(error.description)")
        }
        let reader = ConfigReader(file: file, root: root, environment: environment)
        let config = try ConfigSections.read(reader, file: file)
        try reader.finish(knownSections: ConfigSections.names)
        try ConfigValidation.check(config)
        return config
    }
}
