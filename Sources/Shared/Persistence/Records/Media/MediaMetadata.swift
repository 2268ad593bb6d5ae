import Core

/// What TMDB and MusicBrainz say about an item, as column values: the Library use cases build
/// these from the clients' answers (empty text already nil), the stores write them.

public struct MovieMetadata: Sendable, Equatable {
    public var tmdbID: Int64, imdbID: String?, title: String, originalTitle: String?, year: Int
    public var overview: String?, posterPath: String?, backdropPath: String?, runtimeMinutes: Int?, genres: [String]

    public init(tmdbID: Int64, imdbID: String?, title: String, originalTitle: String?, year: Int, overview: String?,
                posterPath: String?, backdropPath: String?, runtimeMinutes: Int?, genres: [String]) {
        self.tmdbID = tmdbID; self.imdbID = imdbID; self.title = title; self.originalTitle = originalTitle; self.year = year
        self.overview = overview; self.posterPath = posterPath; self.backdropPath = backdropPath
        self.runtimeMinutes = runtimeMinutes; self.genres = genres
    }
}

public struct ShowMetadata: Sendable, Equatable {
    public var tmdbID: Int64, imdbID: String?, title: String, originalTitle: String?, yearStart: Int?, yearEnd: Int?
    public var overview: String?, posterPath: String?, backdropPath: String?, status: SeriesStatus

    public init(tmdbID: Int64, imdbID: String?, title: String, originalTitle: String?, yearStart: Int?, yearEnd: Int?,
                overview: String?, posterPath: String?, backdropPath: String?, status: SeriesStatus) {
        self.tmdbID = tmdbID; self.imdbID = imdbID; self.title = title; self.originalTitle = originalTitle
        self.yearStart = yearStart; self.yearEnd = yearEnd; self.overview = overview; self.posterPath = posterPath
        self.backdropPath = backdropPath; self.status = status
    }
}

public struct EpisodeMetadata: Sendable, Equatable {
    public var season: Int, episode: Int, tmdbID: Int64?, title: String?, overview: String?, airDate: String?
    public var runtimeMinutes: Int?, stillPath: String?

    public init(season: Int, episode: Int, tmdbID: Int64?, title: String?, overview: String?, airDate: String?,
                runtimeMinutes: Int?, stillPath: String?) {
        self.season = season; self.episode = episode; self.tmdbID = tmdbID; self.title = title; self.overview = overview
        self.airDate = airDate; self.runtimeMinutes = runtimeMinutes; self.stillPath = stillPath
    }
}

public struct ArtistMetadata: Sendable, Equatable {
    public var mbid: String, name: String, sortName: String?, disambiguation: String?, artistType: String?
    public var country: String?, beginDate: String?, endDate: String?

    public init(mbid: String, name: String, sortName: String?, disambiguation: String?, artistType: String?,
                country: String?, beginDate: String?, endDate: String?) {
        self.mbid = mbid; self.name = name; self.sortName = sortName; self.disambiguation = disambiguation
        self.artistType = artistType; self.country = country; self.beginDate = beginDate; self.endDate = endDate
    }
}

/// A MusicBrainz release group as an album.
public struct AlbumMetadata: Sendable, Equatable {
    public var mbid: String, title: String, albumType: String?, releaseDate: String?

    public init(mbid: String, title: String, albumType: String?, releaseDate: String?) {
        self.mbid = mbid; self.title = title; self.albumType = albumType; self.releaseDate = releaseDate
    }
}

/// The tracklist of an album's canonical release (nil release: the group has none).
public struct AlbumTracklist: Sendable, Equatable {
    public struct Track: Sendable, Equatable {
        public var disc: Int, position: Int, title: String, recordingMBID: String?, durationMs: Int?

        public init(disc: Int, position: Int, title: String, recordingMBID: String?, durationMs: Int?) {
            self.disc = disc; self.position = position; self.title = title
            self.recordingMBID = recordingMBID; self.durationMs = durationMs
        }
    }

    public var releaseMBID: String?, trackCount: Int?, tracks: [Track], coverURL: String?

    public init(releaseMBID: String?, trackCount: Int?, tracks: [Track], coverURL: String?) {
        self.releaseMBID = releaseMBID; self.trackCount = trackCount; self.tracks = tracks; self.coverURL = coverURL
    }
}
