import Foundation
import Control
import Core
import Library
import Persistence
import Releases

/// `search_missing`: the wanted list (monitored missing movies, aired episodes — a season pack
/// when more than half of a season's aired episodes are missing — and released albums), at most
/// `limit` per run, least recently searched first. Each is searched on every enabled indexer
/// through the same ReleaseSearcher / ReleaseGrabber as `GET …/releases` and `POST …/download`
/// (the indexers' minimum interval holds across processes), and the best accepted release is added
/// in-process (`grab`) and linked: missing → searching → downloading. Nothing acceptable → back to
/// missing with the reason in activity. A failed download blocklists its release (DownloadStore), so
/// the next run grabs another.
struct MissingSearch: Sendable {
    typealias Grab = @Sendable (DownloadCommand.AddArgs) throws -> DownloadView

    let database: AppDatabase
    let searcher: ReleaseSearcher
    let grabber: ReleaseGrabber
    let limit: Int
    let grab: Grab
    /// `media:updated` for each status an item moves to (searching, downloading, missing).
    var publish: @Sendable (LiveEvent) -> Void = { _ in }

    /// A release that cannot be added (blocklisted by its fetched hash, already a download, a link
    /// that gives nothing) gives way to the next accepted one, at most this many tries per item.
    static let triesPerItem = 3
    static let reasonsShown = 3

    func run(_ run: JobRun) throws -> Int {
        try database.mediaStatus.releaseStaleSearches()
        let units = try database.mediaStatus.missingForSearch(limit: limit, today: Self.today())
        var failures: [String] = []
        for (index, unit) in units.enumerated() {
            if run.isStopping { throw JobRun.Stopped() }
            do { try searchOne(unit) }
            catch { failures.append("\(unit.linked.type.label) \(unit.linked.id): \(Scheduler.message(error))") }
            run.progress(items: index + 1, total: units.count)
        }
        guard failures.isEmpty else {
            let shown = failures.prefix(Self.reasonsShown).joined(separator: "; ") + (failures.count > Self.reasonsShown ? "; …" : "")
            throw JobRun.Failed(items: units.count, description: "\(failures.count) of \(units.count) searches failed: \(shown)")
        }
        return units.count
    }

    /// One search: its items go to `searching`, then `downloading` with the grab or back to
    /// `missing` with the reason — also when something throws on the way.
    func searchOne(_ unit: SearchUnit) throws {
        let statuses = database.mediaStatus
        let items = try statuses.markSearching(unit.items)
        guard let linked = items.first else { return }   // grabbed by hand or deleted since the list was read
        announce(items)
        defer { announce(items) }
        do {
            let found = try searcher.search(try target(unit, linked: linked))
            switch try grabBest(found, for: linked) {
            case .grabbed(let download, let title): try statuses.markSearchGrabbed(items, download: download.id, title: title)
            case .nothing(let reason): try statuses.markNothingFound(items, reason: reason)
            }
        } catch {
            try? statuses.markNothingFound(items, reason: Scheduler.message(error))
            throw error
        }
    }

    /// The items' statuses as the store left them, one `media:updated` each.
    func announce(_ items: [MediaReference]) {
        for media in items {
            if let status = try? database.mediaStatus.status(of: media) { publish(.mediaUpdated(media, status: status)) }
        }
    }

    enum Outcome {
        case grabbed(DownloadView, title: String)
        case nothing(reason: String)
    }

    /// The best accepted release that can be added, trying the next ones when one cannot.
    func grabBest(_ found: ReleaseSearcher.Result, for media: MediaReference) throws -> Outcome {
        let accepted = found.ranked.filter { !$0.rejected }
        var refusals: [String] = []
        for release in accepted.prefix(Self.triesPerItem) {
            do {
                let choice = try grabber.choice(for: release.candidate, media: media)
                return .grabbed(try grab(choice.args), title: choice.title)
            } catch let error as DomainError {
                refusals.append("\(release.candidate.title): \(error.message)")
            }
        }
        return .nothing(reason: Self.reason(found, refusals: refusals))
    }

    /// Why nothing was grabbed, for the activity row.
    static func reason(_ found: ReleaseSearcher.Result, refusals: [String]) -> String {
        if !refusals.isEmpty { return "no release could be added (\(refusals.joined(separator: "; ")))" }
        let failed = found.reports.filter { $0.error != nil }.count
        let asked = found.reports.count
        guard let best = found.ranked.first else {
            if asked == 0 { return "no enabled indexer carries this kind of media" }
            return "no results from \(asked) indexer\(asked == 1 ? "" : "s")" + (failed > 0 ? " (\(failed) failed)" : "")
        }
        let why = best.rejections.map(\.message).joined(separator: ", ")
        return "none of \(found.ranked.count) result\(found.ranked.count == 1 ? " was" : "s were") acceptable; the best, \(best.candidate.title), was rejected: \(why)"
    }

    func target(_ unit: SearchUnit, linked: MediaReference) throws -> MediaSearchTarget {
        switch unit.kind {
        case .movie: try MediaSearchTarget.movie(database, id: linked.id)
        case .album: try MediaSearchTarget.album(database, id: linked.id)
        case let .episode(show, season, episode): try MediaSearchTarget.episode(database, showID: show, season: season, episode: episode)
        case let .season(show, season, first):
            // Linked to the first episode still missing (the list's first may have been grabbed meanwhile).
            try Self.relinked(MediaSearchTarget.season(database, showID: show, season: season, firstEpisode: first), to: linked)
        }
    }

    static func relinked(_ target: MediaSearchTarget, to media: MediaReference) -> MediaSearchTarget {
        var target = target
        target.media = media
        return target
    }

    /// lcarsd's date, "YYYY-MM-DD": what has aired or been released by today.
    static func today(_ now: Date = Date()) -> String { ScheduleZone.system.day(at: now) }
}
