import Foundation
import Core
import Library
import Metadata
import Persistence

/// Refreshes library items one at a time through Library's use cases — exactly what
/// `POST /api/movies/:id/refresh` (tv, artists) does: metadata is updated, new episodes and release
/// groups are added (monitored by the show's / artist's monitoring; specials unmonitored), and
/// status, monitoring, files and quality limits are never touched.
///
/// One item's failure does not stop the others. A service that says it is not configured or
/// rejects the credentials, or fails `giveUpAfter` times in a row, is not asked again in this run
/// (its remaining items wait for the next run). Any failure makes the run `failed`, with the
/// count and the first few reasons.
struct LibraryRefresher: Sendable {
    let database: AppDatabase
    let tmdb: TMDBClient
    let musicBrainz: MusicBrainzClient

    static let giveUpAfter = 3
    static let reasonsShown = 3

    /// Refreshes `items` in order; returns how many were refreshed.
    func refresh(_ items: [RefreshQueueStore.Item], run: JobRun) throws -> Int {
        var tally = Tally()
        for item in items {
            if run.isStopping { throw JobRun.Stopped() }
            let service = Self.service(of: item.kind)
            guard !tally.abandoned.contains(service) else { tally.skipped += 1; continue }
            do {
                try refreshOne(item)
                tally.refreshed += 1
                tally.streak[service] = 0
            } catch let error as DomainError where error.kind == .notFound && error.service == nil {
                continue   // deleted since the list was read: nothing to refresh
            } catch {
                tally.record(error, item: item, service: service)
            }
            run.progress(items: tally.refreshed, total: items.count)
        }
        if let summary = tally.summary(of: items.count) { throw JobRun.Failed(items: tally.refreshed, description: summary) }
        return tally.refreshed
    }

    func refreshOne(_ item: RefreshQueueStore.Item) throws {
        switch item.kind {
        case .movie: try MovieLibrary(database: database, tmdb: tmdb).refresh(id: item.id, userID: nil)
        case .tv: try ShowLibrary(database: database, tmdb: tmdb).refresh(id: item.id, userID: nil)
        case .artist: try ArtistLibrary(database: database, musicBrainz: musicBrainz).refresh(id: item.id, userID: nil)
        default: break
        }
    }

    static func service(of kind: MediaKind) -> String { kind == .artist ? "MusicBrainz" : "TMDB" }

    /// What went wrong so far in one run.
    struct Tally {
        var refreshed = 0
        var failed = 0
        var skipped = 0
        var reasons: [String] = []
        var streak: [String: Int] = [:]
        var abandoned: [String] = []

        mutating func record(_ error: Error, item: RefreshQueueStore.Item, service: String) {
            failed += 1
            if reasons.count < LibraryRefresher.reasonsShown {
                reasons.append("\(item.kind.label) \"\(item.title)\" (id \(item.id)): \(Scheduler.message(error))")
            }
            streak[service, default: 0] += 1
            if LibraryRefresher.isPermanent(error) || streak[service, default: 0] >= LibraryRefresher.giveUpAfter {
                abandoned.append(service)
            }
        }

        func summary(of total: Int) -> String? {
            guard failed > 0 else { return nil }
            let left = skipped > 0 ? ", \(skipped) left for the next run" : ""
            var text = "\(failed) of \(total) refreshes failed\(left): " + reasons.joined(separator: "; ")
            if failed > reasons.count { text += "; …" }
            if !abandoned.isEmpty { text += " (\(abandoned.joined(separator: " and ")) not asked again this run)" }
            return text
        }
    }

    /// Failures that the next item would meet too: no key, a rejected key.
    static func isPermanent(_ error: Error) -> Bool {
        switch error as? MetadataError {
        case .notConfigured?, .credentialsRejected?: true
        default: false
        }
    }
}
