/// Torrents in lcarsd's session by what they are doing (spec: SystemStatus.downloads).
public struct DownloadCounts: Codable, Sendable, Equatable {
    public var active: Int
    public var queued: Int
    public var seeding: Int
    public init(active: Int, queued: Int, seeding: Int) {
        self.active = active
        self.queued = queued
        self.seeding = seeding
    }

    /// The one definition of the counts (`active` = downloading), shared by lcarsd, which counts
    /// the rows it has just synced, and the responders, which read them when lcarsd is down.
    public init(statuses: some Sequence<DownloadStatus>) {
        var active = 0, queued = 0, seeding = 0
        for status in statuses {
            switch status {
            case .downloading: active += 1
            case .queued: queued += 1
            case .seeding: seeding += 1
            default: break
            }
        }
        self.init(active: active, queued: queued, seeding: seeding)
    }
}
