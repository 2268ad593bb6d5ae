import Foundation
import Testing
import GRDB
@testable import Core
@testable import Persistence

/// ArtistStore, AlbumStore, TrackStore: artists with their albums, tracklists, monitoring, cascades.
@Suite struct MediaMusicStoreTests {
    typealias F = MediaStoreFixture

    func addArtist(_ f: F) throws -> Int64 {
        try f.database.artists.insert(from: F.artist(1, "The Test Pilots"), albums: [F.album(101, "First Flight"), F.album(102, "Runway EP")],
                                      monitored: true, qualityLimit: "flac", addedBy: nil)
    }

    @Test func insertAddsTheArtistItsAlbumsAndOneActivity() throws {
        let f = try F()
        let id = try addArtist(f)
        let (artist, albums) = try f.database.artists.artistWithAlbums(id: id)
        #expect(artist.name == "The Test Pilots" && albums.count == 2 && albums.allSatisfy { $0.qualityLimit == "flac" })
        #expect(try f.activityCount("artist_added") == 1)
        #expect(throws: DomainError.self) { try f.database.artists.ensureAbsent(mbid: F.mbid(1)) }
    }

    @Test func refreshAddsNewGroupsAndLeavesACollaboratorsAlbumAlone() throws {
        let f = try F()
        let id = try addArtist(f)
        let other = try f.database.artists.insert(from: F.artist(2, "Guest"), albums: [F.album(201, "Theirs")],
                                                  monitored: false, qualityLimit: "320", addedBy: nil)
        try f.database.artists.update(id: id, monitored: false, qualityLimit: "V0")
        try f.database.artists.refresh(id: id, from: F.artist(1, "The Test Pilots"),
                                       albums: [F.album(101, "First Flight (Remastered)"), F.album(103, "New"), F.album(201, "Theirs, renamed")], by: nil)
        let albums = try f.database.artists.artistWithAlbums(id: id).albums
        #expect(albums.map(\.title).sorted() == ["First Flight (Remastered)", "New", "Runway EP"])
        let new = try #require(albums.first { $0.title == "New" })
        #expect(!new.monitored && new.qualityLimit == "V0")
        #expect(try f.database.artists.artistWithAlbums(id: other).albums.map(\.title) == ["Theirs"])
        let message = try f.db.read { try String.fetchOne($0, sql: "SELECT message FROM activity WHERE event_type = 'artist_refreshed'") }
        #expect(message == "Refreshed artist The Test Pilots: 1 new albums")
    }

    @Test func aTracklistFirstLoadWritesNoActivityARefreshDoes() throws {
        let f = try F()
        let artist = try addArtist(f)
        let album = try #require(f.database.artists.artistWithAlbums(id: artist).albums.first { $0.title == "First Flight" }).id
        #expect(try !f.database.albums.tracksLoaded(albumID: album))
        try f.database.albums.storeTracklist(albumID: album, F.tracklist([(1, 1), (1, 2), (2, 1)]), isRefresh: false, by: nil)
        #expect(try f.database.albums.tracksLoaded(albumID: album))
        #expect(try f.activityCount("album_refreshed") == 0)
        let (record, tracks) = try f.database.albums.albumWithTracks(id: album)
        #expect(record.totalTracks == 3 && record.coverPath == "https://covers.example/1.jpg" && record.releaseMBID != nil)
        #expect(tracks.map { "\($0.discNumber)-\($0.trackNumber)" } == ["1-1", "1-2", "2-1"])
        // 1-2 has a file and stays although the new tracklist drops it; 2-1 has none and goes.
        try f.exec("UPDATE tracks SET file_path = '/m/1-2.flac' WHERE album_id = ? AND track_number = 2", [album])
        try f.database.albums.storeTracklist(albumID: album, F.tracklist([(1, 1), (1, 3)]), isRefresh: true, by: nil)
        #expect(try f.database.albums.albumWithTracks(id: album).tracks.map { "\($0.discNumber)-\($0.trackNumber)" } == ["1-1", "1-2", "1-3"])
        #expect(try f.activityCount("album_refreshed") == 1)
        #expect(throws: DomainError.notFound(.album, id: 999)) {
            try f.database.albums.storeTracklist(albumID: 999, F.tracklist([]), isRefresh: true, by: nil)
        }
        #expect(try f.activityCount("album_refreshed") == 1)
    }

    @Test func aReleaseLessGroupStillCountsAsLoaded() throws {
        let f = try F()
        let album = try f.database.artists.artistWithAlbums(id: try addArtist(f)).albums[0].id
        try f.database.albums.storeTracklist(albumID: album, F.tracklist([], release: nil), isRefresh: false, by: nil)
        #expect(try f.database.albums.tracksLoaded(albumID: album))
        #expect(try f.database.albums.album(id: album).releaseMBID == nil)
    }

    @Test func tracksAreListedByAlbumAndMonitored() throws {
        let f = try F()
        let albums = try f.database.artists.artistWithAlbums(id: try addArtist(f)).albums
        try f.database.albums.storeTracklist(albumID: albums[0].id, F.tracklist([(1, 1), (1, 2)]), isRefresh: false, by: nil)
        try f.database.albums.storeTracklist(albumID: albums[1].id, F.tracklist([(1, 1)]), isRefresh: false, by: nil)
        #expect(try f.database.tracks.page(MediaListQuery()).total == 3)
        let page = try f.database.tracks.page(MediaListQuery(), albumID: albums[0].id)
        #expect(page.total == 2)
        let track = try f.database.tracks.setMonitored(id: page.items[0].id, false)
        #expect(!track.monitored)
        #expect(try f.database.tracks.page(MediaListQuery(monitored: false)).total == 1)
        #expect(throws: DomainError.notFound(.track, id: 999)) { try f.database.tracks.setMonitored(id: 999, true) }
    }

    @Test func deletingAnArtistCascadesToAlbumsAndTracks() throws {
        let f = try F()
        let artist = try addArtist(f)
        let album = try f.database.artists.artistWithAlbums(id: artist).albums[0].id
        try f.database.albums.storeTracklist(albumID: album, F.tracklist([(1, 1), (1, 2)]), isRefresh: false, by: nil)
        try f.exec("UPDATE tracks SET file_path = '/m/' || id || '.flac' WHERE album_id = ?", [album])
        #expect(try f.database.artists.delete(id: artist, removingFiles: true, by: nil).count == 2)
        #expect(try f.count("artists") == 0 && f.count("albums") == 0 && f.count("tracks") == 0)
        #expect(try f.activityCount("artist_deleted") == 1)
    }

    @Test func deletingAnAlbumReturnsItsTrackFiles() throws {
        let f = try F()
        let albums = try f.database.artists.artistWithAlbums(id: try addArtist(f)).albums
        try f.database.albums.storeTracklist(albumID: albums[0].id, F.tracklist([(1, 1)]), isRefresh: false, by: nil)
        try f.exec("UPDATE tracks SET file_path = '/m/a.flac'")
        #expect(try f.database.albums.delete(id: albums[0].id, removingFiles: false, by: nil) == ["/m/a.flac"])
        #expect(try f.count("albums") == 1 && f.count("tracks") == 0 && f.activityCount("album_deleted") == 1)
        #expect(try f.database.albums.page(MediaListQuery(), artistID: albums[1].artistID).total == 1)
        #expect(try f.database.albums.ids(forMBIDs: [F.mbid(102), F.mbid(101)]) == [F.mbid(102): albums[1].id])
    }
}
