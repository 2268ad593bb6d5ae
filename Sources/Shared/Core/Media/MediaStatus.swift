/// Where a movie, episode, album or track stands (spec: MediaStatus). Every change goes through
/// `transition(to:)`, so an impossible move is an error that names both states, never a silent write.
///
///     missing → searching → downloading → processing → available
///        ↑__________|____________|_____________|            |  (failure: back to missing)
///     available → downloading   (a manual grab of an available item is an upgrade)
///     processing → partial      (albums: some tracks placed)
public enum MediaStatus: String, Codable, Sendable, CaseIterable {
    case missing, searching, downloading, processing, available, partial

    /// The statuses a movie, episode or track can have; albums add `partial`.
    public static let itemStatuses: [MediaStatus] = [.missing, .searching, .downloading, .processing, .available]
    public static let albumStatuses: [MediaStatus] = itemStatuses + [.partial]

    /// The moves allowed out of each status.
    public var allowedNext: Set<MediaStatus> {
        switch self {
        case .missing: [.searching, .downloading]
        case .searching: [.downloading, .missing]
        case .downloading: [.processing, .missing]
        case .processing: [.available, .partial, .missing]
        case .available: [.downloading, .missing]
        case .partial: [.searching, .downloading, .missing]
        }
    }

    public func canMove(to next: MediaStatus) -> Bool { next == self || allowedNext.contains(next) }

    /// `next`, or a conflict that names both states and what is being moved.
    public func transition(to next: MediaStatus, of item: String) throws -> MediaStatus {
        guard canMove(to: next) else {
            throw DomainError.invalidTransition(of: item, from: rawValue, to: next.rawValue,
                                                allowed: allowedNext.map(\.rawValue).sorted())
        }
        return next
    }
}

/// A TV show's own run state as TMDB reports it (not a MediaStatus).
public enum SeriesStatus: String, Codable, Sendable, CaseIterable {
    case continuing, ended, canceled, upcoming
}
