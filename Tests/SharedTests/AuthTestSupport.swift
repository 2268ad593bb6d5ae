@testable import Auth
@testable import Core
@testable import Persistence
import Foundation
import GRDB

/// A migrated test database as the handle the programs hold.
func makeAppDatabase() throws -> AppDatabase {
    AppDatabase(pool: try makeTestDatabase().0)
}

/// Accounts with a cheap hasher: these tests are about rules and rows, not argon2's cost.
func fastAccounts(_ database: AppDatabase) -> UserAccounts {
    var hasher = PasswordHasher()
    hasher.memoryKiB = 1024
    hasher.iterations = 1
    return UserAccounts(database.users, hasher: hasher)
}

/// Makes SQLite refuse a statement, to show that a write failing half-way leaves nothing behind.
func failWrites(_ database: AppDatabase, _ timing: String, on table: String, when condition: String = "1") throws {
    try database.pool.write {
        try $0.execute(sql: """
            CREATE TRIGGER test_refuse_\(table) \(timing) ON \(table) WHEN \(condition)
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
            """)
    }
}

func count(_ database: AppDatabase, _ table: String, _ condition: String = "1") throws -> Int {
    try database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0 }
}
