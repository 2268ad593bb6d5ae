@testable import Core
@testable import Persistence
import Foundation
import GRDB
import Testing

/// A failed download, whichever path fails it (markFailed: a libtorrent error or post-processing;
/// saveTick: the stall check), blocklists its release and sends its item back to missing in the same
/// transaction; a retry takes it off the blocklist and links the item again.
@Suite struct FailedDownloadStoreTests {
    let database: AppDatabase
    var pool: DatabasePool { database.pool }
    let movie: MediaReference

    init() throws {
        database = AppDatabase(pool: try makeTestDatabase().0)
        movie = MediaReference(type: .movie, id: try database.pool.write { db in
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, status) VALUES (603, 'The Matrix', 1999, 'downloading')")
            return db.lastInsertedRowID
        })
    }

    /// A 40-digit info hash made of one repeated pair.
    func hash(_ pair: String) -> String { String(repeating: pair, count: 20) }

    func add(_ hash: String, media: MediaReference?) throws -> DownloadRecord {
        try database.downloads.recordAdded(DownloadRecord(infoHash: hash, name: "The.Matrix.1999.\(hash.prefix(4))", magnet: "magnet:?xt=urn:btih:\(hash)",
                                                          media: media, savePath: "/tmp", sizeBytes: 1, torrentFile: nil))
    }

    func status(_ media: MediaReference) throws -> MediaStatus { try database.mediaStatus.status(of: media) }
    func listed(_ hash: String) throws -> BlocklistEntry? { try database.blocklist.entry(infoHash: hash, title: nil) }
    func activity(_ type: String) throws -> [String] {
        try pool.read { try String.fetchAll($0, sql: "SELECT message FROM activity WHERE event_type = ? ORDER BY id", arguments: [type]) }
    }

    @Test func markFailedBlocklistsTheReleaseAndSendsTheItemBackToMissing() throws {
        let d = try add(hash("aa"), media: movie)
        try database.downloads.markFailed(d.id!, reason: "torrent error: disk full")
        let entry = try #require(try listed(hash("aa")))
        #expect(entry.reason.contains("disk full") && entry.title == d.name && entry.mediaId == movie.id)
        #expect(try status(movie) == .missing)
        #expect(try activity("blocklisted").first?.contains("disk full") == true)
        #expect(try activity("download_failed").count == 1)
    }

    @Test func aStallFoundByTheSyncDoesTheSame() throws {
        var d = try add(hash("bb"), media: movie)
        try d.fail(reason: "stalled: no metadata received for 5 s and no seeders connected")
        try database.downloads.saveTick([d])
        #expect(try listed(hash("bb"))?.reason.contains("stalled") == true)
        #expect(try status(movie) == .missing)
        // The next tick writes the same failed row again: nothing more is listed or moved.
        try database.downloads.saveTick([d])
        #expect(try activity("blocklisted").count == 1)
    }

    @Test func anItemStillBroughtByAnotherDownloadOrAlreadyAvailableKeepsItsStatus() throws {
        let first = try add(hash("cc"), media: movie)
        _ = try add(hash("dd"), media: movie)   // another live download for the same movie
        try database.downloads.markFailed(first.id!, reason: "torrent error")
        #expect(try status(movie) == .downloading)
        #expect(try listed(hash("cc")) != nil)

        try pool.write { try $0.execute(sql: "UPDATE movies SET status = 'available' WHERE id = ?", arguments: [movie.id]) }
        let upgrade = try add(hash("ee"), media: movie)
        try database.downloads.markFailed(upgrade.id!, reason: "torrent error")
        #expect(try status(movie) == .available)   // a failed upgrade leaves the file and its status
    }

    @Test func aSeasonPackFailureSendsItsOtherEpisodesBackToo() throws {
        let (first, second, single) = try pool.write { db -> (Int64, Int64, Int64) in
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title) VALUES (1, 'Show')")
            let show = db.lastInsertedRowID
            var ids: [Int64] = []
            for n in 1...3 {
                try db.execute(sql: "INSERT INTO episodes (show_id, season_number, episode_number, status) VALUES (?, 1, ?, 'downloading')",
                               arguments: [show, n])
                ids.append(db.lastInsertedRowID)
            }
            return (ids[0], ids[1], ids[2])
        }
        let pack = try add(hash("ff"), media: MediaReference(type: .episode, id: first))
        _ = try add(hash("11"), media: MediaReference(type: .episode, id: single))   // E03 grabbed on its own
        try database.downloads.markFailed(pack.id!, reason: "stalled")
        #expect(try status(MediaReference(type: .episode, id: first)) == .missing)
        #expect(try status(MediaReference(type: .episode, id: second)) == .missing)
        #expect(try status(MediaReference(type: .episode, id: single)) == .downloading)
    }

    @Test func aRetryTakesTheReleaseOffTheBlocklistAndLinksTheItemAgain() throws {
        let d = try add(hash("22"), media: movie)
        try database.downloads.markFailed(d.id!, reason: "stalled")
        #expect(try listed(hash("22")) != nil && status(movie) == .missing)
        let retried = try database.downloads.markRetried(d.id!)
        #expect(retried.status == .queued)
        #expect(try listed(hash("22")) == nil)
        #expect(try status(movie) == .downloading)
        // A retry of a download that is not failed changes nothing at all.
        #expect(throws: DomainError.self) { try database.downloads.markRetried(d.id!) }
    }

    @Test func aFailedWriteRollsTheBlocklistBackToo() throws {
        let d = try add(hash("33"), media: movie)
        try database.downloads.markFailed(d.id!, reason: "first")
        try pool.write { try $0.execute(sql: "DELETE FROM blocklist") }
        // failed → failed is allowed (same status), but a completed row cannot fail: nothing is written.
        try pool.write { try $0.execute(sql: "UPDATE downloads SET status = 'completed' WHERE id = ?", arguments: [d.id!]) }
        #expect(throws: DomainError.self) { try database.downloads.markFailed(d.id!, reason: "late") }
        #expect(try listed(hash("33")) == nil)
    }
}
