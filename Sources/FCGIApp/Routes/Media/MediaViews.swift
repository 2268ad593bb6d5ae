import Core
import Metadata
import Persistence

/// The spec's media models as the API shows them, built from the stores' records. Optional
/// fields that are null in the database are left out, as the spec's `field?:` marks them.

struct MovieView: Encodable {
    let id: Int64, tmdb_id: Int64
    let imdb_id: String?, title: String, original_title: String?, year: Int
    let overview: String?, poster_path: String?, backdrop_path: String?, runtime_minutes: Int?
    let genres: [String]
    let status: String, monitored: Bool, quality_limit: String
    let file_path: String?, file_size: Int64?, media_info: MediaFileInfo?, added_at: String

    init(_ m: MovieRecord) {
        id = m.id; tmdb_id = m.tmdbID; imdb_id = m.imdbID; title = m.title; original_title = m.originalTitle
        year = m.year; overview = m.overview; poster_path = ViewFormatting.tmdbImage(m.posterPath); backdrop_path = ViewFormatting.tmdbImage(m.backdropPath)
        runtime_minutes = m.runtimeMinutes; genres = m.genres
        status = m.status.rawValue; monitored = m.monitored; quality_limit = m.qualityLimit
        file_path = m.filePath; file_size = m.fileSize; media_info = m.mediaInfo; added_at = SQLiteTime.iso8601(m.addedAt)
    }
}

struct EpisodeView: Encodable {
    let id: Int64, show_id: Int64, tmdb_id: Int64?
    let season_number: Int, episode_number: Int
    let title: String?, overview: String?, air_date: String?, runtime_minutes: Int?, still_path: String?
    let status: String, monitored: Bool, file_path: String?, file_size: Int64?, media_info: MediaFileInfo?

    init(_ e: EpisodeRecord) {
        id = e.id; show_id = e.showID; tmdb_id = e.tmdbID
        season_number = e.seasonNumber; episode_number = e.episodeNumber
        title = e.title; overview = e.overview; air_date = e.airDate; runtime_minutes = e.runtimeMinutes
        still_path = ViewFormatting.tmdbImage(e.stillPath); status = e.status.rawValue; monitored = e.monitored
        file_path = e.filePath; file_size = e.fileSize; media_info = e.mediaInfo
    }
}

struct SeasonView: Encodable {
    let season_number: Int, episode_count: Int, available_count: Int
    let episodes: [EpisodeView]

    /// Groups episodes (sorted by season, episode) into seasons.
    static func group(_ episodes: [EpisodeView]) -> [SeasonView] {
        Dictionary(grouping: episodes, by: \.season_number).sorted { $0.key < $1.key }.map { number, list in
            SeasonView(season_number: number, episode_count: list.count,
                       available_count: list.filter { $0.status == MediaStatus.available.rawValue }.count, episodes: list)
        }
    }
}

struct ShowView: Encodable {
    let id: Int64, tmdb_id: Int64
    let imdb_id: String?, title: String, original_title: String?, year_start: Int?, year_end: Int?
    let overview: String?, poster_path: String?, backdrop_path: String?
    let status: String, monitored: Bool, quality_limit: String
    /// Present on GET /api/tv/:id (and add/update/refresh answers), left out of list pages.
    let seasons: [SeasonView]?
    let added_at: String

    init(_ s: ShowRecord, seasons: [SeasonView]?) {
        id = s.id; tmdb_id = s.tmdbID; imdb_id = s.imdbID; title = s.title; original_title = s.originalTitle
        year_start = s.yearStart; year_end = s.yearEnd; overview = s.overview
        poster_path = ViewFormatting.tmdbImage(s.posterPath); backdrop_path = ViewFormatting.tmdbImage(s.backdropPath); status = s.status.rawValue
        monitored = s.monitored; quality_limit = s.qualityLimit
        self.seasons = seasons; added_at = SQLiteTime.iso8601(s.addedAt)
    }
}

struct TrackView: Encodable {
    let id: Int64, mbid: String?, album_id: Int64, artist_id: Int64?
    let title: String, track_number: Int, disc_number: Int, duration_ms: Int?
    let status: String, monitored: Bool, file_path: String?, file_size: Int64?
    let audio_format: String?, bitrate: Int?, sample_rate: Int?, bit_depth: Int?

    init(_ t: TrackRecord) {
        id = t.id; mbid = t.mbid; album_id = t.albumID; artist_id = t.artistID; title = t.title
        track_number = t.trackNumber; disc_number = t.discNumber; duration_ms = t.durationMs
        status = t.status.rawValue; monitored = t.monitored; file_path = t.filePath; file_size = t.fileSize
        audio_format = t.audioFormat; bitrate = t.bitrate; sample_rate = t.sampleRate; bit_depth = t.bitDepth
    }
}

struct AlbumView: Encodable {
    let id: Int64, mbid: String, artist_id: Int64
    let title: String, album_type: String?, release_date: String?, overview: String?, cover_path: String?
    let total_tracks: Int?, status: String, monitored: Bool, quality_limit: String
    /// The release whose tracklist `tracks` shows (see docs/api.md, "Canonical release").
    let release_mbid: String?
    /// Present on GET /api/albums/:id (and update/refresh answers), left out of lists.
    let tracks: [TrackView]?
    let added_at: String

    init(_ a: AlbumRecord, tracks: [TrackView]?) {
        id = a.id; mbid = a.mbid; artist_id = a.artistID; title = a.title; album_type = a.albumType
        release_date = a.releaseDate; overview = a.overview; cover_path = ImageLinks.cover(albumMBID: a.mbid, stored: a.coverPath)
        total_tracks = a.totalTracks; status = a.status.rawValue; monitored = a.monitored
        quality_limit = a.qualityLimit; release_mbid = a.releaseMBID
        self.tracks = tracks; added_at = SQLiteTime.iso8601(a.addedAt)
    }
}

struct ArtistView: Encodable {
    let id: Int64, mbid: String, name: String
    let sort_name: String?, disambiguation: String?, artist_type: String?, country: String?
    let begin_date: String?, end_date: String?, overview: String?, image_path: String?
    let monitored: Bool, quality_limit: String
    /// Present on GET /api/artists/:id (and add/update/refresh answers), left out of lists.
    let albums: [AlbumView]?
    let added_at: String

    init(_ a: ArtistRecord, albums: [AlbumView]?) {
        id = a.id; mbid = a.mbid; name = a.name; sort_name = a.sortName; disambiguation = a.disambiguation
        artist_type = a.artistType; country = a.country; begin_date = a.beginDate; end_date = a.endDate
        overview = a.overview; image_path = a.imagePath; monitored = a.monitored
        quality_limit = a.qualityLimit; self.albums = albums; added_at = SQLiteTime.iso8601(a.addedAt)
    }
}
