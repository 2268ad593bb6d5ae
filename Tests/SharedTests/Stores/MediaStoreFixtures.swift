import Foundation
import GRDB
@testable import Core
@testable import Persistence

/// A migrated database and small metadata values for the media store tests.
struct MediaStoreFixture {
    let database: AppDatabase
    var db: DatabasePool { database.pool }

    init() throws {
        database = AppDatabase(pool: try makeTestDatabase().0)
    }

    /// `activity` rows of this event type.
    func activityCount(_ type: String) throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM activity WHERE event_type = ?", arguments: [type]) ?? 0 }
    }

    func count(_ table: String) throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    func exec(_ sql: String, _ arguments: StatementArguments = []) throws {
        try db.write { try $0.execute(sql: sql, arguments: arguments) }
    }

    static func movie(_ tmdbID: Int64, _ title: String, overview: String? = nil) -> MovieMetadata {
        MovieMetadata(tmdbID: tmdbID, imdbID: "tt\(tmdbID)", title: title, originalTitle: nil, year: 2009, overview: overview,
                      posterPath: nil, backdropPath: nil, runtimeMinutes: 127, genres: ["Science Fiction", "Action"])
    }

    static func show(_ tmdbID: Int64, _ title: String, status: SeriesStatus = .continuing) -> ShowMetadata {
        ShowMetadata(tmdbID: tmdbID, imdbID: nil, title: title, originalTitle: nil, yearStart: 2020, yearEnd: nil,
                     overview: nil, posterPath: nil, backdropPath: nil, status: status)
    }

    static func episode(_ season: Int, _ number: Int, title: String? = nil) -> EpisodeMetadata {
        EpisodeMetadata(season: season, episode: number, tmdbID: Int64(season * 100 + number), title: title ?? "E\(number)",
                        overview: nil, airDate: nil, runtimeMinutes: 42, stillPath: nil)
    }

    static func artist(_ n: Int, _ name: String) -> ArtistMetadata {
        ArtistMetadata(mbid: mbid(n), name: name, sortName: nil, disambiguation: nil, artistType: "group", country: "GB",
                       beginDate: nil, endDate: nil)
    }

    static func album(_ n: Int, _ title: String, date: String? = "2001-05-01") -> AlbumMetadata {
        AlbumMetadata(mbid: mbid(n), title: title, albumType: "album", releaseDate: date)
    }

    static func mbid(_ n: Int) -> String { String(format: "a1a1a1a1-0000-4000-8000-%012d", n) }

    static func tracklist(_ positions: [(disc: Int, position: Int)], release: String? = "d4d4d4d4-0000-4000-8000-000000000202") -> AlbumTracklist {
        AlbumTracklist(releaseMBID: release, trackCount: positions.count, tracks: positions.map {
            AlbumTracklist.Track(disc: $0.disc, position: $0.position, title: "T\($0.disc)-\($0.position)", recordingMBID: nil, durationMs: 180_000)
        }, coverURL: "https://covers.example/1.jpg")
    }
}
