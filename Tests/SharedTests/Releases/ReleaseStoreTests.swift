@testable import Core
@testable import Persistence
@testable import Releases
import Foundation
import GRDB
import Testing

@Suite struct ReleaseStoreTests {
    let hash = String(repeating: "ab", count: 20)

    @Test func blocklistAddListRemoveAndRanking() throws {
        let blocklist = AppDatabase(pool: try makeTestDatabase().0).blocklist
        let entry = try blocklist.add(BlocklistEntry(infoHash: hash.uppercased(), title: " Bad.Release.2010.1080p-GRP ", reason: "fake"))
        #expect(entry.id != nil && entry.infoHash == hash && entry.title == "Bad.Release.2010.1080p-GRP")
        try blocklist.add(BlocklistEntry(infoHash: nil, title: "Other.Release", reason: ""))
        #expect(try blocklist.list().map(\.reason) == ["marked bad", "fake"])

        var target = RankingTarget(kind: .movie, title: "Bad Release")
        try blocklist.apply(to: &target)
        #expect(target.blockedHashes == [hash] && target.blockedTitles.contains("Other.Release"))
        let ranked = ReleaseRanker.rank([ReleaseCandidate(title: "Bad.Release.2010.720p-X", indexer: "t", infoHash: hash)], for: target)
        #expect(ranked[0].rejections.map(\.code) == [.blocklisted])

        let duplicate = try #require(throws: DomainError.self) { try blocklist.add(BlocklistEntry(infoHash: hash, title: "again", reason: "x")) }
        #expect(duplicate.kind == .conflict)
        for bad in [BlocklistEntry(infoHash: "xyz", title: "t", reason: "x"), BlocklistEntry(infoHash: nil, title: "  ", reason: "x"),
                    BlocklistEntry(infoHash: nil, title: "t", mediaType: "tv", reason: "x")] {
            #expect(throws: DomainError.self) { try blocklist.add(bad) }
        }
        #expect(try blocklist.list().count == 2)
        try blocklist.remove(id: entry.id!)
        #expect(throws: DomainError.notFound("no blocklist entry \(entry.id!)")) { try blocklist.remove(id: entry.id!) }
        #expect(try blocklist.list().count == 1)
    }

    @Test func blocklistLookupByHashOrExactTitle() throws {
        let blocklist = AppDatabase(pool: try makeTestDatabase().0).blocklist
        try blocklist.add(BlocklistEntry(infoHash: hash, title: "Hashed.Release", reason: "fake"))
        try blocklist.add(BlocklistEntry(infoHash: nil, title: "Titled.Release", reason: "bad audio"))
        #expect(try blocklist.entry(infoHash: hash.uppercased(), title: nil)?.reason == "fake")
        #expect(try blocklist.entry(infoHash: nil, title: "Titled.Release")?.reason == "bad audio")
        #expect(try blocklist.entry(infoHash: "cd" + String(hash.dropFirst(2)), title: "Titled.Release.2") == nil)
        #expect(try blocklist.entry(infoHash: nil, title: nil) == nil)
    }

    @Test func releaseCacheKeepsReleasesUntilTheyExpire() throws {
        let (db, _) = try makeTestDatabase()
        let cache = AppDatabase(pool: db).releaseCache
        let target = RankingTarget(kind: .movie, title: "The Matrix", year: 1999)
        let ranked = ReleaseRanker.rank([
            ReleaseCandidate(title: "The.Matrix.1999.1080p.BluRay.x264-GRP", indexer: "t", magnet: "magnet:?xt=urn:btih:\(hash)", infoHash: hash, seeders: 10),
            ReleaseCandidate(title: "The.Matrix.1999.2160p.BluRay.x265-GRP", indexer: "t", seeders: 10),
        ], for: target)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let movie = MediaReference(type: .movie, id: 7)
        let ids = try cache.remember(ranked, foundFor: movie, now: now)
        #expect(ids.count == 2 && Set(ids).count == 2 && ids.allSatisfy { $0.count == 32 })
        guard case let .found(back, media) = try cache.lookup(id: ids[0], now: now.addingTimeInterval(60)) else {
            Issue.record("not found"); return
        }
        #expect(back.candidate == ranked[0].candidate && back.score == ranked[0].score && back.parsed == ranked[0].parsed && media == movie)
        guard case let .found(rejected, _) = try cache.lookup(id: ids[1], now: now) else { Issue.record("not found"); return }
        #expect(rejected.rejected)
        guard case .unknown = try cache.lookup(id: "nope", now: now) else { Issue.record("nope found"); return }
        let later = now.addingTimeInterval(ReleaseCacheStore.lifetime + 1)
        guard case .expired = try cache.lookup(id: ids[0], now: later) else { Issue.record("not expired"); return }
        try cache.purgeExpired(now: later)
        guard case .unknown = try cache.lookup(id: ids[0], now: later) else { Issue.record("not purged"); return }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM release_cache") } == 0)
    }

    @Test func aFreeSearchIsLinkedToNoItemAndANewSearchPurgesExpiredOnes() throws {
        let (db, _) = try makeTestDatabase()
        let cache = AppDatabase(pool: db).releaseCache
        let ranked = ReleaseRanker.rank([ReleaseCandidate(title: "Free.2020.1080p.WEB-DL-G", indexer: "t", seeders: 3)],
                                        for: RankingTarget(kind: .movie))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let old = try cache.remember(ranked, now: now)
        let fresh = try cache.remember(ranked, now: now.addingTimeInterval(ReleaseCacheStore.lifetime + 1))
        guard case .unknown = try cache.lookup(id: old[0], now: now) else { Issue.record("old entry kept"); return }
        guard case let .found(_, media) = try cache.lookup(id: fresh[0], now: now.addingTimeInterval(ReleaseCacheStore.lifetime + 2)) else {
            Issue.record("fresh entry missing"); return
        }
        #expect(media == nil)
    }
}
