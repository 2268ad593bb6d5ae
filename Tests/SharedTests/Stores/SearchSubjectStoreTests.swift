@testable import Core
@testable import Indexers
@testable import Library
@testable import Persistence
@testable import Releases
import Foundation
import GRDB
import Testing

/// What a release search reads of a library item (SearchSubjectStore → MediaSearchTarget), and
/// the one 404 text for items that are not there.
@Suite struct SearchSubjectStoreTests {
    @Test func aMovieSearchCarriesTitleYearIdsAndLimit() throws {
        let database = AppDatabase(pool: try makeTestDatabase().0)
        let id = try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO movies (tmdb_id, imdb_id, title, original_title, year, runtime_minutes, quality_limit)
                VALUES (603, 'tt0133093', 'The Matrix', 'Matrix', 1999, 136, '720p')
                """)
            return db.lastInsertedRowID
        }
        let target = try MediaSearchTarget.movie(database, id: id)
        #expect(target.query.query == "The Matrix 1999" && target.query.imdbId == "tt0133093" && target.query.tmdbId == 603)
        #expect(target.ranking.videoLimit == .p720 && target.ranking.runtimeMinutes == 136 && target.ranking.alternateTitles == ["Matrix"])
        #expect(target.media == MediaReference(type: .movie, id: id))
    }

    @Test func albumAndTrackSearchesUseTheAlbumAndItsArtist() throws {
        let database = AppDatabase(pool: try makeTestDatabase().0)
        let (album, track) = try database.pool.write { db in
            try db.execute(sql: "INSERT INTO artists (mbid, name, quality_limit) VALUES ('a-1', 'Artist', 'V0')")
            try db.execute(sql: "INSERT INTO albums (mbid, artist_id, title, release_date, quality_limit) VALUES ('al-1', ?, 'Album', '2015-05-01', NULL)",
                           arguments: [db.lastInsertedRowID])
            let album = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO tracks (album_id, title, track_number, duration_ms) VALUES (?, 'One', 1, 61000)", arguments: [album])
            return (album, db.lastInsertedRowID)
        }
        let target = try MediaSearchTarget.album(database, id: album)
        #expect(target.query.query == "Artist Album" && target.query.mbid == "al-1" && target.ranking.year == 2015)
        #expect(target.ranking.musicLimit == .v0 && target.ranking.runtimeMinutes == 2)   // the artist's limit; V0 is a music quality
        let byTrack = try MediaSearchTarget.track(database, id: track)
        #expect(byTrack.query == target.query && byTrack.media == MediaReference(type: .track, id: track))
    }

    @Test func missingItemsAreTheOne404() throws {
        let database = AppDatabase(pool: try makeTestDatabase().0)
        #expect(throws: DomainError.notFound(.movie, id: 5)) { try MediaSearchTarget.movie(database, id: 5) }
        #expect(throws: DomainError.notFound(.album, id: 5)) { try MediaSearchTarget.album(database, id: 5) }
        #expect(throws: DomainError.notFound(.track, id: 5)) { try MediaSearchTarget.track(database, id: 5) }
        #expect(throws: DomainError.notFound(.tv, id: 5)) { try MediaSearchTarget.episode(database, showID: 5, season: 1, episode: 1) }
        let show = try database.pool.write { db in
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title) VALUES (1, 'Show')")
            return db.lastInsertedRowID
        }
        #expect(throws: DomainError.notFound("TV show \(show) has no episode S01E02")) {
            try database.searchSubjects.episodeReference(showID: show, season: 1, episode: 2)
        }
    }

    @Test func providerErrorsAreUpstreamFailures() {
        #expect(ProviderError.httpStatus(site: "X", status: 503).domainError == .upstream("X", "X: HTTP 503 (the site is failing)"))
        #expect(ProviderError.loginRequired(site: "R", detail: "bad password").domainError.kind == .upstream(.credentialsRejected))
        #expect(IndexerManager.ResolveFailed(message: "gone").domainError.message == "cannot get the magnet: gone")
    }
}
