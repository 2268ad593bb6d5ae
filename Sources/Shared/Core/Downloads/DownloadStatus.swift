/// The lifecycle of a download (spec: DownloadStatus). lcarsd moves a row through it:
/// queued → downloading → seeding → completed, with paused and failed on the way and
/// processing while post-processing places the files.
public enum DownloadStatus: String, Codable, Sendable, CaseIterable {
    case queued, downloading, seeding, processing, completed, failed, paused

    /// Statuses whose torrent lives in lcarsd's session (re-added at start-up).
    public static let inSession: [DownloadStatus] = [.queued, .downloading, .seeding, .paused]
    public var isInSession: Bool { Self.inSession.contains(self) }

    /// The moves allowed out of each status. libtorrent may report a torrent complete the moment it
    /// is added (files already on disk) or back to downloading after a recheck, so the in-session
    /// states reach each other freely; only leaving `completed` is final.
    public var allowedNext: Set<DownloadStatus> {
        switch self {
        case .queued: [.downloading, .seeding, .processing, .completed, .failed, .paused]
        case .downloading: [.queued, .seeding, .processing, .completed, .failed, .paused]
        case .seeding: [.downloading, .processing, .completed, .failed, .paused]
        case .paused: [.queued, .downloading, .seeding, .completed, .failed]
        case .processing: [.seeding, .completed, .failed]
        case .failed: [.queued, .downloading]
        case .completed: []
        }
    }

    public func canMove(to next: DownloadStatus) -> Bool { next == self || allowedNext.contains(next) }

    /// `next`, or a conflict naming both states. Staying in the same status is always allowed
    /// (the once-a-second sync writes the status it already had).
    public func transition(to next: DownloadStatus, of item: String) throws -> DownloadStatus {
        guard canMove(to: next) else {
            throw DomainError.invalidTransition(of: item, from: rawValue, to: next.rawValue,
                                                allowed: allowedNext.map(\.rawValue).sorted())
        }
        return next
    }
}

/// Why a torrent is paused: the user asked, or the VPN interface is down (lcarsd resumes those itself).
public enum PauseReason: String, Codable, Sendable {
    case user, vpn
}
