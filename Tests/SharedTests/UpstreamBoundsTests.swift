@testable import Config
@testable import Core
@testable import Net
@testable import Metadata
import Foundation
import Testing

/// The shared MusicBrainz limit never makes a caller wait longer than its bound: a turn further
/// away is refused at once (503 `upstream_busy` with Retry-After) and reserves nothing.
@Suite struct RateLimiterBoundTests {
    func limiterPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lcars-limiter-\(UUID().uuidString)").path
    }

    @Test func turnsAreReservedOneIntervalApartUpToTheBound() throws {
        let path = limiterPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let limiter = SharedRateLimiter(path: path, interval: 2, maxWait: 5, service: "MusicBrainz")
        let waits = try (0..<3).map { _ in try limiter.reserve() }   // reserve only: nobody sleeps here
        #expect(waits[0] == 0 && (1.5...2).contains(waits[1]) && (3.5...4).contains(waits[2]), "\(waits)")
        let busy = try #require(throws: SharedRateLimiter.Busy.self) { try limiter.reserve() }
        #expect((5...6).contains(busy.retryAfter))
        // Refused callers reserved nothing: the next one is told the same, not 2 s more.
        let again = try #require(throws: SharedRateLimiter.Busy.self) { try limiter.reserve() }
        #expect(again.retryAfter <= busy.retryAfter)
    }

    @Test func busyIsA503WithRetryAfterInTheDetails() {
        let error = SharedRateLimiter.Busy(service: "MusicBrainz", retryAfter: 7, maxWait: 5).domainError
        #expect(error.kind == .unavailable && error.code == "upstream_busy" && error.service == "MusicBrainz")
        #expect(error.details == .object(["retry_after": .number(7)]))
        #expect(error.message == "MusicBrainz is busy: its rate limit is shared by every user and the next free turn is 7 s away "
                    + "(a request waits at most 5 s); try again in 7 s")
    }

    @Test func theMusicBrainzClientIsBoundAndAskedNothingWhenBusy() throws {
        let path = limiterPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try ConfigLoader.parse("""
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef-bound-tests"
            [musicbrainz]
            rate_limit_ms = 60000
            limiter_file = "\(path)"
            """, file: "bound.toml")
        let transport = RecordingTransport(body: #"{"count": 0, "offset": 0, "artists": []}"#)
        let client = MetadataClients.musicBrainz(config, transport: { _ in transport })
        #expect(try client.searchArtists("pilots").isEmpty)
        #expect(throws: SharedRateLimiter.Busy.self) { try client.searchArtists("pilots") }
        #expect(transport.settings.count == 1)
    }
}

/// Indexer and metadata traffic leaves by `torrent.bind_interface` when `http.interface` is empty.
@Suite struct OutboundInterfaceTests {
    func config(http: String?, torrent: String?) throws -> LCARSConfig {
        var text = "[server]\njwt_secret = \"0123456789abcdef0123456789abcdef-iface-tests\"\n[tmdb]\napi_key = \"k\"\n[musicbrainz]\nrate_limit_ms = 0\n[http]\nretries = 0\n"
        if let http { text += "interface = \"\(http)\"\n" }
        if let torrent { text += "[torrent]\nbind_interface = \"\(torrent)\"\n" }
        return try ConfigLoader.parse(text, file: "iface.toml")
    }

    @Test(arguments: [(nil, nil, ""), (nil, "wg0", "wg0"), ("eth1", "wg0", "eth1"), ("eth1", nil, "eth1")] as [(String?, String?, String)])
    func theSettingsPickTheInterface(_ http: String?, _ torrent: String?, _ expected: String) throws {
        #expect(HTTPClientSettings(try config(http: http, torrent: torrent)).interface == expected)
    }

    @Test func metadataClientsSendThroughTheVPNInterface() throws {
        let transport = RecordingTransport(body: #"{"page": 1, "results": [], "total_pages": 0, "total_results": 0}"#)
        let tmdb = MetadataClients.tmdb(try config(http: nil, torrent: "wg0"), transport: { _ in transport })
        _ = try? tmdb.searchMovies(query: "x", year: nil)
        let mb = MetadataClients.musicBrainz(try config(http: nil, torrent: "wg0"), transport: { _ in transport }, maxWait: nil)
        _ = try? mb.searchArtists("x")
        #expect(transport.settings.map(\.interface) == ["wg0", "wg0"])
    }

    /// libcurl itself binds: an interface that does not exist fails the request before it leaves.
    @Test func libcurlBindsToTheInterface() throws {
        let client = HTTPClient(service: "Test", settings: HTTPClientSettings(try config(http: nil, torrent: "lcarsnone0")))
        let url = try #require(URL(string: "http://127.0.0.1:9/never"))
        let error = try #require(throws: HTTPClientError.self) { try client.get(url) }
        #expect(error.description.contains("lcarsnone0"), "\(error)")
    }
}

/// A transport that answers every request with `body` and records the settings it was given.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    let body: String
    private let lock = NSLock()
    private var seen: [HTTPClientSettings] = []

    init(body: String) { self.body = body }

    var settings: [HTTPClientSettings] { lock.withLock { seen } }

    func perform(_ request: HTTPClientRequest, settings: HTTPClientSettings) -> Result<HTTPTransportAnswer, HTTPTransportFailure> {
        lock.withLock { seen.append(settings) }
        return .success(HTTPTransportAnswer(status: 200, headers: ["content-type": "application/json"], body: Data(body.utf8)))
    }
}
