import Foundation

/// The music quality ladder (spec: Quality Limiting, AudioQuality): flac > alac > 320 > V0 >
/// 256 > 192 > 128. Other lossless formats (WAV, APE, WavPack, DSD) rank with FLAC; bitrates
/// between the rungs round down to the rung below.
public enum MusicQuality: String, Codable, Sendable, CaseIterable, Comparable {
    case flac, alac
    case mp3_320 = "320", v0 = "V0", kbps256 = "256", kbps192 = "192", kbps128 = "128"
    case unknown

    /// The ladder a quality limit is chosen from, best first (what the API accepts).
    public static let ladder: [MusicQuality] = [.flac, .alac, .mp3_320, .v0, .kbps256, .kbps192, .kbps128]
    /// A new item's limit when the request names none.
    public static let defaultLimit = MusicQuality.flac

    public var rank: Int {
        switch self {
        case .flac: 7
        case .alac: 6
        case .mp3_320: 5
        case .v0: 4
        case .kbps256: 3
        case .kbps192: 2
        case .kbps128: 1
        case .unknown: 0
        }
    }

    public var isLossless: Bool { self == .flac || self == .alac }

    public static func < (a: MusicQuality, b: MusicQuality) -> Bool { a.rank < b.rank }

    /// Reads a limit as users write it: "flac", "FLAC", "320", "mp3-320", "v0", "256"...
    public init?(limit text: String) {
        let t = text.lowercased().replacingOccurrences(of: "mp3", with: "").trimmingCharacters(in: CharacterSet(charactersIn: " -_"))
        switch t {
        case "flac", "lossless": self = .flac
        case "alac": self = .alac
        case "320": self = .mp3_320
        case "v0": self = .v0
        case "256": self = .kbps256
        case "192", "v2": self = .kbps192
        case "128": self = .kbps128
        default: return nil
        }
    }
}
