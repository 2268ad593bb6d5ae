import Foundation
import GRDB
import Core

/// The spec's media models as the API shows them, built from rows. Optional fields that are
/// null in the database are left out, as the spec's `field?:` marks them.

struct MovieView: Encodable {
    let id: Int64, tmdb_id: Int64
    let imdb_id: String?, title: String, original_title: String?, year: Int
    let overview: String?, poster_path: String?, backdrop_path: String?, runtime_minutes: Int?
    let genres: [String]
    let status: String, monitored: Bool, quality_limit: String
    let file_path: String?, file_size: Int64?, added_at: String

    init(_ r: NamedRow) {
        id = r["id"]; tmdb_id = r["tmdb_id"]; imdb_id = r["imdb_id"]; title = r["title"]; original_title = r["original_title"]
        year = r["year"]; overview = r["overview"]; poster_path = r["poster_path"]; backdrop_path = r["backdrop_path"]
        runtime_minutes = r["runtime_minutes"]; genres = Self.decodeGenres(r["genres"])
        status = r["status"]; monitored = r["monitored"]; quality_limit = r["quality_limit"] ?? "1080p"
        file_path = r["file_path"]; file_size = r["file_size"]; added_at = SQLiteTime.iso8601(r["added_at"])
    }

    static func decodeGenres(_ text: String?) -> [String] {
        guard let text else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

struct EpisodeView: Encodable {
    let id: Int64, show_id: Int64, tmdb_id: Int64?
    let season_number: Int, episode_number: Int
    let title: String?, overview: String?, air_date: String?, runtime_minutes: Int?, still_path: String?
    let status: String, monitored: Bool, file_path: String?, file_size: Int64?

    init(_ r: NamedRow) {
        id = r["id"]; show_id = r["show_id"]; tmdb_id = r["tmdb_id"]
        season_number = r["season_number"]; episode_number = r["episode_number"]
        title = r["title"]; overview = r["overview"]; air_date = r["air_date"]; runtime_minutes = r["runtime_minutes"]
        still_path = r["still_path"]; status = r["status"]; monitored = r["monitored"]
        file_path = r["file_path"]; file_size = r["file_size"]
    }
}

struct SeasonView: Encodable {
    let season_number: Int, episode_count: Int, available_count: Int
    let episodes: [EpisodeView]

    /// Groups episodes (sorted by season, episode) into seasons.
    static func group(_ episodes: [EpisodeView]) -> [SeasonView] {
        Dictionary(grouping: episodes, by: \.season_number).sorted { $0.key < $1.key }.map { number, list in
            SeasonView(season_number: number, episode_count: list.count,
                       available_count: list.filter { $0.status == "available" }.count, episodes: list)
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

    init(_ r: NamedRow, seasons: [SeasonView]?) {
        id = r["id"]; tmdb_id = r["tmdb_id"]; imdb_id = r["imdb_id"]; title = r["title"]; original_title = r["original_title"]
        year_start = r["year_start"]; year_end = r["year_end"]; overview = r["overview"]
        poster_path = r["poster_path"]; backdrop_path = r["backdrop_path"]; status = r["status"]
        monitored = r["monitored"]; quality_limit = r["quality_limit"] ?? "1080p"
        self.seasons = seasons; added_at = SQLiteTime.iso8601(r["added_at"])
    }
}

struct TrackView: Encodable {
    let id: Int64, mbid: String?, album_id: Int64, artist_id: Int64?
    let title: String, track_number: Int, disc_number: Int, duration_ms: Int?
    let status: String, monitored: Bool, file_path: String?, file_size: Int64?
    let audio_format: String?, bitrate: Int?, sample_rate: Int?, bit_depth: Int?

    init(_ r: NamedRow) {
        id = r["id"]; mbid = r["mbid"]; album_id = r["album_id"]; artist_id = r["artist_id"]; title = r["title"]
        track_number = r["track_number"]; disc_number = r["disc_number"] ?? 1; duration_ms = r["duration_ms"]
        status = r["status"]; monitored = r["monitored"]; file_path = r["file_path"]; file_size = r["file_size"]
        audio_format = r["audio_format"]; bitrate = r["bitrate"]; sample_rate = r["sample_rate"]; bit_depth = r["bit_depth"]
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

    init(_ r: NamedRow, tracks: [TrackView]?) {
        id = r["id"]; mbid = r["mbid"]; artist_id = r["artist_id"]; title = r["title"]; album_type = r["album_type"]
        release_date = r["release_date"]; overview = r["overview"]; cover_path = r["cover_path"]
        total_tracks = r["total_tracks"]; status = r["status"]; monitored = r["monitored"]
        quality_limit = r["quality_limit"] ?? "flac"
        let release: String? = r["release_mbid"]
        release_mbid = release?.isEmpty == false ? release : nil
        self.tracks = tracks; added_at = SQLiteTime.iso8601(r["added_at"])
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

    init(_ r: NamedRow, albums: [AlbumView]?) {
        id = r["id"]; mbid = r["mbid"]; name = r["name"]; sort_name = r["sort_name"]; disambiguation = r["disambiguation"]
        artist_type = r["artist_type"]; country = r["country"]; begin_date = r["begin_date"]; end_date = r["end_date"]
        overview = r["overview"]; image_path = r["image_path"]; monitored = r["monitored"]
        quality_limit = r["quality_limit"] ?? "flac"; self.albums = albums; added_at = SQLiteTime.iso8601(r["added_at"])
    }
}

/// `{items, total, page, pages}`.
struct PageView<Item: Encodable>: Encodable {
    let items: [Item]
    let total: Int
    let page: Int
    let pages: Int
}
