import Foundation
import GRDB
import Config

/// Opens the one SQLite database every LCARS process shares: WAL so responders read while the
/// daemon writes, foreign keys on, and a busy timeout instead of instant SQLITE_BUSY errors.
public enum AppDatabase {
    public static func open(_ config: LCARSConfig.Database) throws -> DatabasePool {
        let directory = (config.path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(TimeInterval(config.busyTimeoutMs) / 1000)
        configuration.journalMode = .wal
        do {
            return try DatabasePool(path: config.path, configuration: configuration)
        } catch {
            throw DatabaseOpenError(path: config.path, underlying: error)
        }
    }

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
