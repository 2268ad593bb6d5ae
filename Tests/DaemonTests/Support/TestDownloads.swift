import Foundation
@testable import Core
@testable import Config
@testable import Persistence

/// A migrated SQLite file in a fresh temporary directory, opened the way lcarsd opens it.
func makeDownloadsDatabase() throws -> AppDatabase {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-test-\(UUID().uuidString)").path
    let database = try AppDatabase.open(LCARSConfig.Database(path: dir + "/lcars.db", busyTimeoutMs: 2000))
    try database.migrate()
    return database
}

/// A manual download row as `downloads.add` builds it (hash: 40 hex characters from `seed`).
func newDownload(_ seed: Character = "a", name: String = "Example") -> DownloadRecord {
    let hash = String(repeating: seed, count: 40)
    return DownloadRecord(infoHash: hash, name: name, magnet: "magnet:?xt=urn:btih:\(hash)", media: nil,
                          savePath: "/tmp", sizeBytes: 1000, torrentFile: nil)
}

/// Makes SQLite refuse `activity` rows of one type, to prove a write and its activity row are
/// one transaction (the change must not survive its activity row failing).
func refuseActivity(_ type: ActivityType, in database: AppDatabase) throws {
    try database.pool.write { db in
        try db.execute(sql: """
            CREATE TRIGGER refuse_\(type.rawValue) BEFORE INSERT ON activity WHEN NEW.event_type = '\(type.rawValue)'
            BEGIN SELECT RAISE(ABORT, 'activity refused by the test'); END
            """)
    }
}
