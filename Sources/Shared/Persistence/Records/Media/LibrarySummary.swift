import Foundation

/// What the dashboard shows of the library: how many items of each kind, by status, and the
/// newest additions. Read-only; `MediaStatusStore.librarySummary` fills it in.
public struct LibrarySummary: Sendable, Equatable {
    /// One kind ("movies", "shows", …): its total and its count per status value (only the
    /// statuses that occur; a client reads a missing one as 0).
    public struct KindCount: Sendable, Equatable {
        public let kind: String
        public let total: Int
        public let byStatus: [String: Int]
    }

    /// A recently added movie, show or artist; `image` is the stored poster/artist image URL.
    public struct Addition: Sendable, Equatable {
        public let type: String   // "movie", "tv", "artist"
        public let id: Int64
        public let title: String
        public let addedAt: String
        public let image: String?
    }

    public let counts: [KindCount]
    public let recent: [Addition]
}
