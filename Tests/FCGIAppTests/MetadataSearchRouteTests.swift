import Foundation
import Testing
@testable import FCGIApp
@testable import Persistence

/// /api/search/tmdb/… and /api/search/musicbrainz/… in-process: results say what is in the library.
@Suite struct MetadataSearchRouteTests {
    static let config = "[tmdb]\napi_key = \"test-key\"\n[musicbrainz]\nrate_limit_ms = 0\n[http]\nretries = 0\n"

    @Test func tmdbMovieResultsMarkTheLibrarysMovies() throws {
        let t = try TestApp(extraTOML: Self.config)
        try t.services.answer("/3/search/movie", fixture: "tmdb/search_movie.json")
        let id = try t.database.movies.insert(
            from: MovieMetadata(tmdbID: 13475, imdbID: nil, title: "Star Trek", originalTitle: nil, year: 2009, overview: nil,
                                posterPath: nil, backdropPath: nil, runtimeMinutes: nil, genres: []),
            monitored: true, qualityLimit: "1080p", addedBy: nil)
        let answer = t.send("GET", "/api/search/tmdb/movies", query: ["q": "star trek", "year": "2009"], token: t.userToken)
        #expect(answer.status == 200)
        let owned = try #require(answer.array.first { $0["tmdb_id"] as? Int == 13475 })
        #expect(owned["in_library"] as? Bool == true && owned["library_id"] as? Int == Int(id))
        #expect(answer.array.first { $0["tmdb_id"] as? Int == 900001 }?["in_library"] as? Bool == false)
        #expect(t.send("GET", "/api/search/tmdb/movies", token: t.userToken).status == 400)
        #expect(t.send("GET", "/api/search/tmdb/movies", query: ["q": "x", "year": "99"], token: t.userToken).status == 400)
        #expect(t.send("GET", "/api/search/tmdb/movies", query: ["q": "x", "page": "2"], token: t.userToken).status == 400)
    }

    @Test func tmdbShowsAndAMissingKey() throws {
        let t = try TestApp(extraTOML: Self.config)
        try t.services.answer("/3/search/tv", fixture: "tmdb/search_tv.json")
        let answer = t.send("GET", "/api/search/tmdb/tv", query: ["q": "relay"], token: t.userToken)
        #expect(answer.status == 200 && answer.array.first?["tmdb_id"] as? Int == 4242 && answer.array.first?["in_library"] as? Bool == false)
        let unconfigured = try TestApp()
        let refused = unconfigured.send("GET", "/api/search/tmdb/tv", query: ["q": "relay"], token: unconfigured.userToken)
        #expect(refused.status == 422 && refused.errorCode == "not_configured")
        t.services.fail("/3/search/tv", .timedOut())
        #expect(t.send("GET", "/api/search/tmdb/tv", query: ["q": "relay"], token: t.userToken).status == 504)
    }

    @Test func musicBrainzArtistsAndAlbums() throws {
        let t = try TestApp(extraTOML: Self.config)
        try t.services.answer("/ws/2/artist", fixture: "musicbrainz/search_artist.json")
        try t.services.answer("/ws/2/release-group", fixture: "musicbrainz/search_release_group.json")
        _ = try t.database.artists.insert(
            from: ArtistMetadata(mbid: "a1a1a1a1-0000-4000-8000-000000000001", name: "The Test Pilots", sortName: nil, disambiguation: nil,
                                 artistType: nil, country: nil, beginDate: nil, endDate: nil),
            albums: [], monitored: true, qualityLimit: "flac", addedBy: nil)
        let artists = t.send("GET", "/api/search/musicbrainz/artists", query: ["q": "pilots"], token: t.userToken)
        #expect(artists.status == 200)
        #expect(artists.array.first { $0["mbid"] as? String == "a1a1a1a1-0000-4000-8000-000000000001" }?["in_library"] as? Bool == true)
        let albums = t.send("GET", "/api/search/musicbrainz/albums", query: ["q": "flight"], token: t.userToken)
        #expect(albums.status == 200 && !albums.array.isEmpty && albums.array.allSatisfy { $0["in_library"] as? Bool == false })
        let bad = t.send("GET", "/api/search/musicbrainz/albums", query: ["q": "flight", "artist_mbid": "nope"], token: t.userToken)
        #expect(bad.status == 400)
        #expect(t.send("GET", "/api/search/musicbrainz/artists", query: ["q": String(repeating: "x", count: 201)], token: t.userToken).status == 400)
    }
}
