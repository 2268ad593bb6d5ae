import GRDB

/// The kinds of `activity` rows; `GET /api/system/activity?type=` accepts exactly these.
public enum ActivityType: String, CaseIterable, Sendable {
    case movieAdded = "movie_added", movieRefreshed = "movie_refreshed", movieDeleted = "movie_deleted"
    case showAdded = "show_added", showRefreshed = "show_refreshed", showDeleted = "show_deleted"
    case artistAdded = "artist_added", artistRefreshed = "artist_refreshed", artistDeleted = "artist_deleted"
    case albumRefreshed = "album_refreshed", albumDeleted = "album_deleted"
}

/// Writes `activity` rows, inside the caller's transaction so an entry exists exactly when the
/// change it describes does.
public enum ActivityLog {
    public static func record(_ db: Database, _ type: ActivityType, _ message: String,
                              media: (type: String, id: Int64)?, userID: Int64?) throws {
        try db.execute(sql: """
            INSERT INTO activity (event_type, message, media_type, media_id, user_id) VALUES (?, ?, ?, ?, ?)
            """, arguments: [type.rawValue, message, media?.type, media?.id, userID])
    }
}
