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

@Suite struct IndexerStoreTests {
    @Test func createValidatesAndMasksRoundTrip() throws {
        let (db, _) = try makeTestDatabase()
        let key = "0123456789abcdef0123"
        let row = try db.write {
            try IndexerStore.create($0, .init(name: "Jackett", indexerType: "torznab", url: "http://127.0.0.1:9117/api", apiKey: key,
                                              categories: ["movies", "tv"]))
        }
        #expect(row.apiKey == key && row.categoryList == ["movies", "tv"] && row.allows(.movie) && !row.allows(.music))
        #expect(SecretMask.mask(key) == "********0123" && SecretMask.mask("short") == "********" && SecretMask.mask("") == nil)
        // Sending the masked key back (a form that echoes what it was shown) keeps the real key.
        let same = try db.write { try IndexerStore.update($0, id: row.id!, .init(apiKey: "********0123", priority: 5)) }
        #expect(same.apiKey == key && same.priority == 5)
        let cleared = try db.write { try IndexerStore.update($0, id: row.id!, .init(apiKey: "")) }
        #expect(cleared.apiKey == nil)
    }

    @Test(arguments: [
        IndexerStore.Changes(name: "X", indexerType: "usenet", url: "http://h/"),
        IndexerStore.Changes(name: "X", indexerType: "torznab", url: "ftp://h/"),
        IndexerStore.Changes(name: "X", indexerType: "torznab", url: "not a url"),
        IndexerStore.Changes(name: "MySite", indexerType: "public", url: "https://mysite.example"),
        IndexerStore.Changes(name: "", indexerType: "rss", url: "http://h/feed"),
        IndexerStore.Changes(name: "X", indexerType: "rss", url: "http://h/feed", priority: 0),
        IndexerStore.Changes(name: "X", indexerType: "rss", url: "http://h/feed", categories: ["books"]),
        IndexerStore.Changes(name: "x", indexerType: "rss", url: "http://h/feed", apiKey: "a\nb"),
        IndexerStore.Changes(indexerType: "rss", url: "http://h/feed"),
    ])
    func badIndexersAreRefused(_ changes: IndexerStore.Changes) throws {
        let (db, _) = try makeTestDatabase()
        #expect(throws: IndexerStore.Failure.self) { try db.write { _ = try IndexerStore.create($0, changes) } }
    }

    @Test func namesAreUniqueAndPublicNamesCanonical() throws {
        let (db, _) = try makeTestDatabase()
        #expect(throws: IndexerStore.Failure.duplicate(name: "yts")) {
            try db.write { _ = try IndexerStore.create($0, .init(name: "yts", indexerType: "torznab", url: "http://h/")) }
        }
        let yts = try db.read { try IndexerRecord.filter(Column("name") == "YTS").fetchOne($0) }!
        let moved = try db.write { try IndexerStore.update($0, id: yts.id!, .init(name: "yts", url: "http://127.0.0.1:1/yts")) }
        #expect(moved.name == "YTS" && moved.url == "http://127.0.0.1:1/yts")
        let provider = try IndexerFactory.provider(for: moved, transport: FixtureTransport())
        #expect(provider is YTSProvider && provider.supportsMovies && !provider.supportsTV)
    }
}
