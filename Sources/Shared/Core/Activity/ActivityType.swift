/// The kinds of `activity` rows, one set for both processes: what lcarsd and the responders
/// write is exactly what `GET /api/system/activity?type=` accepts.
public enum ActivityType: String, CaseIterable, Codable, Sendable {
    case movieAdded = "movie_added", movieRefreshed = "movie_refreshed", movieDeleted = "movie_deleted"
    case showAdded = "show_added", showRefreshed = "show_refreshed", showDeleted = "show_deleted"
    case artistAdded = "artist_added", artistRefreshed = "artist_refreshed", artistDeleted = "artist_deleted"
    case albumRefreshed = "album_refreshed", albumDeleted = "album_deleted"
    case downloadAdded = "download_added", downloadCompleted = "download_completed", downloadSeeded = "download_seeded"
    case downloadFailed = "download_failed", downloadRetried = "download_retried", downloadRemoved = "download_removed"
    case downloadCleaned = "download_cleaned"
    case releaseGrabbed = "release_grabbed"
    case mediaImported = "media_imported"      // post-processing placed a download's files in the library
    case searchFailed = "search_failed", blocklisted = "blocklisted"

    /// The event of deleting an item of one media kind (the shared delete writes it).
    public static func deleted(_ kind: MediaKind) -> ActivityType? {
        [.movie: .movieDeleted, .tv: .showDeleted, .artist: .artistDeleted, .album: .albumDeleted][kind]
    }
}
