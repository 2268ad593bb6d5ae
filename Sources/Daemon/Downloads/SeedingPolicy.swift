import Foundation
import Core
import Config
import Persistence

/// When a finished torrent has seeded enough ([torrent.seeding], overridable per download):
/// either limit reached ends seeding; a limit of 0 means "no limit of this kind".
struct SeedingPolicy: Sendable {
    let defaults: LCARSConfig.Seeding

    /// nil while the torrent should keep seeding; otherwise why it stops.
    func stopReason(for download: DownloadRecord) -> String? {
        guard defaults.enabled else { return "seeding is disabled ([torrent.seeding] enabled = false)" }
        let ratioLimit = download.seedRatioLimit ?? defaults.ratioLimit
        let hoursLimit = download.seedTimeLimitHours ?? defaults.timeLimitHours
        if ratioLimit > 0 && download.ratio >= ratioLimit {
            return String(format: "ratio %.2f reached the limit %.2f", download.ratio, ratioLimit)
        }
        if hoursLimit > 0 && Double(download.seedingSeconds) >= hoursLimit * 3600 {
            return String(format: "seeded for %.2f h, the limit", Double(download.seedingSeconds) / 3600)
        }
        return nil
    }
}
