import Foundation
import Config
import Control
import Core
import Indexers
import Library
import Metadata
import Net
import Persistence

/// The jobs lcarsd runs, with their `[scheduler]` schedules. A job is listed only once it is
/// implemented, and `downloads` (the torrent session) is given for `cleanup_completed`.
enum JobCatalog {
    static let searchMissing = "search_missing"
    static let refreshMetadata = "refresh_metadata"
    static let checkNewEpisodes = "check_new_episodes"
    static let checkNewReleases = "check_new_releases"
    static let cleanupCompleted = "cleanup_completed"

    /// `transport`: the tests' stand-in for TMDB / MusicBrainz and the indexers (nil: the real HTTP
    /// client). `grab`: adds a torrent to lcarsd's session (the download manager, in-process).
    /// `downloads`: the torrent session `cleanup_completed` works on (nil: that job is not listed).
    /// `publish`: the live events of the items `search_missing` moves.
    static func jobs(config: LCARSConfig, database: AppDatabase, transport: HTTPTransportFactory? = nil,
                     grab: @escaping MissingSearch.Grab = noSession, downloads: DownloadManager? = nil,
                     publish: @escaping @Sendable (LiveEvent) -> Void = { _ in }) throws -> [ScheduledJob] {
        let refresher = LibraryRefresher(database: database, tmdb: MetadataClients.tmdb(config, transport: transport),
                                         musicBrainz: MetadataClients.musicBrainz(config, transport: transport))
        let queue = database.refreshQueue
        let limit = config.scheduler.refreshLimit
        func job(_ name: String, _ items: @escaping @Sendable () throws -> [RefreshQueueStore.Item]) throws -> ScheduledJob {
            try scheduled(name, config: config) { run in try refresher.refresh(items(), run: run) }
        }
        let search = missingSearch(config: config, database: database, transport: transport, grab: grab, publish: publish)
        return [
            // Monitored missing items, least recently searched first: the best release grabbed.
            try scheduled(searchMissing, config: config) { run in try search.run(run) },
            // Every movie, show and artist, least recently refreshed first.
            try job(refreshMetadata) { try queue.everything(limit: limit) },
            // Monitored continuing shows: new episodes appear `missing`, monitored (specials not).
            try job(checkNewEpisodes) { try queue.continuingShows(limit: limit) },
            // Monitored artists: new release groups appear as `missing` albums.
            try job(checkNewReleases) { try queue.monitoredArtists(limit: limit) },
        ] + (try downloads.map { manager in
            // Finished downloads and their seeding copies, once their items are imported.
            let cleanup = CleanupCompleted(store: database.downloads, downloads: manager)
            return [try scheduled(cleanupCompleted, config: config) { run in try cleanup.run(run) }]
        } ?? [])
    }

    static func scheduled(_ name: String, config: LCARSConfig, _ body: @escaping @Sendable (JobRun) throws -> Int) throws -> ScheduledJob {
        let text = config.scheduler.expression(forJob: name) ?? ""
        do {
            return ScheduledJob(name: name, schedule: try CronExpression(text), body: body)
        } catch {
            throw ConfigError(source: config.sourceFile, key: "scheduler.\(name)", problem: "\(error.message) (in \"\(text)\")")
        }
    }

    static func missingSearch(config: LCARSConfig, database: AppDatabase, transport: HTTPTransportFactory?,
                              grab: @escaping MissingSearch.Grab,
                              publish: @escaping @Sendable (LiveEvent) -> Void = { _ in }) -> MissingSearch {
        let indexers = IndexerManager.live(database: database, config: config, transport: transport)
        return MissingSearch(database: database, searcher: ReleaseSearcher(database: database, config: config, indexers: indexers),
                             grabber: ReleaseGrabber(database: database, config: config, transport: transport, indexers: indexers),
                             limit: config.scheduler.searchLimit, grab: grab, publish: publish)
    }

    /// Without a torrent session (tests of the other jobs) a grab is refused.
    static let noSession: MissingSearch.Grab = { _ in
        throw DomainError.unavailable("lcarsd has no torrent session to add the release to")
    }
}
