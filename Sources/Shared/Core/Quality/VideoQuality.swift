/// Video resolution class (spec: Quality). 576p and below count as 480p (SD); 4K/UHD as 2160p.
public enum VideoQuality: String, Codable, Sendable, CaseIterable, Comparable {
    case p2160 = "2160p", p1080 = "1080p", p720 = "720p", p480 = "480p", unknown

    /// The ladder a quality limit is chosen from, best first (what the API accepts).
    public static let ladder: [VideoQuality] = [.p2160, .p1080, .p720, .p480]
    /// A new item's limit when the request names none.
    public static let defaultLimit = VideoQuality.p1080

    /// Higher is better; unknown ranks below everything.
    public var rank: Int {
        switch self {
        case .p2160: 4
        case .p1080: 3
        case .p720: 2
        case .p480: 1
        case .unknown: 0
        }
    }

    public static func < (a: VideoQuality, b: VideoQuality) -> Bool { a.rank < b.rank }
}
