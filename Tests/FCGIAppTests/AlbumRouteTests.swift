import Foundation
import Testing
@testable import FCGIApp
@testable import Persistence

/// /api/albums in-process: tracks load from MusicBrainz on the first GET (canonical release d4d4…0202).
@Suite struct AlbumRouteTests {
    static let group = "c3c3c3c3-0000-4000-8000-000000000101"
    static let release = "d4d4d4d4-0000-4000-8000-000000000202"

    func app() throws -> (TestApp, artist: Int, album: Int) {
        let t = try ArtistRouteTests.app()
        try t.services.answer("/ws/2/release", fixture: "musicbrainz/browse_releases_\(Self.group).json")
        try t.services.answer("/ws/2/release/\(Self.release)", fixture: "musicbrainz/release_\(Self.release).json")
        try t.services.answer("/release-group/\(Self.group)", fixture: "coverartarchive/release_group_\(Self.group).json")
        let artist = try ArtistRouteTests.add(t)
        let albums = try #require(artist["albums"] as? [[String: Any]])
        let album = try #require(albums.first { $0["mbid"] as? String == Self.group }?["id"] as? Int)
        return (t, try #require(artist["id"] as? Int), album)
    }

    @Test func theFirstGetLoadsTheTracksOnce() throws {
        let (t, _, album) = try app()
        let first = t.send("GET", "/api/albums/\(album)", token: t.userToken)
        #expect(first.status == 200 && first.object["release_mbid"] as? String == Self.release)
        let tracks = try #require(first.object["tracks"] as? [[String: Any]])
        #expect(tracks.count == 5 && tracks.map { $0["disc_number"] as? Int } == [1, 1, 1, 2, 2])
        #expect(first.object["cover_path"] as? String != nil)
        let requests = t.services.requests.count
        #expect(t.send("GET", "/api/albums/\(album)", token: t.userToken).status == 200)
        #expect(t.services.requests.count == requests)
        #expect(t.send("GET", "/api/system/activity", query: ["type": "album_refreshed"], token: t.adminToken).array.isEmpty)
        #expect(t.send("POST", "/api/albums/\(album)/refresh", token: t.userToken).status == 200)
        #expect(t.send("GET", "/api/system/activity", query: ["type": "album_refreshed"], token: t.adminToken).array.count == 1)
    }

    @Test func anUnknownAlbumIs404WithoutCallingMusicBrainz() throws {
        let (t, _, _) = try app()
        let requests = t.services.requests.count
        #expect(t.send("GET", "/api/albums/9999", token: t.userToken).errorMessage == "no album with id 9999")
        #expect(t.send("POST", "/api/albums/9999/refresh", token: t.userToken).status == 404)
        #expect(t.services.requests.count == requests)
    }

    @Test func aFailingMusicBrainzOnTheFirstLoadIs502() throws {
        let (t, _, album) = try app()
        try t.services.answer("/ws/2/release", status: 503, fixture: "musicbrainz/error_503.json")
        #expect(t.send("GET", "/api/albums/\(album)", token: t.userToken).status == 502)
        #expect(try !t.database.albums.tracksLoaded(albumID: Int64(album)))
    }

    @Test func listUpdateDelete() throws {
        let (t, artist, album) = try app()
        #expect(t.send("GET", "/api/albums", query: ["artist_id": "\(artist)"], token: t.userToken).object["total"] as? Int == 4)
        #expect(t.send("GET", "/api/albums", query: ["artist_id": "\(artist + 1)"], token: t.userToken).object["total"] as? Int == 0)
        #expect(t.send("GET", "/api/albums", query: ["artist_id": "abc"], token: t.userToken).status == 400)
        #expect(t.send("GET", "/api/albums", query: ["status": "partial"], token: t.userToken).status == 200)
        #expect(t.send("GET", "/api/albums", query: ["search": "flight"], token: t.userToken).object["total"] as? Int == 1)
        let updated = t.send("PUT", "/api/albums/\(album)", json: ["quality_limit": "320"], token: t.userToken)
        #expect(updated.status == 200 && updated.object["quality_limit"] as? String == "320")
        #expect(t.send("PUT", "/api/albums/\(album)", json: ["quality_limit": "720p"], token: t.userToken).status == 422)
        #expect(t.send("DELETE", "/api/albums/\(album)", token: t.userToken).status == 403)
        #expect(t.send("DELETE", "/api/albums/\(album)", token: t.adminToken).status == 200)
        #expect(t.send("GET", "/api/albums/\(album)", token: t.userToken).status == 404)
    }
}
