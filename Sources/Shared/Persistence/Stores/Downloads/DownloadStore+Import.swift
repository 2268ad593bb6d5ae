import Foundation
import GRDB
import Core

/// Post-processing's reads of `downloads`.
extension DownloadStore {
    /// Downloads whose data is complete and whose linked item still waits to be placed: the
    /// newest download linked to an item that is `downloading` or `processing`, complete and not
    /// failed. At lcarsd's start these are the imports a crash (or a stop) interrupted.
    public func awaitingImport() throws -> [DownloadRecord] {
        try pool.read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT d.id FROM downloads d
                WHERE d.completed_at IS NOT NULL AND d.media_type IS NOT NULL AND d.media_id IS NOT NULL
                  AND d.status IN ('seeding', 'completed', 'paused', 'queued', 'downloading')
                  AND d.id = (SELECT MAX(o.id) FROM downloads o WHERE o.media_type = d.media_type AND o.media_id = d.media_id)
                  AND CASE d.media_type
                        WHEN 'movie' THEN (SELECT status FROM movies WHERE id = d.media_id)
                        WHEN 'episode' THEN (SELECT status FROM episodes WHERE id = d.media_id)
                        WHEN 'album' THEN (SELECT status FROM albums WHERE id = d.media_id)
                        WHEN 'track' THEN (SELECT status FROM tracks WHERE id = d.media_id)
                      END IN ('downloading', 'processing')
                ORDER BY d.id
                """)
            return try ids.compactMap { try Self.fetch(db, id: $0, withBlobs: false) }
        }
    }
}
