import Core
import Metadata

/// Results of the metadata searches (`TmdbMovie`, `TmdbTvShow`, `MusicBrainzArtist`,
/// `MusicBrainzAlbum` in the spec's API list; fields documented in docs/api.md).
enum SearchViews {
    struct TMDBMovie: Encodable {
        let tmdb_id: Int64, title: String, original_title: String?, year: Int?, release_date: String?
        let overview: String?, poster_path: String?
        let in_library: Bool, library_id: Int64?

        init(_ m: TMDBMovieSummary, tmdb: TMDBClient, libraryID: Int64?) {
            tmdb_id = m.id; title = m.title; original_title = m.original_title
            release_date = m.release_date?.isEmpty == false ? m.release_date : nil
            year = release_date.flatMap { Int($0.prefix(4)) }
            overview = m.overview; poster_path = tmdb.imageURL(m.poster_path, size: "w342").flatMap { ImageLinks.tmdb($0) }
            in_library = libraryID != nil; library_id = libraryID
        }
    }

    struct TMDBShow: Encodable {
        let tmdb_id: Int64, title: String, original_title: String?, year: Int?, first_air_date: String?
        let overview: String?, poster_path: String?
        let in_library: Bool, library_id: Int64?

        init(_ s: TMDBShowSummary, tmdb: TMDBClient, libraryID: Int64?) {
            tmdb_id = s.id; title = s.name; original_title = s.original_name
            first_air_date = s.first_air_date?.isEmpty == false ? s.first_air_date : nil
            year = first_air_date.flatMap { Int($0.prefix(4)) }
            overview = s.overview; poster_path = tmdb.imageURL(s.poster_path, size: "w342").flatMap { ImageLinks.tmdb($0) }
            in_library = libraryID != nil; library_id = libraryID
        }
    }

    struct MBArtistResult: Encodable {
        let mbid: String, name: String, sort_name: String?, disambiguation: String?, artist_type: String?
        let country: String?, begin_date: String?, end_date: String?, score: Int?
        let in_library: Bool, library_id: Int64?

        init(_ a: MBArtist, libraryID: Int64?) {
            mbid = a.id; name = a.name; sort_name = a.sortName; disambiguation = a.disambiguation
            artist_type = a.type?.lowercased(); country = a.country; begin_date = a.lifeSpan?.begin; end_date = a.lifeSpan?.end
            score = a.score; in_library = libraryID != nil; library_id = libraryID
        }
    }

    struct MBAlbumResult: Encodable {
        let mbid: String, title: String, album_type: String?, secondary_types: [String], release_date: String?
        let artist: String?, artist_mbid: String?, score: Int?
        let in_library: Bool, library_id: Int64?

        init(_ g: MBReleaseGroup, libraryID: Int64?) {
            mbid = g.id; title = g.title; album_type = g.primaryType?.lowercased()
            secondary_types = (g.secondaryTypes ?? []).map { $0.lowercased() }
            release_date = g.firstReleaseDate?.isEmpty == false ? g.firstReleaseDate : nil
            let credits = g.artistCredit ?? []
            artist = credits.isEmpty ? nil : credits.map { $0.name + ($0.joinphrase ?? "") }.joined()
            artist_mbid = credits.first?.artist.id; score = g.score
            in_library = libraryID != nil; library_id = libraryID
        }
    }
}
