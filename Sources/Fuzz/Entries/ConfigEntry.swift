import Config
import Foundation

/// A config.toml as `ConfigLoader.load` reads it: not UTF-8 is refused before parsing, the rest
/// goes through TOMLKit, the section readers and the validation. No environment overrides.
enum ConfigEntry {
    static func run(_ data: Data) -> String {
        guard let text = String(data: data, encoding: .utf8) else { return "not UTF-8" }
        do {
            _ = try ConfigLoader.parse(text, file: "fuzz.toml", environment: [:])
            return "config ok"
        } catch let error as ConfigError {
            return "config error: \(error.key ?? "-")"
        } catch {
            return Outcome.error(error)
        }
    }
}
