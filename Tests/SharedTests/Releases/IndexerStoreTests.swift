@testable import Core
@testable import Persistence
@testable import Indexers
import Foundation
import Testing

@Suite struct IndexerStoreTests {
    func indexerStore() throws -> IndexerStore { AppDatabase(pool: try makeTestDatabase().0).indexers }

    @Test func createValidatesAndMasksRoundTrip() throws {
        let store = try indexerStore()
        let key = "0123456789abcdef0123"
        let row = try store.create(.init(name: "Jackett", indexerType: "torznab", url: "http://127.0.0.1:9117/api", apiKey: key,
                                         categories: ["movies", "tv"]))
        #expect(row.apiKey == key && row.categoryList == ["movies", "tv"] && row.allows(.movie) && !row.allows(.music))
        #expect(SecretMask.mask(key) == "********0123" && SecretMask.mask("short") == "********" && SecretMask.mask("") == nil)
        // Sending the masked key back (a form that echoes what it was shown) keeps the real key.
        let same = try store.update(id: row.id!, .init(apiKey: "********0123", priority: 5))
        #expect(same.apiKey == key && same.priority == 5)
        let cleared = try store.update(id: row.id!, .init(apiKey: ""))
        #expect(cleared.apiKey == nil)
    }

    @Test(arguments: [
        IndexerChanges(name: "X", indexerType: "usenet", url: "http://h/"),
        IndexerChanges(name: "X", indexerType: "torznab", url: "ftp://h/"),
        IndexerChanges(name: "X", indexerType: "torznab", url: "not a url"),
        IndexerChanges(name: "MySite", indexerType: "public", url: "https://mysite.example"),
        IndexerChanges(name: "", indexerType: "rss", url: "http://h/feed"),
        IndexerChanges(name: "X", indexerType: "rss", url: "http://h/feed", priority: 0),
        IndexerChanges(name: "X", indexerType: "rss", url: "http://h/feed", categories: ["books"]),
        IndexerChanges(name: "x", indexerType: "rss", url: "http://h/feed", apiKey: "a\nb"),
        IndexerChanges(indexerType: "rss", url: "http://h/feed"),
    ])
    func badIndexersAreRefused(_ changes: IndexerChanges) throws {
        let store = try indexerStore()
        let before = try store.list()
        let error = try #require(throws: DomainError.self) { _ = try store.create(changes) }
        #expect(error.kind == .validation && !error.message.isEmpty)
        #expect(try store.list() == before)
    }

    @Test func namesAreUniqueAndPublicNamesCanonical() throws {
        let store = try indexerStore()
        #expect(throws: DomainError.conflict("an indexer named \"yts\" already exists")) {
            _ = try store.create(.init(name: "yts", indexerType: "torznab", url: "http://h/"))
        }
        let yts = try #require(try store.list().first { $0.name == "YTS" })
        let moved = try store.update(id: yts.id!, .init(name: "yts", url: "http://127.0.0.1:1/yts"))
        #expect(moved.name == "YTS" && moved.url == "http://127.0.0.1:1/yts")
        let provider = try IndexerFactory.provider(for: moved, transport: FixtureTransport())
        #expect(provider is YTSProvider && provider.supportsMovies && !provider.supportsTV)
    }
}
