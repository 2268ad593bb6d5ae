import Foundation
import GRDB
import Core

/// `jobs`: the record of every scheduled job run (lcarsd's scheduler is the only writer). A run is
/// a row inserted `running` when it starts and finished once, `succeeded` or `failed`; rows a
/// crash left `running` are failed at the next start. Each job keeps its latest `keepPerJob` runs.
public struct JobStore: Sendable {
    let pool: DatabasePool
    public static let keepPerJob = 200
    public static let interrupted = "interrupted: lcarsd stopped before the run finished"

    public init(pool: DatabasePool) { self.pool = pool }

    /// Records that `name` started; returns the run's id.
    public func start(name: String, at date: Date) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO jobs (name, started_at, status) VALUES (?, ?, 'running')",
                           arguments: [name, SQLiteTime.format(date)])
            return db.lastInsertedRowID
        }
    }

    /// Ends a running run (a run that is not running is left alone: a finish never rewrites history)
    /// and drops the job's runs beyond the newest `keepPerJob`.
    public func finish(id: Int64, status: JobRunStatus, items: Int, error: String?, at date: Date) throws {
        precondition(status != .running, "a run finishes as succeeded or failed")
        try pool.write { db in
            try db.execute(sql: """
                UPDATE jobs SET status = ?, finished_at = ?, items = ?, error = ? WHERE id = ? AND status = 'running'
                """, arguments: [status.rawValue, SQLiteTime.format(date), max(0, items), error, id])
            try db.execute(sql: """
                DELETE FROM jobs WHERE name = (SELECT name FROM jobs WHERE id = ?) AND id NOT IN
                    (SELECT id FROM jobs WHERE name = (SELECT name FROM jobs WHERE id = ?) ORDER BY id DESC LIMIT ?)
                """, arguments: [id, id, Self.keepPerJob])
        }
    }

    /// At lcarsd's start: every run still `running` was cut short by a stop or crash → failed,
    /// "interrupted…". Returns how many.
    @discardableResult
    public func failInterrupted(at date: Date) throws -> Int {
        try pool.write { db in
            try db.execute(sql: "UPDATE jobs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running'",
                           arguments: [SQLiteTime.format(date), Self.interrupted])
            return db.changesCount
        }
    }

    /// The newest run of each job that has one, by name.
    public func lastRuns() throws -> [String: JobRunRecord] {
        let runs = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, started_at, finished_at, status, items, error FROM jobs
                WHERE id IN (SELECT MAX(id) FROM jobs GROUP BY name)
                """).map(Self.record)
        }
        return Dictionary(runs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A job's runs, newest first.
    public func runs(of name: String, limit: Int = 20) throws -> [JobRunRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, started_at, finished_at, status, items, error FROM jobs WHERE name = ? ORDER BY id DESC LIMIT ?
                """, arguments: [name, limit]).map(Self.record)
        }
    }

    static func record(_ row: Row) -> JobRunRecord {
        JobRunRecord(id: row[0], name: row[1], startedAt: row[2], finishedAt: row[3],
                     status: JobRunStatus(rawValue: row[4]) ?? .failed, items: row[5], error: row[6])
    }
}

extension AppDatabase {
    public var jobs: JobStore { JobStore(pool: pool) }
}
