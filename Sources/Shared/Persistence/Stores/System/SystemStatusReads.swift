import Core

/// What GET /api/system/status reads from the database itself.
extension AppDatabase {
    /// The download counts from the `downloads` rows, for when lcarsd (which has them live) is down.
    public func downloadCountsFromTable() throws -> DownloadCounts {
        try pool.read(DownloadCounts.read)
    }
}
