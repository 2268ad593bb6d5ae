import ArgumentParser
import Config
import Core
import Persistence

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and exit.")
    @OptionGroup var options: ConfigOption

    func run() throws {
        let config = try options.load()
        try PrivateFiles.secureDirectory(config.server.dataDir)   // 0700 (issue 11): secrets inside
        let applied = try AppDatabase.open(config.database).migrate()
        print(applied.isEmpty ? "database is current (version \(Migrations.latestVersion))"
                              : "applied \(applied.joined(separator: ", ")); database is at version \(Migrations.latestVersion)")
    }
}
