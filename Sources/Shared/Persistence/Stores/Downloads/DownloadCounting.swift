import GRDB
import Core

/// The counts read from the table, for the responders when lcarsd is down.
extension DownloadCounts {
    public static func read(_ db: Database) throws -> DownloadCounts {
        let statuses = try String.fetchAll(db, sql: "SELECT status FROM downloads WHERE status IN ('downloading', 'queued', 'seeding')")
        return DownloadCounts(statuses: statuses.compactMap(DownloadStatus.init(rawValue:)))
    }
}
