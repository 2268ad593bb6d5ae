import Foundation
import GRDB
import Core

/// What the responders read of `downloads` (lcarsd keeps the rows current and owns every write,
/// through `DownloadStore`): the API's list, newest first, one row, and the counts.
public struct DownloadReads: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// Rows with this status (all for nil), newest first, without the blobs.
    public func newestFirst(status: DownloadStatus? = nil) throws -> [DownloadRecord] {
        try pool.read { db in
            var request = DownloadRecord.select(DownloadRecord.viewColumns).order(Column("id").desc)
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// One row without the blobs; 404 "download 5 does not exist" when there is none.
    public func find(id: Int64) throws -> DownloadRecord {
        let row = try pool.read { try DownloadRecord.select(DownloadRecord.viewColumns).filter(Column("id") == id).fetchOne($0) }
        guard let row else { throw DomainError.notFound("download \(id) does not exist") }
        return row
    }

    /// Active/queued/seeding counts, for when lcarsd cannot be asked.
    public func counts() throws -> DownloadCounts {
        try pool.read(DownloadCounts.read)
    }
}

extension AppDatabase {
    /// The responders' reads of `downloads` (named apart from lcarsd's `DownloadStore`).
    public var downloadReads: DownloadReads { DownloadReads(pool: pool) }
}
