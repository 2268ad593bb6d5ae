/// The kinds of things LCARS tracks, one set of words for the whole system: the API's
/// `media_type`, activity rows, download links, blocklist entries and storage rules all use them.
public enum MediaKind: String, Codable, Sendable, CaseIterable {
    case movie, tv, episode, artist, album, track

    /// Kinds a download can be linked to (the things files are placed for).
    public static let downloadable: [MediaKind] = [.movie, .episode, .album, .track]

    /// How messages name one item of this kind: "no TV show with id 5".
    public var label: String {
        switch self {
        case .tv: "TV show"
        default: rawValue
        }
    }

    /// The list of words for a message: "movie, episode, album, track".
    public static func words(_ kinds: [MediaKind]) -> String { kinds.map(\.rawValue).joined(separator: ", ") }
}

/// One library item: its kind and row id.
public struct MediaReference: Codable, Sendable, Equatable, Hashable {
    public var type: MediaKind
    public var id: Int64

    public init(type: MediaKind, id: Int64) {
        self.type = type
        self.id = id
    }
}
