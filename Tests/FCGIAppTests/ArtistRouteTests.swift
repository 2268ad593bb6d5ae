import Foundation
import Testing
@testable import FCGIApp
@testable import Persistence

/// /api/artists in-process, MusicBrainz stood in with the fixtures (artist a1a1…0001, five release groups).
@Suite struct ArtistRouteTests {
    static let artist = "a1a1a1a1-0000-4000-8000-000000000001"
    static let config = "[musicbrainz]\nrate_limit_ms = 0\n[http]\nretries = 0\n"

    static func app() throws -> TestApp {
        let t = try TestApp(extraTOML: config)
        try t.services.answer("/ws/2/artist/\(artist)", fixture: "musicbrainz/artist_\(artist).json")
        try t.services.answer("/ws/2/release-group", fixture: "musicbrainz/browse_release_groups_\(artist).json")
        return t
    }

    static func add(_ t: TestApp, quality: String? = nil) throws -> [String: Any] {
        var body: [String: Any] = ["mbid": artist]
        if let quality { body["quality_limit"] = quality }
        let added = t.send("POST", "/api/artists", json: body, token: t.userToken)
        #expect(added.status == 201)
        return added.object
    }

    @Test func addingAnArtistStoresItsAlbums() throws {
        let t = try Self.app()
        let artist = try Self.add(t, quality: "V0")
        #expect(artist["name"] as? String == "The Test Pilots" && artist["quality_limit"] as? String == "V0")
        let albums = try #require(artist["albums"] as? [[String: Any]])
        #expect(albums.count == 4 && albums.allSatisfy { $0["quality_limit"] as? String == "V0" })
        let again = t.send("POST", "/api/artists", json: ["mbid": Self.artist], token: t.userToken)
        #expect(again.status == 409 && (again.object["error"] as? [String: Any])?["existing_id"] as? Int == artist["id"] as? Int)
    }

    @Test func badInputIs422AndAFailingMusicBrainzA502() throws {
        let t = try Self.app()
        #expect(t.send("POST", "/api/artists", json: ["mbid": "../etc"], token: t.userToken).status == 422)
        #expect(t.send("POST", "/api/artists", json: ["mbid": Self.artist, "quality_limit": "1080p"], token: t.userToken).status == 422)
        try t.services.answer("/ws/2/release-group", status: 503, fixture: "musicbrainz/error_503.json")
        #expect(t.send("POST", "/api/artists", json: ["mbid": Self.artist], token: t.userToken).status == 502)
        t.services.fail("/ws/2/artist/\(Self.artist)", .timedOut())
        #expect(t.send("POST", "/api/artists", json: ["mbid": Self.artist], token: t.userToken).status == 504)
        #expect(t.send("GET", "/api/artists", token: t.userToken).object["total"] as? Int == 0)
    }

    @Test func getUpdateListRefreshDelete() throws {
        let t = try Self.app()
        let id = try #require(try Self.add(t)["id"] as? Int)
        #expect(t.send("GET", "/api/artists/9999", token: t.userToken).errorMessage == "no artist with id 9999")
        #expect(t.send("GET", "/api/artists", query: ["search": "pilots"], token: t.userToken).object["total"] as? Int == 1)
        #expect(t.send("GET", "/api/artists", query: ["status": "missing"], token: t.userToken).status == 400)
        let updated = t.send("PUT", "/api/artists/\(id)", json: ["monitored": false], token: t.userToken)
        #expect(updated.status == 200 && updated.object["monitored"] as? Bool == false)
        #expect(t.send("PUT", "/api/artists/\(id)", json: ["quality_limit": "mp3"], token: t.userToken).status == 422)
        #expect(t.send("POST", "/api/artists/\(id)/refresh", token: t.userToken).status == 200)
        #expect(t.send("GET", "/api/system/activity", query: ["type": "artist_refreshed"], token: t.adminToken).array.count == 1)
        #expect(t.send("DELETE", "/api/artists/\(id)", token: t.userToken).status == 403)
        #expect(t.send("DELETE", "/api/artists/\(id)", token: t.adminToken).status == 200)
        #expect(t.send("GET", "/api/albums", token: t.userToken).object["total"] as? Int == 0)
    }
}
