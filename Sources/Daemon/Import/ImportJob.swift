import Foundation
import Config
import Core
import Library
import Persistence

/// Places one finished download into the library: plan (pick, map, probe, name), then place on
/// every storage target, all or nothing, then record paths and statuses in one transaction.
struct ImportJob {
    enum Outcome: Equatable {
        case imported([MediaStatusChange])
        case waiting(String)
        case failed(String)
        case skipped(String)
    }

    let storage: LCARSConfig.Storage
    let database: AppDatabase
    let probe: MediaProbe
    var mountStatus: (LCARSConfig.Mount) -> MountStatus = MountProbe.status(of:)

    func run(_ download: DownloadRecord, announce: (MediaStatusChange) -> Void) -> Outcome {
        guard let id = download.id, let type = download.mediaType, let mediaID = download.mediaId else {
            return .skipped("the download is not linked to a library item")
        }
        let link = MediaReference(type: type, id: mediaID)
        do {
            // Processing from here until placed, also while a mount is away (the import waits).
            if let change = try database.mediaStatus.markProcessing(link) { announce(change) }
            let targets = try StorageTargets.resolve(for: type, storage: storage, status: mountStatus)
            let subject = try database.mediaStatus.importSubject(for: link)
            let tree = try SourceTree(savePath: download.savePath ?? "", name: download.name)
            let plan = try ImportPlanner(naming: storage.naming, releaseName: download.name, probe: probe.probe).plan(subject, files: tree.files)
            let placed = try place(plan, on: targets)
            return .imported(try database.mediaStatus.recordImport(placed, link: link, downloadID: id, note: plan.note))
        } catch let failure as ImportFailure {
            return failure.isWaiting ? .waiting(failure.description) : .failed(failure.description)
        } catch let error as DomainError where error.kind == .notFound {
            // The item was deleted meanwhile: nothing to place, and the release is not to blame.
            return .skipped(error.message)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Every planned file on every target; any failure rolls back all targets. Only the first
    /// target's path is the item's `file_path` (later rules are copies, e.g. onto a NAS).
    func place(_ plan: ImportPlan, on targets: [StorageTarget]) throws -> [PlacedMedia] {
        var placements: [Placement] = []
        var primary: [PlacedMedia] = []
        do {
            for (index, target) in targets.enumerated() {
                let placement = try Placement(root: target.root)
                placements.append(placement)
                for file in plan.files {
                    let done = try placement.place(file.source, at: file.relativePath, preferLink: true)
                    if index == 0 { primary.append(Self.placedMedia(file, done)) }
                }
            }
        } catch {
            placements.reversed().forEach { $0.rollback() }
            throw error
        }
        placements.forEach { $0.commit() }
        return primary
    }

    static func placedMedia(_ file: PlannedFile, _ done: Placement.Placed) -> PlacedMedia {
        PlacedMedia(media: file.media, path: done.path, size: done.size, summary: file.info.summary + ", " + done.mode.done,
                    audioFormat: file.media.type == .track ? file.info.audioCodec : nil,
                    bitRateKbps: file.info.bitRate.map { $0 / 1000 }, sampleRate: file.info.sampleRate,
                    fileInfo: file.media.type == .track ? nil : file.info.fileInfo)
    }
}
