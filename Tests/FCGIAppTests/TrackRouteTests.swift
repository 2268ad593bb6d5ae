import Foundation
import Testing
@testable import FCGIApp
@testable import Persistence

/// /api/tracks in-process over an album whose tracklist is stored directly.
@Suite struct TrackRouteTests {
    func app() throws -> (TestApp, album: Int64) {
        let t = try TestApp()
        let artist = try t.database.artists.insert(
            from: ArtistMetadata(mbid: "a1a1a1a1-0000-4000-8000-000000000001", name: "A", sortName: nil, disambiguation: nil,
                                 artistType: nil, country: nil, beginDate: nil, endDate: nil),
            albums: [AlbumMetadata(mbid: "c3c3c3c3-0000-4000-8000-000000000101", title: "B", albumType: "album", releaseDate: nil)],
            monitored: true, qualityLimit: "flac", addedBy: nil)
        let album = try t.database.artists.artistWithAlbums(id: artist).albums[0].id
        let tracks = (1...3).map { AlbumTracklist.Track(disc: 1, position: $0, title: "T\($0)", recordingMBID: nil, durationMs: nil) }
        try t.database.albums.storeTracklist(albumID: album, AlbumTracklist(releaseMBID: "r", trackCount: 3, tracks: tracks, coverURL: nil),
                                             isRefresh: false, by: nil)
        return (t, album)
    }

    @Test func tracksAreListedByAlbumAndStatus() throws {
        let (t, album) = try app()
        let page = t.send("GET", "/api/tracks", query: ["album_id": "\(album)"], token: t.userToken)
        #expect(page.status == 200 && page.object["total"] as? Int == 3)
        #expect((page.object["items"] as? [[String: Any]])?.map { $0["track_number"] as? Int } == [1, 2, 3])
        #expect(t.send("GET", "/api/tracks", query: ["album_id": "\(album + 1)"], token: t.userToken).object["total"] as? Int == 0)
        #expect(t.send("GET", "/api/tracks", query: ["status": "available"], token: t.userToken).object["total"] as? Int == 0)
        #expect(t.send("GET", "/api/tracks", query: ["limit": "1", "page": "3"], token: t.userToken).object["pages"] as? Int == 3)
        for bad in [["search": "x"], ["status": "partial"], ["album_id": "0"], ["monitored": "true"]] {
            #expect(t.send("GET", "/api/tracks", query: bad, token: t.userToken).status == 400, "\(bad)")
        }
    }

    @Test func aTrackIsMonitoredOrA404() throws {
        let (t, album) = try app()
        let id = try #require(try t.database.tracks.page(MediaListQuery(), albumID: album).items.first?.id)
        let answer = t.send("PUT", "/api/tracks/\(id)", json: ["monitored": false], token: t.userToken)
        #expect(answer.status == 200 && answer.object["monitored"] as? Bool == false)
        #expect(try !t.database.tracks.track(id: id).monitored)
        #expect(t.send("PUT", "/api/tracks/9999", json: ["monitored": false], token: t.userToken).errorMessage == "no track with id 9999")
        #expect(t.send("PUT", "/api/tracks/\(id)", json: ["monitored": "no"], token: t.userToken).status == 422)
    }
}
