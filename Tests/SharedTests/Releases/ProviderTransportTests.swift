@testable import Core
@testable import Releases
@testable import Indexers
import Foundation
import Testing

/// Providers end to end over a fixture transport: the requests they build, and how they report
/// 5xx answers, challenge pages, timeouts and logins.
@Suite struct ProviderTransportTests {
    let base = URL(string: "https://site.example/")!

    @Test func torznabReadsCapsOnceThenSearchesWithIds() async throws {
        let transport = FixtureTransport()
        try transport.on("/api", fixture: "torznab/caps.xml")
        let provider = TorznabProvider(name: "jackett", baseURL: URL(string: "http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab")!,
                                       apiKey: "secret", transport: transport)
        _ = try await provider.capabilities()
        try transport.on("/api", fixture: "torznab/search.xml")
        let results = try await provider.search(SearchQuery(query: "The Matrix", mediaType: .movie, imdbId: "tt0133093"))
        #expect(results.count == 2)
        let urls = transport.requests.map(\.url.absoluteString)
        #expect(urls.count == 2)
        #expect(urls[0].hasSuffix("/torznab/api?apikey=secret&t=caps"))
        #expect(urls[1].contains("t=movie") && urls[1].contains("imdbid=0133093") && urls[1].contains("cat=2000,2040,2045"))
        _ = try await provider.search(SearchQuery(query: "x", mediaType: .movie))
        #expect(transport.requests.count == 3)   // caps were not fetched again
    }

    @Test func torznabApiKeyErrorSurfacesAsAMessage() async throws {
        let transport = FixtureTransport()
        try transport.on("/api", fixture: "torznab/error-100.xml")
        let provider = TorznabProvider(name: "jackett", baseURL: base, apiKey: "wrong", transport: transport)
        let result = await provider.test()
        #expect(!result.ok && result.message.contains("Torznab error 100") && result.message.contains("API key"))
    }

    @Test(arguments: [500, 502, 503])
    func serverErrorsAreReportedWithTheStatus(_ status: Int) async throws {
        let transport = FixtureTransport()
        try transport.on("list_movies.json", status: status, body: Data("<html>Bad gateway</html>".utf8))
        let provider = YTSProvider(baseURL: base, transport: transport)
        await #expect { try await provider.search(SearchQuery(query: "x", mediaType: .movie)) } throws: { error in
            "\(error)" == "YTS: HTTP \(status) (the site is failing)"
        }
    }

    @Test func challengePagesAreReportedEvenWith403() async throws {
        let transport = FixtureTransport()
        try transport.on("/1/", status: 403, headers: ["cf-mitigated": "challenge"], fixture: "common/cloudflare.html")
        let provider = X1337Provider(baseURL: base, transport: transport)
        let result = await provider.test()
        #expect(!result.ok && result.message == "1337x: challenge page (Cloudflare) — cannot read results")
    }

    @Test func aTimeoutFromTheTransportPropagates() async throws {
        struct TimedOut: Error, CustomStringConvertible { var description: String { "timed out after 10 s" } }
        struct SlowTransport: ReleaseTransport {
            func send(_ request: TransportRequest) async throws -> TransportResponse { throw TimedOut() }
        }
        let provider = EZTVProvider(baseURL: base, transport: SlowTransport())
        let result = await provider.test()
        #expect(!result.ok && result.message == "timed out after 10 s")
    }

    @Test func ytsAndEztvBuildTheirApiRequests() async throws {
        let transport = FixtureTransport()
        try transport.on("list_movies.json", fixture: "yts/list_movies.json")
        try transport.on("get-torrents", fixture: "eztv/get-torrents.json")
        let yts = try await YTSProvider(baseURL: base, transport: transport).search(SearchQuery(query: "Inception", mediaType: .movie, imdbId: "tt1375666"))
        let eztv = try await EZTVProvider(baseURL: base, transport: transport).search(SearchQuery(query: "TWD", mediaType: .tv, imdbId: "tt1520211", season: 11, episode: 23))
        #expect(yts.count == 3 && eztv.count == 1)
        #expect(transport.requests[0].url.absoluteString == "https://site.example/api/v2/list_movies.json?query_term=tt1375666&limit=50")
        #expect(transport.requests[1].url.absoluteString == "https://site.example/api/get-torrents?imdb_id=1520211&limit=100")
        // Wrong media type: no request at all.
        #expect(try await YTSProvider(baseURL: base, transport: transport).search(SearchQuery(query: "x", mediaType: .tv)).isEmpty)
        #expect(transport.requests.count == 2)
        await #expect(throws: ProviderError.self) { try await EZTVProvider(baseURL: base, transport: transport).search(SearchQuery(query: "x", mediaType: .tv)) }
    }

    @Test func x1337SearchesThenResolvesTheMagnet() async throws {
        let transport = FixtureTransport()
        try transport.on("/TV/1/", fixture: "1337x/search.html")
        try transport.on("/torrent/4563125/The-Matrix-1999-1080p-BluRay-x264-GRP/", fixture: "1337x/detail.html")
        let provider = X1337Provider(baseURL: base, transport: transport)
        let results = try await provider.search(SearchQuery(query: "The Office", mediaType: .tv, season: 3, episode: 5))
        #expect(transport.requests[0].url.absoluteString == "https://site.example/category-search/The%20Office%20S03E05/TV/1/")
        let magnet = try await provider.resolveMagnet(results[0])
        #expect(Magnet.infoHash(of: magnet) == "aabbccddeeff00112233445566778899aabbccdd")
    }

    @Test func rutrackerLogsInSearchesAndReadsTheTopic() async throws {
        let transport = FixtureTransport()
        try transport.on("/forum/login.php", method: "POST", status: 302, headers: ["set-cookie": "bb_guid=x; path=/\nbb_session=0-123-abc; path=/forum/; HttpOnly"])
        try transport.on("/forum/tracker.php", fixture: "rutracker/search.html")
        try transport.on("/forum/viewtopic.php", fixture: "rutracker/topic.html")
        let provider = RutrackerProvider(baseURL: base, username: "me", password: "пароль", transport: transport)
        let results = try await provider.search(SearchQuery(query: "Abbey Road", mediaType: .music, artist: "The Beatles"))
        #expect(results.count == 2)
        let login = transport.requests[0]
        #expect(login.method == "POST" && String(decoding: login.body ?? Data(), as: UTF8.self) == "login_username=me&login_password=%EF%E0%F0%EE%EB%FC&login=%C2%F5%EE%E4")
        #expect(transport.requests[1].headers["Cookie"] == "bb_session=0-123-abc")
        #expect(transport.requests[1].url.query == "nm=The%20Beatles%20Abbey%20Road")
        let magnet = try await provider.resolveMagnet(results[0])
        #expect(Magnet.infoHash(of: magnet) == "1234567890abcdef1234567890abcdef12345678")
        #expect(transport.requests.count == 3)   // the session was reused
    }

    @Test func rutrackerRefusedLoginIsClear() async throws {
        let transport = FixtureTransport()
        try transport.on("/forum/login.php", method: "POST", fixture: "rutracker/login.html")
        let provider = RutrackerProvider(baseURL: base, username: "me", password: "bad", transport: transport)
        let result = await provider.test()
        #expect(!result.ok && result.message.contains("login required") && result.message.contains("refused"))
        let noCredentials = await RutrackerProvider(baseURL: base, username: "", password: "", transport: transport).test()
        #expect(noCredentials.message.contains("set a username and password"))
    }

    @Test func rutrackerExpiredSessionLogsInAgainOnce() async throws {
        let transport = FixtureTransport()
        try transport.on("/forum/login.php", method: "POST", headers: ["set-cookie": "bb_session=s1"])
        try transport.on("/forum/tracker.php", fixture: "rutracker/login.html")   // the session is never accepted
        let provider = RutrackerProvider(baseURL: base, username: "me", password: "pw", transport: transport)
        await #expect { try await provider.search(SearchQuery(query: "x", mediaType: .music)) } throws: { error in
            if case .loginRequired = error as? ProviderError { return true } else { return false }
        }
        #expect(transport.requests.filter { $0.method == "POST" }.count == 2)
    }

    @Test func rssProviderReadsTheFeed() async throws {
        let transport = FixtureTransport()
        try transport.on("/feed", fixture: "rss/feed.xml")
        let provider = RSSProvider(name: "showrss", feedURL: URL(string: "https://feed.example/feed")!, transport: transport, movies: false, music: false)
        #expect(try await provider.search(SearchQuery(query: "", mediaType: .tv)).count == 2)
        #expect(provider.supports(.tv) && !provider.supports(.movie))
    }
}
