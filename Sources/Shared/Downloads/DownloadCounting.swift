import GRDB

/// The one definition of the status counts (`active` = downloading), shared by lcarsd, which
/// counts the rows it has just synced, and the responders, which read them when lcarsd is down.
extension DownloadCounts {
    public init(statuses: some Sequence<DownloadStatus>) {
        var active = 0, queued = 0, seeding = 0
        for status in statuses {
            switch status {
            case .downloading: active += 1
            case .queued: queued += 1
            case .seeding: seeding += 1
            default: break
            }
        }
        self.init(active: active, queued: queued, seeding: seeding)
    }

    public static func read(_ db: Database) throws -> DownloadCounts {
        let statuses = try String.fetchAll(db, sql: "SELECT status FROM downloads WHERE status IN ('downloading', 'queued', 'seeding')")
        return DownloadCounts(statuses: statuses.compactMap(DownloadStatus.init(rawValue:)))
    }
}
