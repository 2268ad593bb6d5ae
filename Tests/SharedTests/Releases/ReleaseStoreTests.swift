@testable import Core
@testable import Config
@testable import Releases
@testable import Persistence
@testable import Net
@testable import Auth
@testable import Metadata
@testable import Indexers
@testable import Control
@testable import Library
import Foundation
import GRDB
import Testing

@Suite struct ReleaseStoreTests {
    let hash = String(repeating: "ab", count: 20)

    @Test func blocklistAddListRemoveAndRanking() throws {
        let (db, _) = try makeTestDatabase()
        let entry = try db.write { try Blocklist.add($0, BlocklistEntry(infoHash: hash.uppercased(), title: " Bad.Release.2010.1080p-GRP ", reason: "fake")) }
        #expect(entry.id != nil && entry.infoHash == hash && entry.title == "Bad.Release.2010.1080p-GRP")
        try db.write { _ = try Blocklist.add($0, BlocklistEntry(infoHash: nil, title: "Other.Release", reason: "")) }
        #expect(try db.read(Blocklist.list).map(\.reason) == ["marked bad", "fake"])

        var target = RankingTarget(kind: .movie, title: "Bad Release")
        try db.read { try Blocklist.apply($0, to: &target) }
        #expect(target.blockedHashes == [hash] && target.blockedTitles.contains("Other.Release"))
        let ranked = ReleaseRanker.rank([ReleaseCandidate(title: "Bad.Release.2010.720p-X", indexer: "t", infoHash: hash)], for: target)
        #expect(ranked[0].rejections.map(\.code) == [.blocklisted])

        #expect(throws: Blocklist.Failure.duplicate(infoHash: hash)) {
            try db.write { _ = try Blocklist.add($0, BlocklistEntry(infoHash: hash, title: "again", reason: "x")) }
        }
        #expect(throws: Blocklist.Failure.self) { try db.write { _ = try Blocklist.add($0, BlocklistEntry(infoHash: "xyz", title: "t", reason: "x")) } }
        #expect(throws: Blocklist.Failure.self) { try db.write { _ = try Blocklist.add($0, BlocklistEntry(infoHash: nil, title: "  ", reason: "x")) } }
        try db.write { try Blocklist.remove($0, id: entry.id!) }
        #expect(throws: Blocklist.Failure.notFound(id: entry.id!)) { try db.write { try Blocklist.remove($0, id: entry.id!) } }
        #expect(try db.read(Blocklist.list).count == 1)
    }

    @Test func releaseCacheKeepsReleasesUntilTheyExpire() throws {
        let (db, _) = try makeTestDatabase()
        let target = RankingTarget(kind: .movie, title: "The Matrix", year: 1999)
        let ranked = ReleaseRanker.rank([
            ReleaseCandidate(title: "The.Matrix.1999.1080p.BluRay.x264-GRP", indexer: "t", magnet: "magnet:?xt=urn:btih:\(hash)", infoHash: hash, seeders: 10),
            ReleaseCandidate(title: "The.Matrix.1999.2160p.BluRay.x265-GRP", indexer: "t", seeders: 10),
        ], for: target)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let ids = try db.write { try ReleaseCache.store($0, ranked, mediaType: "movie", mediaId: 7, now: now) }
        #expect(ids.count == 2 && Set(ids).count == 2 && ids.allSatisfy { $0.count == 32 })
        let back = try #require(try db.read { try ReleaseCache.fetch($0, id: ids[0], now: now.addingTimeInterval(60)) })
        #expect(back.candidate == ranked[0].candidate && back.score == ranked[0].score && back.parsed == ranked[0].parsed)
        #expect(try db.read { try ReleaseCache.fetch($0, id: ids[1], now: now) }?.rejected == true)
        #expect(try db.read { try ReleaseCache.fetch($0, id: "nope", now: now) } == nil)
        let later = now.addingTimeInterval(ReleaseCache.lifetime + 1)
        #expect(try db.read { try ReleaseCache.fetch($0, id: ids[0], now: later) } == nil)
        try db.write { try ReleaseCache.purge($0, now: later) }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM release_cache") } == 0)
    }
}
