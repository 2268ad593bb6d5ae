import GRDB
import Core

/// Writes `activity` rows, inside the caller's transaction so an entry exists exactly when the
/// change it describes does.
public enum ActivityLog {
    public static func record(_ db: Database, _ type: ActivityType, _ message: String,
                              media: MediaReference?, downloadID: Int64? = nil, userID: Int64?) throws {
        try db.execute(sql: """
            INSERT INTO activity (event_type, message, media_type, media_id, download_id, user_id) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [type.rawValue, message, media?.type.rawValue, media?.id, downloadID, userID])
    }
}
