import Foundation
import GRDB
import Testing
@testable import Config
@testable import Control
@testable import Core
@testable import Daemon
@testable import Indexers
@testable import Library
@testable import Persistence
@testable import Releases

/// The `search_missing` job over the real stores and ranking, with an indexer stood in at the
/// provider: the best accepted release is grabbed and linked, a refused grab gives way to the next,
/// a blocklisted release is never grabbed, nothing acceptable leaves the item missing with the
/// reason, and the run stops at the limit.
@Suite struct MissingSearchTests {
    /// Answers every search with `releases` and counts the searches.
    final class FakeIndexer: ReleaseProvider, @unchecked Sendable {
        let name = "fake"
        let supportsMovies = true, supportsTV = true, supportsMusic = true
        private let lock = NSLock()
        private var searches: [SearchQuery] = []
        var releases: [ReleaseCandidate] = []

        func search(_ query: SearchQuery) async throws -> [ReleaseCandidate] {
            lock.withLock { searches.append(query); return releases }
        }
        var asked: [SearchQuery] { lock.withLock { searches } }
    }

    /// Records what lcarsd would have been asked to add; refuses the hashes in `refuse`.
    final class FakeSession: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var added: [DownloadCommand.AddArgs] = []
        var refuse: Set<String> = []

        func add(_ args: DownloadCommand.AddArgs) throws -> DownloadView {
            try lock.withLock {
                let hash = args.magnet.flatMap(Magnet.infoHash(of:)) ?? ""
                if refuse.contains(hash) { throw DomainError.conflict("this torrent is already download 1", code: "duplicate") }
                added.append(args)
                return DownloadView(DownloadRecord(infoHash: hash, name: "x", magnet: args.magnet ?? "", media: args.media,
                                                   savePath: "/tmp", sizeBytes: nil, torrentFile: nil))
            }
        }
    }

    /// The `media:updated` events the job published, as (media id, status).
    final class Published: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [LiveEvent] = []
        func record(_ event: LiveEvent) { lock.withLock { events.append(event) } }
        var statuses: [(Int64, String)] {
            lock.withLock { events }.compactMap { event in
                guard event.name == "media:updated",
                      let body = try? JSONSerialization.jsonObject(with: event.json) as? [String: Any],
                      let id = body["media_id"] as? Int, let status = body["status"] as? String else { return nil }
                return (Int64(id), status)
            }
        }
    }

    let database: AppDatabase
    let indexer = FakeIndexer()
    let session = FakeSession()
    let published = Published()
    let config: LCARSConfig

    init() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-search-\(UUID().uuidString)").path
        config = try ConfigLoader.parse("""
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef-search-tests"
            data_dir = "\(dir)"
            [scheduler]
            search_limit = 2
            """, file: "search-test.toml")
        database = try AppDatabase.open(config.database)
        try database.migrate()
        try database.pool.write { try $0.execute(sql: "UPDATE indexers SET enabled = 0") }
        try database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO indexers (name, indexer_type, url, priority, categories) VALUES ('fake', 'torznab', 'http://127.0.0.1:1', 1, '["movies", "tv", "music"]')
                """)
        }
    }

    func job() -> MissingSearch {
        let provider = indexer
        let manager = IndexerManager(database: database, timeout: 5, minInterval: 0) { _ in provider }
        let session = session
        return MissingSearch(database: database, searcher: ReleaseSearcher(database: database, config: config, indexers: manager),
                             grabber: ReleaseGrabber(database: database, config: config, transport: nil, indexers: manager),
                             limit: config.scheduler.searchLimit, grab: { try session.add($0) },
                             publish: { [published] in published.record($0) })
    }

    func movie(_ tmdb: Int, _ title: String, year: Int) throws -> MediaReference {
        MediaReference(type: .movie, id: try database.pool.write { db in
            try db.execute(sql: "INSERT INTO movies (tmdb_id, title, year, runtime_minutes) VALUES (?, ?, ?, 120)", arguments: [tmdb, title, year])
            return db.lastInsertedRowID
        })
    }

    static func release(_ title: String, _ hash: String, seeders: Int = 50) -> ReleaseCandidate {
        ReleaseCandidate(title: title, indexer: "fake", magnet: "magnet:?xt=urn:btih:\(hash)&dn=\(title)", infoHash: hash,
                         sizeBytes: 8_000_000_000, seeders: seeders)
    }

    func run() throws -> Int {
        try job().run(JobRun(name: "search_missing", id: 1, startedAt: Date()) { _, _, _ in })
    }

    func status(_ media: MediaReference) throws -> MediaStatus { try database.mediaStatus.status(of: media) }

    @Test func theBestAcceptedReleaseIsGrabbedAndLinked() throws {
        let heat = try movie(949, "Heat", year: 1995)
        let good = String(repeating: "1", count: 40), better = String(repeating: "2", count: 40), tooBig = String(repeating: "3", count: 40)
        indexer.releases = [Self.release("Heat.1995.720p.WEB-DL.x264-GRP", good),
                            Self.release("Heat.1995.1080p.BluRay.x264-GRP", better),
                            Self.release("Heat.1995.2160p.UHD.BluRay.x265-GRP", tooBig)]   // over the 1080p limit
        #expect(try run() == 1)
        #expect(session.added.count == 1)
        #expect(session.added.first?.magnet?.contains(better) == true && session.added.first?.media == heat)
        #expect(try status(heat) == .downloading)
        #expect(indexer.asked.first?.mediaType == .movie && indexer.asked.first?.tmdbId == 949)
        #expect(published.statuses.map { "\($0.0) \($0.1)" } == ["\(heat.id) searching", "\(heat.id) downloading"])
    }

    @Test func aRefusedGrabGivesWayToTheNextAndABlocklistedOneIsNeverTried() throws {
        let heat = try movie(949, "Heat", year: 1995)
        let best = String(repeating: "4", count: 40), second = String(repeating: "5", count: 40), third = String(repeating: "6", count: 40)
        indexer.releases = [Self.release("Heat.1995.1080p.BluRay.x264-A", best, seeders: 90),
                            Self.release("Heat.1995.1080p.BluRay.x264-B", second, seeders: 50),
                            Self.release("Heat.1995.720p.BluRay.x264-C", third)]
        try database.blocklist.add(BlocklistEntry(infoHash: best, title: "whatever", reason: "fake"))
        session.refuse = [second]
        _ = try run()
        #expect(session.added.map { $0.magnet.flatMap(Magnet.infoHash(of:)) } == [third])
        #expect(try status(heat) == .downloading)
    }

    @Test func nothingAcceptableLeavesTheItemMissingWithTheReason() throws {
        let heat = try movie(949, "Heat", year: 1995)
        indexer.releases = [Self.release("Heat.1995.HDCAM.x264-CAM", String(repeating: "7", count: 40))]
        #expect(try run() == 1)
        #expect(session.added.isEmpty)
        #expect(try status(heat) == .missing)
        #expect(published.statuses.map { "\($0.0) \($0.1)" } == ["\(heat.id) searching", "\(heat.id) missing"])
        let reason = try database.pool.read { try String.fetchOne($0, sql: "SELECT message FROM activity WHERE event_type = 'search_failed'") }
        #expect(reason?.contains("Heat.1995.HDCAM.x264-CAM") == true && reason?.contains("rejected") == true)
    }

    @Test func aRunStopsAtTheLimitAndTheNextTakesTheRest() throws {
        let movies = try (1...3).map { try movie(1000 + $0, "Film \($0)", year: 2001) }
        indexer.releases = []
        #expect(try run() == 2)
        #expect(indexer.asked.count == 2)
        #expect(try run() == 2)   // the one never searched, then the least recently searched (ties: by id)
        #expect(indexer.asked.map(\.query) == ["Film 1 2001", "Film 2 2001", "Film 3 2001", "Film 1 2001"])
        for m in movies { #expect(try status(m) == .missing) }
    }
}

extension MissingSearchTests {
    @Test func aSeasonMostlyMissingIsOnePackSearchLinkedToItsFirstEpisode() throws {
        let episodes = try database.pool.write { db -> [MediaReference] in
            try db.execute(sql: "INSERT INTO tv_shows (tmdb_id, title) VALUES (1437, 'Firefly')")
            let show = db.lastInsertedRowID
            var ids: [MediaReference] = []
            for (n, status) in [(1, "available"), (2, "missing"), (3, "missing"), (4, "missing")] {
                try db.execute(sql: """
                    INSERT INTO episodes (show_id, season_number, episode_number, air_date, status, runtime_minutes)
                    VALUES (?, 1, ?, '2002-09-20', ?, 44)
                    """, arguments: [show, n, status])
                if status == "missing" { ids.append(MediaReference(type: .episode, id: db.lastInsertedRowID)) }
            }
            return ids
        }
        indexer.releases = [Self.release("Firefly.S01.1080p.BluRay.x264-GRP", String(repeating: "8", count: 40)),
                            Self.release("Firefly.S01E02.1080p.BluRay.x264-GRP", String(repeating: "9", count: 40))]
        #expect(try run() == 1)
        #expect(indexer.asked.count == 1 && indexer.asked[0].season == 1 && indexer.asked[0].episode == nil)
        #expect(session.added.count == 1 && session.added[0].media == episodes[0])
        #expect(session.added[0].magnet?.contains(String(repeating: "8", count: 40)) == true)   // the pack, not the single episode
        for episode in episodes { #expect(try status(episode) == .downloading) }
    }
}
