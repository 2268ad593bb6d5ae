import Foundation
import Config
import Core
import Net
import Persistence
import Releases

/// What one indexer did for one search.
public struct IndexerReport: Codable, Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let count: Int
    public let error: String?
    public let elapsedMs: Int

    enum CodingKeys: String, CodingKey { case id, name, count, error, elapsedMs = "elapsed_ms" }
}

/// The merged results of a search and how each indexer fared.
public struct IndexerSearchOutcome: Sendable {
    public let releases: [ReleaseCandidate]
    public let reports: [IndexerReport]
}

/// Fans a search out to every enabled indexer that carries the media type (spec: Indexer
/// Service, IndexerManager): all at once, each within `timeout` (a slow one is reported, never
/// waited for), each no more often than `minInterval` across processes; the results are merged by
/// info hash, and every indexer's `last_check` / `last_error` is updated.
public struct IndexerManager: Sendable {
    public typealias ProviderMaker = @Sendable (IndexerRecord) throws -> ReleaseProvider

    let database: AppDatabase
    let timeout: TimeInterval
    let throttle: IndexerThrottle
    let makeProvider: ProviderMaker
    let providers = ProviderCache()

    public init(database: AppDatabase, timeout: TimeInterval, minInterval: TimeInterval, makeProvider: @escaping ProviderMaker) {
        self.database = database
        self.timeout = timeout
        self.throttle = database.indexerThrottle(interval: minInterval)
        self.makeProvider = makeProvider
    }

    /// The manager the API and lcarsd use: real HTTP through the shared client, one client per indexer.
    public static func live(database: AppDatabase, config: LCARSConfig, transport: HTTPTransportFactory? = nil) -> IndexerManager {
        let timeout = TimeInterval(config.indexers.timeoutMs) / 1000
        let settings = HTTPClientSettings(config)
        return IndexerManager(database: database, timeout: timeout, minInterval: TimeInterval(config.indexers.minIntervalMs) / 1000) { row in
            let transport = HTTPReleaseTransport(client: HTTPClient(service: row.name, settings: settings, transport: transport?(row.name)), timeout: timeout)
            return try IndexerFactory.provider(for: row, transport: transport)
        }
    }

    /// Enabled indexers for a media type, best priority first (lower number first).
    public func indexers(for type: SearchQuery.MediaType) throws -> [IndexerRecord] {
        try database.indexers.enabled(for: type)
    }

    public func search(_ query: SearchQuery) async throws -> IndexerSearchOutcome {
        let rows = try indexers(for: query.mediaType)
        let results = await withTaskGroup(of: (Int, IndexerResult).self) { group in
            for (position, row) in rows.enumerated() {
                group.addTask(executorPreference: IndexerExecutor.shared) { (position, await self.searchOne(row, query)) }
            }
            var collected: [(Int, IndexerResult)] = []
            for await item in group { collected.append(item) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        try await record(results)
        let batches = results.map(\.releases)
        return IndexerSearchOutcome(releases: ReleaseMerger.merge(batches), reports: results.compactMap(\.report))
    }

    /// `POST /api/indexers/:id/test`: the provider's test search, with the same deadline.
    public func test(_ row: IndexerRecord) async -> (success: Bool, message: String, elapsedMs: Int) {
        let started = Date()
        let result = await runProvider(row) { provider in
            let outcome = await provider.test()
            if !outcome.ok { throw TestFailed(message: outcome.message) }
            return outcome
        }
        let elapsed = Self.milliseconds(since: started)
        switch result {
        case .success(let outcome):
            try? await record([IndexerResult(row: row, releases: [], error: nil, elapsedMs: elapsed, stores: true)])
            return (true, outcome.message, elapsed)
        case .failure(let error):
            let message = Self.describe(error, indexer: row.name)
            try? await record([IndexerResult(row: row, releases: [], error: message, elapsedMs: elapsed, stores: true)])
            return (false, message, elapsed)
        }
    }

    /// The magnet of a chosen release: its own, or read from its page (1337x, Rutracker).
    public func resolveMagnet(_ candidate: ReleaseCandidate) async throws -> String {
        if let magnet = candidate.magnet { return magnet }
        let row = try await database.indexers.find(name: candidate.indexer)
        guard let row else { throw ResolveFailed(message: "the indexer \"\(candidate.indexer)\" no longer exists; search again") }
        let result = await runProvider(row) { provider -> String in
            guard let resolver = provider as? MagnetResolving else {
                throw ResolveFailed(message: "\(row.name) gave neither a magnet nor a page to read one from")
            }
            return try await resolver.resolveMagnet(candidate)
        }
        switch result {
        case .success(let magnet): return magnet
        case .failure(let error): throw ResolveFailed(message: Self.describe(error, indexer: row.name))
        }
    }

    /// No magnet for the chosen release: a 502 `upstream_failed` naming the indexer's trouble.
    public struct ResolveFailed: DomainErrorConvertible, CustomStringConvertible {
        public let message: String
        public var description: String { message }
        public var domainError: DomainError { .upstream("indexer", "cannot get the magnet: \(message)") }
    }

    struct TestFailed: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
