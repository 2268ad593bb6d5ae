@testable import Core
@testable import Config
@testable import Persistence
import Foundation
import GRDB

/// A real SQLite file in a fresh temporary directory, opened the way the programs open it.
func makeTestDatabase(migrated: Bool = true) throws -> (DatabasePool, String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-test-\(UUID().uuidString)").path
    let path = dir + "/lcars.db"
    let db = try AppDatabase.open(LCARSConfig.Database(path: path, busyTimeoutMs: 2000)).pool
    if migrated { try Migrations.run(db) }
    return (db, path)
}
