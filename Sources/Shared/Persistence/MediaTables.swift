import Core

/// Where each kind of library item is stored.
extension MediaKind {
    public var table: String {
        switch self {
        case .movie: "movies"
        case .tv: "tv_shows"
        case .episode: "episodes"
        case .artist: "artists"
        case .album: "albums"
        case .track: "tracks"
        }
    }
}

extension MediaReference {
    /// The library table holding this item.
    public var table: String { type.table }
}
