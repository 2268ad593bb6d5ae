import Foundation
import Testing
@testable import FCGIApp

/// A MusicBrainz turn further away than a responder may wait is answered at once: 503
/// `upstream_busy` with Retry-After (in the header and in `details`), and MusicBrainz is not asked.
@Suite struct UpstreamBusyRouteTests {
    @Test func aSearchWhoseTurnIsTooFarAwayIs503WithRetryAfter() throws {
        // One request a minute: the second search's turn is ~60 s away, far past the 5 s bound.
        let t = try TestApp(extraTOML: "[musicbrainz]\nrate_limit_ms = 60000\n[http]\nretries = 0\n")
        try t.services.answer("/ws/2/artist", fixture: "musicbrainz/search_artist.json")
        #expect(t.send("GET", "/api/search/musicbrainz/artists", query: ["q": "pilots"], token: t.userToken).status == 200)
        let busy = t.send("GET", "/api/search/musicbrainz/artists", query: ["q": "pilots"], token: t.userToken)
        #expect(busy.status == 503 && busy.errorCode == "upstream_busy")
        let retryAfter = try #require(busy.header("Retry-After").flatMap { Int($0) })
        #expect((56...60).contains(retryAfter))
        let details = (busy.object["error"] as? [String: Any])?["details"] as? [String: Any]
        #expect(details?["retry_after"] as? Int == retryAfter)
        #expect(busy.errorMessage?.hasPrefix("MusicBrainz is busy") == true)
        #expect(t.services.requests.count == 1)
    }
}
