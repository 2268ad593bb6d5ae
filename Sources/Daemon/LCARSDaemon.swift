import ArgumentParser
import Foundation
import Config
import Core

/// lcarsd: the long-running LCARS daemon and its admin subcommands (Daemon/CLI).
/// Run by the one-line main in Sources/Executables/lcarsd.
public struct LCARSDaemon: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lcarsd",
        abstract: "The LCARS daemon: migrations, the control socket, torrents and live events.",
        version: LCARSVersion.current,
        subcommands: [Serve.self, Migrate.self, Users.self, Ping.self, RenderNginx.self, Parse.self],
        defaultSubcommand: Serve.self)

    public init() {}
}

/// `--config` for every subcommand, and the one-line config error every subcommand prints.
struct ConfigOption: ParsableArguments {
    @Option(help: "Configuration file (default: $LCARS_CONFIG, then ./data/config.toml).")
    var config: String?

    func load() throws -> LCARSConfig {
        do {
            return try ConfigLoader.load(explicit: config)
        } catch {
            FileHandle.standardError.write(Data("lcarsd: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// Prints a failure as one line on stderr and exits with `code`.
func fail(_ message: String, code: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data("lcarsd: \(message)\n".utf8))
    return ExitCode(code)
}
