import CSQLiteConfig
import Foundation
import GRDB
import Config

/// The one SQLite database every LCARS process shares: WAL so responders read while the daemon
/// writes, foreign keys on, and a busy timeout instead of instant SQLITE_BUSY errors.
/// The executables hold this handle and reach each table through its store (`database.downloads`,
/// …, one extension per store); only Persistence touches `pool`.
public struct AppDatabase: Sendable {
    public let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Runs the pending migrations (lcarsd does at start); returns the ids applied.
    @discardableResult
    public func migrate() throws -> [String] { try Migrations.run(pool) }

    /// Whether this binary's schema matches the file's (responders answer 503 until it does).
    public func schemaState() throws -> Migrations.State { try pool.read(Migrations.state) }

    /// `memoryMapBytes` > 0: SQLite reads the file through a memory map of up to that size
    /// (`PRAGMA mmap_size`) instead of copying each page into its own cache with a pread() —
    /// for the responders, whose list pages read rows scattered over the file. The mapped pages
    /// are the kernel's page cache, shared by every process that maps the file.
    public static func open(_ config: LCARSConfig.Database, memoryMapBytes: Int = 0) throws -> AppDatabase {
        AppDatabase(pool: try openPool(config, memoryMapBytes: memoryMapBytes))
    }

    static func openPool(_ config: LCARSConfig.Database, memoryMapBytes: Int = 0) throws -> DatabasePool {
        _ = sqliteMemorySetup
        try PrivateFiles.prepareDatabase(config.path)   // 0600 database files, a new directory 0700
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(TimeInterval(config.busyTimeoutMs) / 1000)
        configuration.journalMode = .wal
        if memoryMapBytes > 0 {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(memoryMapBytes)") }
        }
        do {
            return try DatabasePool(path: config.path, configuration: configuration)
        } catch {
            throw DatabaseOpenError(path: config.path, underlying: error)
        }
    }

    /// Once per process, before the first connection: no page cache reserved up front per
    /// connection (see the C shim). Not fatal if SQLite was already initialized by someone else:
    /// connections then keep SQLite's default.
    private static let sqliteMemorySetup: Int32 = lcars_sqlite_no_initial_page_cache()

    /// Size of the database file plus its WAL, as an admin sees it on disk.
    public static func sizeOnDisk(path: String) -> Int64 {
        [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }
}

public struct DatabaseOpenError: Error, CustomStringConvertible {
    public let path: String
    public let underlying: Error
    public var description: String {
        "cannot open the database at \(path): \(underlying); check database.path and that the directory is writable"
    }
}

extension AppDatabase {
    /// Whether an error is SQLite saying another process held the lock past the busy timeout:
    /// worth a 503 "try again", not a 500.
    public static func isBusy(_ error: Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_BUSY
    }
}
