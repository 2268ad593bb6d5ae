import Foundation

/// Recognises music release jargon at a token: format (FLAC, ALAC, MP3...), bitrate (320, V0...),
/// sample rate (44.1kHz, "24-96"), bit depth (16/24 bit), source (CD, WEB, Vinyl) and
/// discography/collection words.
enum MusicAttributes {
    enum Meaning: Sendable, Equatable {
        case format(AudioFormat)
        case bitrate(Int)
        case vbr(String)
        case sampleRate(Int)
        case bitDepth(Int)
        case depthAndRate(Int, Int)
        case source(String)
        case discography
        /// "-SINGLE-", "-MAXI-", "-BOOTLEG-": what kind of release it is; ends the album, sets nothing.
        case releaseType
        case proper, repack
        case noise
    }

    struct Match: Sendable {
        let index: Int
        let length: Int
        let meaning: Meaning
        var end: Int { index + length }
    }

    static let formats: [String: AudioFormat] = [
        "flac": .flac, "alac": .alac, "mp3": .mp3, "aac": .aac, "m4a": .aac, "ogg": .ogg, "vorbis": .ogg, "opus": .opus,
        "wav": .wav, "ape": .ape, "wv": .wavpack, "wavpack": .wavpack, "dsd": .dsd, "dsf": .dsd, "dff": .dsd, "dsd64": .dsd,
        "dsd128": .dsd, "dsd256": .dsd, "webflac": .flac, "wma": .wma, "aiff": .wav, "aif": .wav,
    ]

    /// Formats that are also ordinary words ("Brain Ape", "Opus"): only in capitals or in brackets.
    static let wordlikeFormats: Set<String> = ["ape", "opus", "wma"]

    static let sources: [String: String] = [
        "cd": "CD", "cdrip": "CD", "cdda": "CD", "cdm": "CD", "cds": "CD", "cdr": "CD", "web": "WEB", "webflac": "WEB",
        "bandcamp": "WEB", "qobuz": "WEB", "tidal": "WEB", "deezer": "WEB", "itunes": "WEB", "hdtracks": "WEB", "spotify": "WEB",
        "vinyl": "Vinyl", "vinylrip": "Vinyl", "lp": "Vinyl", "sacd": "SACD", "dvda": "DVD-A", "tape": "Cassette",
        "cassette": "Cassette", "bluray": "Blu-ray",
    ]

    /// Scene music release types (pr0pz/scene-release-parser's ReleasePatterns.js: "Web Single", "CD Single", "Maxi CD",
    /// "Maxi Single", "VLS" for a vinyl single, "CD EP", "Bootleg", "Promo").
    static let releaseTypes: Set<String> = ["single", "maxi", "bootleg", "promo", "vls", "cdep", "maxisingle"]
    /// Release types that are also ordinary words ("Single Ladies", "Maxi"): only in capitals, in brackets, or as a scene
    /// name's own hyphenated part ("Romeo-SINGLE-WEB-IT-2023-UOVA").
    private static let wordlikeReleaseTypes: Set<String> = ["single", "maxi", "bootleg", "promo"]

    private static func standsApart(_ t: [ReleaseToken], _ i: Int) -> Bool {
        if t[i].inBrackets || t[i].text == t[i].text.uppercased() { return true }
        return t[i].gap.hasSuffix("-") && i + 1 < t.count && t[i + 1].gap.hasPrefix("-")
    }

    static let discographyWords: Set<String> = ["discography", "discografia", "diskografie", "discographie", "anthology",
                                                "collection", "boxset", "discografía"]
    static let noiseWords: Set<String> = ["lossless", "hires", "hi", "res", "cbr", "vbr", "kbps", "kbs", "kbit", "khz", "bit",
                                          "mp3s", "stereo",
                                          "mono", "24bits", "16bits", "log", "cue", "scans", "flac24", "flac16", "retail"]
    static let bitrates: Set<Int> = [320, 256, 224, 192, 160, 128, 112, 96, 64]
    static let sampleRates: [Int: Int] = [44: 44100, 48: 48000, 88: 88200, 96: 96000, 176: 176400, 192: 192000, 352: 352800, 384: 384000]

    static func match(_ t: [ReleaseToken], at i: Int) -> Match? {
        let w = t[i].lower
        func m(_ length: Int, _ meaning: Meaning) -> Match { Match(index: i, length: length, meaning: meaning) }
        if let combo = depthRate(t, at: i) { return combo }
        if let rate = sampleRate(t, at: i) { return rate }
        if let f = formats[w], !wordlikeFormats.contains(w) || t[i].inBrackets || t[i].text == t[i].text.uppercased() {
            return m(1, .format(f))
        }
        if w == "proper" { return m(1, .proper) }
        if w.hasPrefix("repack") || w.hasPrefix("rerip") { return m(1, .repack) }
        if let combined = depthRateWord(w, at: i) { return combined }
        if let s = sources[w] { return m(1, .source(s)) }
        if discographyWords.contains(w) { return m(1, .discography) }
        if releaseTypes.contains(w), !wordlikeReleaseTypes.contains(w) || standsApart(t, i) { return m(1, .releaseType) }
        if ["v0", "v1", "v2"].contains(w) { return m(1, .vbr(w.uppercased())) }
        // "[v0vbr]": the preset glued to "vbr".
        if w.count == 5, w.hasSuffix("vbr"), ["v0", "v1", "v2"].contains(String(w.prefix(2))) { return m(1, .vbr(String(w.prefix(2)).uppercased())) }
        if w == "box", i + 1 < t.count, t[i + 1].lower == "set" { return m(2, .discography) }
        if let depth = bitDepth(t, at: i) { return depth }
        if let rate = bitrate(t, at: i) { return rate }
        if noiseWords.contains(w) { return m(1, .noise) }
        return nil
    }

    /// "24bit192kHz", "24bit-96khz" written as one word.
    private static func depthRateWord(_ w: String, at i: Int) -> Match? {
        guard w.utf8.count >= 9, w.hasSuffix("khz") else { return nil }
        for depth in [16, 24, 32] where w.hasPrefix("\(depth)bit") && w.hasSuffix("khz") {
            let middle = w.dropFirst("\(depth)bit".count).dropLast(3)
            if let n = Int(middle), let rate = sampleRates[n] { return Match(index: i, length: 1, meaning: .depthAndRate(depth, rate)) }
        }
        return nil
    }

    /// "24bit", "24-bit", "24 bit", "16bit".
    private static func bitDepth(_ t: [ReleaseToken], at i: Int) -> Match? {
        let w = t[i].lower
        // "16bit", "24bits", "24b", or "24" then "bit": the two digits first (a byte check, no strings built).
        let b = w.utf8
        guard b.count >= 2, b.count <= 6, let d0 = b.first, d0 >= 49, d0 <= 51 else { return nil }
        let d1 = b[b.index(after: b.startIndex)]
        guard d1 >= 48, d1 <= 57 else { return nil }
        let depth = Int(d0 - 48) * 10 + Int(d1 - 48)
        guard depth == 16 || depth == 24 || depth == 32 else { return nil }
        let rest = w.dropFirst(2)
        if rest == "bit" || rest == "bits" || rest == "b" { return Match(index: i, length: 1, meaning: .bitDepth(depth)) }
        if rest.isEmpty, i + 1 < t.count, t[i + 1].lower == "bit" || t[i + 1].lower == "bits" {
            return Match(index: i, length: 2, meaning: .bitDepth(depth))
        }
        return nil
    }

    /// "44.1kHz", "44.1 kHz", "96kHz", "44100Hz", "192khz".
    private static func sampleRate(_ t: [ReleaseToken], at i: Int) -> Match? {
        let w = t[i].lower
        if w.hasSuffix("khz"), let n = Int(w.dropLast(3)), let rate = sampleRates[n] { return Match(index: i, length: 1, meaning: .sampleRate(rate)) }
        if w.hasSuffix("hz"), let n = Int(w.dropLast(2)), n >= 32000, n <= 384000 { return Match(index: i, length: 1, meaning: .sampleRate(n)) }
        guard let n = t[i].number, let rate = sampleRates[n], i + 1 < t.count else { return nil }
        let next = t[i + 1]
        if next.lower == "khz" { return Match(index: i, length: 2, meaning: .sampleRate(rate)) }
        // "44.1kHz" splits into "44" and "1khz"; "88.2" + "khz"
        if next.dotJoined {
            if next.lower.hasSuffix("khz"), next.lower.count <= 4 { return Match(index: i, length: 2, meaning: .sampleRate(rate)) }
            if next.number != nil, i + 2 < t.count, t[i + 2].lower == "khz" { return Match(index: i, length: 3, meaning: .sampleRate(rate)) }
        }
        return nil
    }

    /// "24-96", "24/192", "16-44.1", "24bit-96kHz" (the last one splits into two matches anyway).
    private static func depthRate(_ t: [ReleaseToken], at i: Int) -> Match? {
        guard let depth = t[i].number, [16, 24, 32].contains(depth), i + 1 < t.count else { return nil }
        let next = t[i + 1]
        guard next.gap == "-" || next.gap == "/" || next.gap == " / " else { return nil }
        let rateWord = next.lower.hasSuffix("khz") ? String(next.lower.dropLast(3)) : next.lower
        guard let n = Int(rateWord), let rate = sampleRates[n] else { return nil }
        var length = 2
        if i + 2 < t.count, t[i + 2].dotJoined, t[i + 2].number != nil || t[i + 2].lower.hasSuffix("khz"), t[i + 2].lower.count <= 4 { length = 3 }
        return Match(index: i, length: length, meaning: .depthAndRate(depth, rate))
    }

    /// "320kbps", "320k", "320 kbps", and a bare "320" in brackets or next to MP3.
    private static func bitrate(_ t: [ReleaseToken], at i: Int) -> Match? {
        let w = t[i].lower
        for suffix in ["kbps", "kbs", "kbit", "k"] where w.hasSuffix(suffix) {
            if let n = Int(w.dropLast(suffix.count)), bitrates.contains(n) { return Match(index: i, length: 1, meaning: .bitrate(n)) }
        }
        guard let n = t[i].number, bitrates.contains(n) else { return nil }
        if i + 1 < t.count, ["kbps", "kbs", "kbit", "kb", "k", "cbr", "vbr"].contains(t[i + 1].lower) {
            return Match(index: i, length: 2, meaning: .bitrate(n))
        }
        let nearFormat = (i > 0 && formats[t[i - 1].lower] != nil) || (i + 1 < t.count && formats[t[i + 1].lower] != nil)
        // In brackets, next to the format, or last in the name ("… (2017) 320").
        if t[i].inBrackets || nearFormat || i == t.count - 1 { return Match(index: i, length: 1, meaning: .bitrate(n)) }
        return nil
    }

    /// Words that only a music release uses; auto-detection looks for them.
    static func isMusicOnly(_ meaning: Meaning, token: ReleaseToken) -> Bool {
        switch meaning {
        case .format(let f): return f != .aac || token.lower == "m4a"   // AAC alone is also a video audio track
        case .bitrate, .sampleRate, .bitDepth, .depthAndRate, .discography: return true
        case .vbr: return token.lower == "v0" || token.lower.hasSuffix("vbr")   // "v2" is also a fansub revision; V2 counts next to MP3
        case .source(let s): return s == "Vinyl" || s == "CD" || s == "SACD" || s == "Cassette"
        case .noise: return ["lossless", "kbps", "khz", "cbr", "vbr"].contains(token.lower)
        case .proper, .repack, .releaseType: return false
        }
    }
}
