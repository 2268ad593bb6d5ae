import Core

/// Where a parsed release sits on the music quality ladder.
extension MusicQuality {
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
