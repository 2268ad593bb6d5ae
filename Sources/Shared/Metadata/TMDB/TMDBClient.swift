import Foundation
import Config
import Net

/// TMDB v3: search, movie details, TV details with every season's episodes.
/// `tmdb.api_key` may be a v3 API key (sent as `api_key=`) or a v4 read access token (a JWT,
/// sent as `Authorization: Bearer`). The key never appears in errors: they name the path only.
public struct TMDBClient: Sendable {
    public let config: LCARSConfig.TMDB
    let http: HTTPClient

    public init(config: LCARSConfig.TMDB, http: HTTPClient) {
        self.config = config
        self.http = http
    }

    public func searchMovies(query: String, year: Int?) throws -> [TMDBMovieSummary] {
        var params = [("query", query), ("include_adult", "false")]
        if let year { params.append(("year", String(year))) }
        return try get(TMDBPage<TMDBMovieSummary>.self, ["search", "movie"], params, what: "movie search").results
    }

    public func searchShows(query: String) throws -> [TMDBShowSummary] {
        try get(TMDBPage<TMDBShowSummary>.self, ["search", "tv"], [("query", query), ("include_adult", "false")], what: "TV search").results
    }

    public func movie(id: Int64) throws -> TMDBMovieDetails {
        try get(TMDBMovieDetails.self, ["movie", String(id)], [], what: "movie \(id)")
    }

    /// The show, then each of its seasons (specials, season 0, included).
    public func show(id: Int64) throws -> TMDBFullShow {
        let details = try get(TMDBShowDetails.self, ["tv", String(id)], [("append_to_response", "external_ids")], what: "TV show \(id)")
        let numbers = (details.seasons ?? []).map(\.season_number).sorted()
        let seasons = try numbers.map { number in
            try get(TMDBSeason.self, ["tv", String(id), "season", String(number)], [], what: "season \(number) of TV show \(id)")
        }
        return TMDBFullShow(details: details, seasons: seasons)
    }

    /// A full image URL for a TMDB image path ("/abc.jpg") at a size ("w500", "original").
    public func imageURL(_ path: String?, size: String) -> String? {
        guard let path, !path.isEmpty else { return nil }
        let base = config.imageBaseURL.hasSuffix("/") ? String(config.imageBaseURL.dropLast()) : config.imageBaseURL
        return "\(base)/\(size)\(path.hasPrefix("/") ? path : "/" + path)"
    }

    private func get<T: Decodable>(_ type: T.Type, _ segments: [String], _ query: [(String, String)], what: String) throws -> T {
        let key = config.apiKey.trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else {
            throw MetadataError.notConfigured("TMDB is not configured: set tmdb.api_key in config.toml (or the LCARS_TMDB__API_KEY environment variable) to your TMDB API key from https://www.themoviedb.org/settings/api, then restart lcars-fcgi")
        }
        let bearer = key.hasPrefix("eyJ")
        let url = try URLBuilder.url(config.baseURL, segments, query: bearer ? query : [("api_key", key)] + query)
        let headers = ["Accept": "application/json"].merging(bearer ? ["Authorization": "Bearer \(key)"] : [:]) { $1 }
        let response: HTTPClientResponse
        do { response = try http.send(HTTPClientRequest(url: url, headers: headers)) }
        catch let error as HTTPClientError { throw MetadataError.upstream(error) }
        try check(response, what: what)
        do { return try response.decode(T.self) }
        catch let error as HTTPClientError { throw MetadataError.upstream(error) }
    }

    private func check(_ response: HTTPClientResponse, what: String) throws {
        if response.isSuccess { return }
        let message = (try? JSONDecoder().decode(TMDBStatus.self, from: response.body))?.status_message
        switch response.status {
        case 401:
            throw MetadataError.credentialsRejected("TMDB rejected tmdb.api_key (HTTP 401\(message.map { ": " + $0 } ?? "")); set a valid key in config.toml or LCARS_TMDB__API_KEY and restart lcars-fcgi")
        case 404:
            throw MetadataError.notFound("TMDB has no \(what)")
        default:
            throw MetadataError.upstream(response.statusError())
        }
    }
}
