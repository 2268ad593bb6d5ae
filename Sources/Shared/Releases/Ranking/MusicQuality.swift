import Foundation

/// The music quality ladder (spec: Quality Limiting, AudioQuality): flac > alac > 320 > V0 >
/// 256 > 192 > 128. Other lossless formats (WAV, APE, WavPack, DSD) rank with FLAC; bitrates
/// between the rungs round down to the rung below.
public enum MusicQuality: String, Codable, Sendable, CaseIterable, Comparable {
    case flac, alac
    case mp3_320 = "320", v0 = "V0", kbps256 = "256", kbps192 = "192", kbps128 = "128"
    case unknown

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

    /// Where a parsed release sits on the ladder.
    public init(_ r: ParsedRelease) {
        switch r.audioFormat {
        case .flac, .wav, .ape, .wavpack, .dsd: self = .flac; return
        case .alac: self = .alac; return
        default: break
        }
        switch r.vbrPreset {
        case "V0": self = .v0; return
        case "V1", "V2": self = .kbps192; return
        default: break
        }
        guard let bitrate = r.bitrate else { self = .unknown; return }
        switch bitrate {
        case 320...: self = .mp3_320
        case 256..<320: self = .kbps256
        case 192..<256: self = .kbps192
        case 128..<192: self = .kbps128
        default: self = .unknown
        }
    }
}
