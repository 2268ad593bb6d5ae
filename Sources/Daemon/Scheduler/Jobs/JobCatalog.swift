import Foundation
import Config
import Core
import Metadata
import Net
import Persistence

/// The jobs lcarsd runs, with their `[scheduler]` schedules. A job is listed only once it is
/// implemented: `search_missing` (a key that the config already takes) arrives with the download
/// pipeline.
enum JobCatalog {
    static let refreshMetadata = "refresh_metadata"
    static let checkNewEpisodes = "check_new_episodes"
    static let checkNewReleases = "check_new_releases"
    static let cleanupCompleted = "cleanup_completed"

    /// `transport`: the tests' stand-in for TMDB / MusicBrainz (nil: the real HTTP client).
    /// `downloads`: the torrent session `cleanup_completed` works on (nil: that job is not listed).
    static func jobs(config: LCARSConfig, database: AppDatabase, transport: HTTPTransportFactory? = nil,
                     downloads: DownloadManager? = nil) throws -> [ScheduledJob] {
        let refresher = LibraryRefresher(database: database, tmdb: MetadataClients.tmdb(config, transport: transport),
                                         musicBrainz: MetadataClients.musicBrainz(config, transport: transport))
        let queue = database.refreshQueue
        let limit = config.scheduler.refreshLimit
        func job(_ name: String, _ items: @escaping @Sendable () throws -> [RefreshQueueStore.Item]) throws -> ScheduledJob {
            try scheduled(name) { run in try refresher.refresh(items(), run: run) }
        }
        func scheduled(_ name: String, _ body: @escaping @Sendable (JobRun) throws -> Int) throws -> ScheduledJob {
            let text = config.scheduler.expression(forJob: name) ?? ""
            do {
                return ScheduledJob(name: name, schedule: try CronExpression(text), body: body)
            } catch {
                throw ConfigError(source: config.sourceFile, key: "scheduler.\(name)", problem: "\(error.message) (in \"\(text)\")")
            }
        }
        return [
            // Every movie, show and artist, least recently refreshed first.
            try job(refreshMetadata) { try queue.everything(limit: limit) },
            // Monitored continuing shows: new episodes appear `missing`, monitored (specials not).
            try job(checkNewEpisodes) { try queue.continuingShows(limit: limit) },
            // Monitored artists: new release groups appear as `missing` albums.
            try job(checkNewReleases) { try queue.monitoredArtists(limit: limit) },
        ] + (try downloads.map { manager in
            // Finished downloads and their seeding copies, once their items are imported.
            let cleanup = CleanupCompleted(store: database.downloads, downloads: manager)
            return [try scheduled(cleanupCompleted) { run in try cleanup.run(run) }]
        } ?? [])
    }
}
