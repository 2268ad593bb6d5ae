import Foundation
import GRDB
import Testing
@testable import Core
@testable import Config
@testable import Persistence
@testable import Daemon

/// What `cleanup_completed` picks (DownloadStore.cleanable) and writes (recordCleaned), on a real
/// SQLite file: a completed download goes when it is for no item, for an item that is gone, or
/// for an imported one (available / partial); one whose item still waits for its import stays,
/// and so does everything not completed.
@Suite struct DownloadCleanupTests {
    let database: AppDatabase
    var store: DownloadStore { database.downloads }

    init() throws { database = try makeDownloadsDatabase() }

    func exec(_ sql: String, _ arguments: StatementArguments = []) throws {
        try database.pool.write { try $0.execute(sql: sql, arguments: arguments) }
    }

    /// A movie row with this status; returns its id.
    func movie(_ tmdbID: Int64, status: MediaStatus) throws -> Int64 {
        try exec("INSERT INTO movies (tmdb_id, title, year, status) VALUES (?, ?, 2020, ?)", [tmdbID, "M\(tmdbID)", status.rawValue])
        return try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM movies WHERE tmdb_id = ?", arguments: [tmdbID])! }
    }

    func album(status: MediaStatus) throws -> Int64 {
        try exec("INSERT INTO artists (mbid, name) VALUES ('a1', 'Artist')")
        try exec("INSERT INTO albums (mbid, artist_id, title, status) VALUES ('b1', (SELECT id FROM artists), 'Album', ?)", [status.rawValue])
        return try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM albums")! }
    }

    /// A download for `media` moved to `status` the way the sync does it. `seed` is a hex digit: a
    /// failed download's info hash goes on the blocklist, which takes only real hashes.
    func download(_ seed: Character, _ status: DownloadStatus, for media: MediaReference? = nil) throws -> Int64 {
        var row = newDownload(seed, name: "D\(seed)")
        row.mediaType = media?.type
        row.mediaId = media?.id
        row = try store.recordAdded(row, by: nil)
        for step in Self.path(to: status) {
            row.status = step
            try store.saveTick([row])
        }
        return row.id!
    }

    static func path(to status: DownloadStatus) -> [DownloadStatus] {
        switch status {
        case .completed: [.seeding, .completed]
        case .queued: []
        default: [status]
        }
    }

    @Test func picksCompletedDownloadsWhoseItemIsImported() throws {
        _ = try download("a", .completed)   // added by hand: the user's only copy
        let imported = try download("b", .completed, for: MediaReference(type: .movie, id: try movie(1, status: .available)))
        let partial = try download("c", .completed, for: MediaReference(type: .album, id: try album(status: .partial)))
        _ = try download("d", .completed, for: MediaReference(type: .movie, id: 999))   // item deleted: kept
        _ = try download("e", .completed, for: MediaReference(type: .movie, id: try movie(2, status: .processing)))
        _ = try download("f", .completed, for: MediaReference(type: .movie, id: try movie(3, status: .downloading)))
        _ = try download("7", .completed, for: MediaReference(type: .movie, id: try movie(4, status: .missing)))
        _ = try download("8", .seeding)
        _ = try download("9", .failed)
        _ = try download("0", .queued, for: MediaReference(type: .movie, id: try movie(5, status: .available)))
        #expect(try store.cleanable().map(\.id) == [imported, partial])
    }

    @Test func cleaningRemovesTheRowWithItsActivityLine() throws {
        let id = try download("a", .completed)
        try store.recordCleaned(id)
        #expect(try store.find(id: id) == nil)
        let lines = try store.history(of: id)
        #expect(lines.last?.type == .downloadCleaned)
        #expect(lines.last?.message == "Cleaned up Da: seeding done, download files deleted")
    }

    @Test func onlyCompletedDownloadsAreCleanedAndARefusalWritesNothing() throws {
        let id = try download("a", .seeding)
        #expect(throws: DomainError.self) { try store.recordCleaned(id) }
        #expect(try store.find(id: id)?.status == .seeding)
        #expect(try store.history(of: id).map(\.type) == [.downloadAdded])
        #expect(throws: DomainError.self) { try store.recordCleaned(id + 100) }
    }

    @Test func aCleanupWhoseActivityLineFailsKeepsTheRow() throws {
        let id = try download("a", .completed)
        try refuseActivity(.downloadCleaned, in: database)
        #expect(throws: (any Error).self) { try store.recordCleaned(id) }
        #expect(try store.find(id: id)?.status == .completed)
    }
}

/// DownloadFilesCheck on real directories: libtorrent is let delete a torrent's files only when they
/// really lie inside torrent.download_dir.
@Suite struct DownloadFilesCheckTests {
    let root: String
    let check: DownloadFilesCheck

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-files-\(UUID().uuidString)").path
        for dir in ["downloads/Show S01/sub", "outside/Show S01"] {
            try FileManager.default.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        check = DownloadFilesCheck(downloadDir: root + "/downloads")
    }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: root + "/" + target)
    }

    @Test func filesInsideTheDownloadDirectoryMayGo() {
        #expect(check.refusal(savePath: root + "/downloads", name: "Show S01") == nil)
        #expect(check.refusal(savePath: root + "/downloads/Show S01", name: "sub") == nil)
        #expect(check.refusal(savePath: root + "/downloads", name: "not downloaded yet") == nil)
    }

    @Test func aSavePathOutsideIsRefused() {
        #expect(check.refusal(savePath: root + "/outside", name: "Show S01")?.contains("outside torrent.download_dir") == true)
        #expect(check.refusal(savePath: root + "/downloads/../outside", name: "Show S01") != nil)
        #expect(check.refusal(savePath: root + "/nowhere", name: "Show S01") != nil)   // not there, still outside
    }

    @Test func namesThatAreNotOneComponentAreRefused() {
        for name in ["..", ".", "", "../outside", "a/b", "/etc"] {
            #expect(check.refusal(savePath: root + "/downloads", name: name) != nil, "\(name)")
        }
    }

    @Test func symlinksLeadingOutAreRefused() throws {
        try link("downloads/Escape", to: "outside/Show S01")
        #expect(check.refusal(savePath: root + "/downloads", name: "Escape")?.contains("leads outside") == true)
        try link("downloads/Show S01/sub/inner", to: "outside")
        #expect(check.refusal(savePath: root + "/downloads", name: "Show S01")?.contains("is a symbolic link to a folder") == true)
    }
}
