import Foundation
import GRDB

/// Versioned schema migrations, one SQL file each under Migrations/, embedded into the binary
/// at build time. Only lcarsd runs them (`lcarsd migrate`, and at `lcarsd serve`); responders only
/// check that the schema is current and otherwise answer 503.
public enum Migrations {
    /// Identifier and SQL of every migration, oldest first. Never edit a shipped one: add a new file.
    static let all: [(id: String, sql: [UInt8])] = [
        ("V001_initial", PackageResources.V001_initial_sql),
        ("V002_login_limits", PackageResources.V002_login_limits_sql),
        ("V003_downloads", PackageResources.V003_downloads_sql),
        ("V004_library", PackageResources.V004_library_sql),
        ("V005_releases", PackageResources.V005_releases_sql),
        ("V006_indexer_settings", PackageResources.V006_indexer_settings_sql),
        ("V007_v2_info_hashes", PackageResources.V007_v2_info_hashes_sql),
        ("V008_jobs", PackageResources.V008_jobs_sql),
        ("V010_search_missing", PackageResources.V010_search_missing_sql),
        ("V011_media_info", PackageResources.V011_media_info_sql),
    ]

    public static var latestVersion: Int { all.count }

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            let sql = String(decoding: migration.sql, as: UTF8.self)
            migrator.registerMigration(migration.id) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    /// Applies what is missing; returns the identifiers it applied.
    @discardableResult
    public static func run(_ writer: some DatabaseWriter) throws -> [String] {
        let before = try writer.read { try migrator.appliedIdentifiers($0) }
        try migrator.migrate(writer)
        let after = try writer.read { try migrator.appliedIdentifiers($0) }
        return all.map(\.id).filter { after.contains($0) && !before.contains($0) }
    }

    public enum State: Equatable, Sendable {
        case current(version: Int)
        case behind(applied: Int, latest: Int)
        case ahead(unknown: [String])
    }

    /// Whether the database matches this binary. Cheap: one small query.
    public static func state(_ db: Database) throws -> State {
        let known = Set(all.map(\.id))
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { return .ahead(unknown: unknown) }
        if applied.count < all.count { return .behind(applied: applied.count, latest: all.count) }
        return .current(version: all.count)
    }
}
