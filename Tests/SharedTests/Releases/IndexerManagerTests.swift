@testable import Core
@testable import Persistence
@testable import Releases
@testable import Indexers
import Foundation
import GRDB
import Testing

/// A provider that answers after a delay spent on a thread of its own, as the libcurl transport
/// does: cancelling the search cannot stop it, so only the manager's deadline can.
struct ScriptedProvider: ReleaseProvider {
    let name: String
    var supportsMovies = true, supportsTV = true, supportsMusic = false
    var delay: TimeInterval = 0
    var results: [ReleaseCandidate] = []
    var failure: ProviderError?
    var calls: CallLog? = nil

    func search(_ query: SearchQuery) async throws -> [ReleaseCandidate] {
        calls?.add(Date())
        if delay > 0 {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                Thread { Thread.sleep(forTimeInterval: delay); c.resume() }.start()
            }
        }
        if let failure { throw failure }
        return results
    }
}

final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Date] = []
    func add(_ t: Date) { lock.withLock { times.append(t) } }
    var all: [Date] { lock.withLock { times } }
}

@Suite struct IndexerManagerTests {
    let hash = String(repeating: "ab", count: 20)

    func setUp(_ providers: [ScriptedProvider], timeout: TimeInterval = 2, interval: TimeInterval = 0) throws -> (IndexerManager, DatabasePool) {
        let (db, _) = try makeTestDatabase()
        try db.write { db in
            try db.execute(sql: "DELETE FROM indexers")
            for (i, p) in providers.enumerated() {
                var row = IndexerRecord(name: p.name, indexerType: .torznab, url: "http://127.0.0.1:9/\(p.name)", priority: 10 + i)
                try row.insert(db)
            }
        }
        let byName = Dictionary(uniqueKeysWithValues: providers.map { ($0.name, $0) })
        let manager = IndexerManager(database: AppDatabase(pool: db), timeout: timeout, minInterval: interval) { row in byName[row.name]! }
        return (manager, db)
    }

    func release(_ title: String, _ indexer: String, hash: String?, seeders: Int, magnet: String? = nil) -> ReleaseCandidate {
        ReleaseCandidate(title: title, indexer: indexer, magnet: magnet, infoHash: hash, sizeBytes: 2_000_000_000, seeders: seeders)
    }

    @Test func mergesByInfoHashKeepingTheBestSeededCopyAndEveryIndexer() async throws {
        let a = ScriptedProvider(name: "A", results: [release("Movie.2020.1080p.WEB-DL-G", "A", hash: hash, seeders: 5),
                                                      release("Other.2020.720p.HDTV-G", "A", hash: nil, seeders: 1)])
        let b = ScriptedProvider(name: "B", results: [release("Movie 2020 1080p WEB-DL G", "B", hash: hash.uppercased(), seeders: 50,
                                                              magnet: nil)])
        let c = ScriptedProvider(name: "C", results: [release("Movie.2020.1080p.WEB-DL-G", "C", hash: nil, seeders: 9,
                                                              magnet: "magnet:?xt=urn:btih:\(hash)&dn=x")])
        let (manager, _) = try setUp([a, b, c])
        let outcome = try await manager.search(SearchQuery(query: "movie", mediaType: .movie))
        #expect(outcome.releases.count == 2)
        let merged = try #require(outcome.releases.first { $0.infoHash == hash })
        #expect(merged.seeders == 50 && merged.indexer == "B" && merged.indexers == ["A", "B", "C"])
        #expect(merged.magnet == "magnet:?xt=urn:btih:\(hash)&dn=x")   // borrowed from C's copy
        #expect(outcome.releases.contains { $0.title == "Other.2020.720p.HDTV-G" && $0.indexers == ["A"] })
    }

    @Test func aSlowIndexerIsLeftOutAtItsTimeoutAndTheOthersAreNotHeld() async throws {
        let fast = ScriptedProvider(name: "Fast", results: [release("Movie.2020.1080p.WEB-DL-G", "Fast", hash: hash, seeders: 3)])
        let slow = ScriptedProvider(name: "Slow", delay: 10, results: [release("Late.2020.1080p.WEB-DL-G", "Slow", hash: nil, seeders: 3)])
        let (manager, db) = try setUp([fast, slow], timeout: 0.4)
        // Timed on the indexers' own executor, as the responders run it: parallel tests that keep
        // every cooperative thread busy cannot delay it.
        let (outcome, elapsed) = try await withTaskExecutorPreference(IndexerExecutor.shared) {
            let started = Date()
            let outcome = try await manager.search(SearchQuery(query: "movie", mediaType: .movie))
            return (outcome, Date().timeIntervalSince(started))
        }
        #expect(elapsed < 1.5, "the search waited \(elapsed) s for a 0.4 s timeout (the slow indexer takes 10 s)")
        #expect(outcome.releases.map(\.indexer) == ["Fast"])
        let report = try #require(outcome.reports.first { $0.name == "Slow" })
        #expect(report.error?.hasPrefix("Slow: no answer within 0.4 s") == true)
        let rows = try await db.read { try IndexerRecord.order(Column("name")).fetchAll($0) }
        #expect(rows.map(\.lastError) == [nil, report.error])
        #expect(rows.allSatisfy { $0.lastCheck != nil })
    }

    @Test func providerErrorsBecomeLastErrorAndUnsupportedTypesAreSkipped() async throws {
        let blocked = ScriptedProvider(name: "1337x", failure: .challengePage(site: "1337x", vendor: "Cloudflare"))
        let musicOnly = ScriptedProvider(name: "Tunes", supportsMovies: false, supportsTV: false, supportsMusic: true)
        let (manager, db) = try setUp([blocked, musicOnly])
        let outcome = try await manager.search(SearchQuery(query: "x", mediaType: .movie))
        #expect(outcome.releases.isEmpty)
        #expect(outcome.reports.first { $0.name == "1337x" }?.error == "1337x: challenge page (Cloudflare) — cannot read results")
        let error = try await db.read { try String.fetchOne($0, sql: "SELECT last_error FROM indexers WHERE name = '1337x'") }
        #expect(error == "1337x: challenge page (Cloudflare) — cannot read results")
    }

    @Test func theMinimumIntervalSpacesRequestsToOneIndexer() async throws {
        let log = CallLog()
        let a = ScriptedProvider(name: "A", calls: log)
        let (manager, _) = try setUp([a], timeout: 2, interval: 0.5)
        for _ in 0..<3 { _ = try await manager.search(SearchQuery(query: "x", mediaType: .movie)) }
        let times = log.all
        #expect(times.count == 3)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later.timeIntervalSince(earlier) >= 0.45, "requests \(later.timeIntervalSince(earlier)) s apart")
        }
    }

    @Test func anIndexerWhoseSlotIsTooFarAwayIsNotAskedAndKeepsItsStatus() async throws {
        let log = CallLog()
        // An hour apart: however long a loaded machine takes between the two searches, the second
        // one's slot is still far beyond its 0.4 s wait (30 s was once outlasted under `make test`).
        let (manager, db) = try setUp([ScriptedProvider(name: "A", calls: log)], timeout: 0.4, interval: 3600)
        _ = try await manager.search(SearchQuery(query: "x", mediaType: .movie))
        let second = try await manager.search(SearchQuery(query: "x", mediaType: .movie))
        #expect(log.all.count == 1)
        #expect(second.reports.first?.error?.contains("minimum interval") == true)
        let error = try await db.read { try String?.fetchOne($0, sql: "SELECT last_error FROM indexers WHERE name = 'A'") }
        #expect(error == .some(nil))
    }

    @Test func throttleSlotsAreSharedThroughTheDatabase() async throws {
        let (db, _) = try makeTestDatabase()
        let id = try await db.read { try Int64.fetchOne($0, sql: "SELECT id FROM indexers LIMIT 1") }!
        let now = Date()
        let one = IndexerThrottle(pool: db, interval: 2), other = AppDatabase(pool: db).indexerThrottle(interval: 2)
        let first = try #require(try await one.reserve(indexerID: id, within: 5, now: now))
        #expect(abs(first.timeIntervalSince(now)) < 0.001)
        let slot = try #require(try await other.reserve(indexerID: id, within: 5, now: now))
        #expect(abs(slot.timeIntervalSince(now) - 2) < 0.01)
        #expect(try await one.reserve(indexerID: id, within: 1, now: now) == nil)
    }
}
