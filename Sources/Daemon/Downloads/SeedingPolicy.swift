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
            let limit = Int((hoursLimit * 3600).rounded(.up))
            return "seeded for \(Self.readable(Int(download.seedingSeconds))), the limit being \(Self.readable(limit))"
        }
        return nil
    }

    /// A duration as a person reads it: "2 h", "1 h 30 min", "5 min 4 s", "36 s" (a limit of a
    /// few seconds, as tests set, must not read "0.00 h").
    static func readable(_ seconds: Int) -> String {
        let h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60
        if h > 0 { return m > 0 ? "\(h) h \(m) min" : "\(h) h" }
        if m > 0 { return s > 0 ? "\(m) min \(s) s" : "\(m) min" }
        return "\(s) s"
    }
}
