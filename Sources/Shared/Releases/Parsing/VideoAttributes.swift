import Foundation
import Core

/// Recognises video release jargon at a token: resolution, source, codec, audio, HDR, edition,
/// language, streaming service and revision flags. Multi-token forms (WEB-DL, H.264, DD5.1,
/// DTS-HD MA, Director's Cut) are tried before single words.
enum VideoAttributes {
    typealias Meaning = AttributeMatch.Meaning

    static func match(_ tokens: [ReleaseToken], at i: Int) -> AttributeMatch? {
        if let multi = matchMulti(tokens, at: i) { return multi }
        let token = tokens[i]
        if let (meaning, strong) = single[token.lower] {
            if case .codec = meaning, GermanRemux.isDiscCodec(token.lower), GermanRemux.isRemux(tokens, codecAt: i) {
                return AttributeMatch(index: i, length: 1, meaning: .both(meaning, .remux), strong: strong)
            }
            return AttributeMatch(index: i, length: 1, meaning: meaning, strong: strong)
        }
        if token.text == "REAL" { return AttributeMatch(index: i, length: 1, meaning: .real, strong: false) }
        if let service = serviceCode(token.text) { return AttributeMatch(index: i, length: 1, meaning: .service(service), strong: false) }
        if let bare = bareResolution(tokens, at: i) { return bare }
        return matchShaped(token, at: i) ?? GluedAttributes.match(tokens, at: i)
    }

    // MARK: single words

    /// word → (meaning, strong). Weak words could be part of a title ("Web", "Cam", "Extended").
    static let single: [String: (Meaning, Bool)] = {
        var t: [String: (Meaning, Bool)] = [:]
        for (w, q) in [("2160p", VideoQuality.p2160), ("4320p", .p2160), ("1440p", .p1080), ("1080p", .p1080), ("1080i", .p1080),
                       ("720p", .p720), ("960p", .p720), ("576p", .p480), ("576i", .p480), ("720i", .p720), ("540p", .p480), ("480p", .p480), ("480i", .p480),
                       ("360p", .p480), ("240p", .p480), ("3840x2160", .p2160), ("4096x2160", .p2160), ("1920x1080", .p1080),
                       ("1920x800", .p1080), ("1280x720", .p720), ("1280x544", .p720), ("720x480", .p480), ("720x576", .p480)] {
            t[w] = (.resolution(q, resolutionLabel(w, q)), true)
        }
        t["4k"] = (.resolution(.p2160, "2160p"), true)
        // "FHD", "FullHD", "HD1080p", "720pHD": a resolution with its marketing name.
        for w in ["fhd", "fullhd", "hd1080p", "1080phd", "hd1080"] { t[w] = (.resolution(.p1080, "1080p"), true) }
        for w in ["hd720p", "720phd", "hd720"] { t[w] = (.resolution(.p720, "720p"), true) }
        t["8k"] = (.resolution(.p2160, "4320p"), true)
        t["uhd"] = (.resolution(.p2160, "2160p"), false)
        for w in ["bluray", "bdrip", "brrip", "bd25", "bd50", "bdmv", "bdiso", "blurayrip", "hddvd", "hddvdrip", "mbluray",
                  "uhdbdrip", "uhdbd", "uhd2bd", "bdmux", "brmux", "bdripmux", "bdlight", "bd66", "bd100", "uhdbluray", "uhdrip",
                  // A Blu-ray's structure cut down to a DVD-5 or DVD-9 disc.
                  "bd5", "bd9", "brripmux",
                  // Radarr's QualityParser.cs BR-DISK "Full[-_. ]?Blu[-_. ]?ray"; "BRip", a short BRRip; guessit's "Ultra-?Blu-?ray".
                  "fullbluray", "brip", "ultrabluray"] {
            t[w] = (.source(.bluray, tag: sourceLabel(w)), true)
        }
        t["bd"] = (.source(.bluray, tag: "BD"), false)
        t["remux"] = (.remux, true)
        t["bdremux"] = (.remux, true)
        t["uhdremux"] = (.remux, true)
        for w in ["webdl", "webhd", "amznweb", "dlmux", "webuhd", "webdlmux", "amazonsd", "dlweb"] { t[w] = (.source(.webdl, tag: "WEB-DL"), true) }
        t["web"] = (.source(.webdl, tag: "WEB"), false)
        for w in ["webrip", "webmux", "hdrip", "webcap", "web-rip", "webdlrip", "dlrip", "dmrip", "webhdrip", "webcaprip"] { t[w] = (.source(.webrip, tag: sourceLabel(w)), true) }
        for w in ["hdtv", "pdtv", "sdtv", "hdtvrip", "tvrip", "dsr", "dsrip", "dthrip", "dvbrip", "satrip", "ahdtv", "uhdtv", "tvdub",
                  "hdtvmux", "dvb", "ppvrip", "iptvrip", "vodrip", "hdtvrip720p", "ahdtvmux", "sdtvrip", "dtvrip",
                  // guessit's source.py: "TV-?HD-?Rip", "TV-?Rip-?HD", "PD-?TV-?Rip", "UHD-?TV-?Rip".
                  "tvhdrip", "tvriphd", "pdtvrip", "uhdtvrip"] {
            t[w] = (.source(.hdtv, tag: sourceLabel(w)), true)
        }
        for w in ["dvdrip", "dvdr", "dvd5", "dvd9", "dvdscr", "dvdscreener", "dvdmux", "dvdivx", "bdscr", "r5", "r6", "ntsc",
                  "vhsrip", "dvdr9", "dvdr5", "2dvd5", "2dvd9", "dvdmux", "brscreener", "bdscreener", "hdscr", "brscr",
                  // Radarr's QualityParser.cs "\d?x?M?DVD-?[R59]": a multi-disc or multi-audio DVD image.
                  "mdvdr", "mdvd5", "mdvd9", "2xdvd5", "2xdvd9", "3xdvd9"] {
            t[w] = (.source(.dvd, tag: sourceLabel(w)), w != "ntsc")
        }
        t["xvidvd"] = (.both(.source(.dvd, tag: "DVD"), .codec("XviD")), true)   // Sonarr's "xvidvd": an XviD DVD rip
        t["xvidhd"] = (.both(.source(.hdtv, tag: "HDTV"), .codec("XviD")), true)   // an XviD encode of an HD broadcast
        t["regional"] = (.source(.dvd, tag: "R5"), false)   // a regional (R5-style) DVD release
        // Other DVD regions (Radarr's QualityParser.cs "R[0-9]"): weak, since "R2" may be a title's word.
        for w in ["r1", "r2", "r3", "r4", "r7", "r8", "r9"] { t[w] = (.source(.dvd, tag: w.uppercased()), false) }
        t["dvd"] = (.source(.dvd, tag: "DVD"), false)
        // "Show.Name.S01.DVD2": the second disc of a DVD set (Medusa's test_guessit.yml); DVD5 and DVD9 are disc formats above.
        for w in ["dvd1", "dvd2", "dvd3", "dvd4", "dvd6", "dvd7", "dvd8"] { t[w] = (.source(.dvd, tag: "DVD"), false) }
        t["pal"] = (.source(.dvd, tag: "PAL"), false)
        t["scr"] = (.source(.dvd, tag: "SCR"), false)
        t["vhs"] = (.source(.dvd, tag: "VHS"), false)
        t["screener"] = (.source(.dvd, tag: "Screener"), false)
        t["webscreener"] = (.source(.dvd, tag: "Screener"), true)
        t["webscr"] = (.source(.dvd, tag: "Screener"), true)
        t["rawhd"] = (.source(.hdtv, tag: "RAW-HD"), true)
        t["vod"] = (.source(.hdtv, tag: "VOD"), false)
        for w in ["camrip", "hdcam", "telesync", "hdts", "telecine", "hdtc", "pdvd", "predvd", "predvdrip", "workprint", "hqcam", "tsrip",
                  "hdcamrip", "hdtsrip", "hdtcrip", "camhd", "telesynch", "tcrip", "newcam", "hdtelesync", "hdtelecine"] {
            t[w] = (.source(.cam, tag: sourceLabel(w)), true)
        }
        for w in ["cam", "ts", "tc", "wp"] { t[w] = (.source(.cam, tag: w.uppercased()), false) }
        for (w, c) in [("x264", "x264"), ("h264", "x264"), ("avc", "x264"), ("x265", "x265"), ("h265", "x265"), ("hevc", "x265"),
                       ("av1", "AV1"), ("xvid", "XviD"), ("divx", "DivX"), ("vp9", "VP9"), ("mpeg2", "MPEG2"), ("vc1", "VC-1"),
                       ("h263", "H263"), ("x266", "x266"), ("h266", "x266"), ("vvc", "x266"), ("h262", "MPEG2"), ("mpg2", "MPEG2"),
                       ("hevc10", "x265"), ("x26410bit", "x264"), ("x26510bit", "x265"),
                       // guessit's video_codec.py: "DVDivX", "AVCHD", VP7/VP8, RealVideo "Rv\d{2}".
                       ("dvdivx", "DivX"), ("avchd", "x264"), ("vp8", "VP8"), ("vp80", "VP8"), ("vp7", "VP7"), ("rv40", "RealVideo"),
                       ("rv30", "RealVideo"), ("rv20", "RealVideo"), ("rv10", "RealVideo")] {
            t[w] = (.codec(c), true)
        }
        for (w, a) in [("aac", "AAC"), ("ac3", "AC3"), ("eac3", "EAC3"), ("ddp", "EAC3"), ("truehd", "TrueHD"), ("atmos", "Atmos"),
                       ("dts", "DTS"), ("dtshd", "DTS-HD"), ("dtsma", "DTS-HD MA"), ("dtsx", "DTS-X"), ("dtses", "DTS-ES"),
                       ("lpcm", "LPCM"), ("pcm", "PCM"), ("flac", "FLAC"), ("mp3", "MP3"), ("opus", "Opus"), ("dd", "AC3")] {
            t[w] = (.audio(a), w != "dd" && w != "pcm")
        }
        for (w, ch) in [("6ch", "5.1"), ("8ch", "7.1"), ("2ch", "2.0")] { t[w] = (.channels(ch), true) }
        for (w, h) in [("hdr", "HDR"), ("hdr10", "HDR10"), ("hdr10plus", "HDR10+"), ("dv", "DV"), ("dovi", "DV"), ("hlg", "HLG"), ("sdr", "SDR")] {
            t[w] = (.hdr(h), w != "hdr" && w != "dv" && w != "sdr")
        }
        for (w, e) in [("extended", "Extended"), ("remastered", "Remastered"), ("unrated", "Unrated"), ("uncut", "Uncut"),
                       ("theatrical", "Theatrical"), ("imax", "IMAX"), ("criterion", "Criterion"), ("uncensored", "Uncensored"),
                       ("dc", "Director's Cut"), ("restored", "Restored"), ("despecialized", "Despecialized"), ("recut", "Recut"),
                       ("2in1", "2in1"), ("3in1", "3in1"), ("4in1", "4in1")] {
            t[w] = (.edition(e), false)
        }
        for (w, l) in languageWords { t[w] = (.language(l), false) }
        for (w, s) in [("amzn", "Amazon"), ("nf", "Netflix"), ("dsnp", "Disney+"), ("hmax", "HBO Max"), ("atvp", "Apple TV+"),
                       ("hulu", "Hulu"), ("pcok", "Peacock"), ("pmtp", "Paramount+"), ("crav", "Crave"), ("stan", "Stan"),
                       ("itunes", "iTunes"), ("cr", "Crunchyroll"), ("funi", "Funimation"), ("vrv", "VRV"), ("red", "YouTube Red")] {
            t[w] = (.service(s), false)
        }
        t["proper"] = (.proper, false)
        t["repack"] = (.repack, false)
        t["rerip"] = (.repack, false)
        t["complete"] = (.complete, false)
        for w in ["internal", "limited", "readnfo", "nfofix", "subbed", "dubbed", "hc", "hardsub", "hardsubs", "3d", "sbs", "hsbs",
                  "hou", "10bit", "8bit", "12bit", "10bits", "8bits", "12bits", "hi10p", "hi10", "multisub", "multisubs", "subs", "festival", "stv", "ws",
                  "fs", "dual", "retail", "docu", "ppv", "custom", "hybrid", "colorized", "open", "matte", "openmatte",
                  "ntsc", "dubbing", "sub", "dub", "vost", "hq", "ld", "md", "mic", "line", "ac3d", "x", "rip", "dl", "ma",
                  "v2", "v3", "v4", "esub", "esubs", "msub", "msubs", "convert", "doku", "hdlight", "upscaled", "ova", "ona", "oad", "oav", "subtitulado", "legendado", "legendas"] {
            if t[w] == nil { t[w] = (.noise, false) }
        }
        // guessit's `other` vocabulary (guessit/config/options.json): fixes, re-encodes, fansub flags, broadcast and frame-rate
        // tags. Weak: they only end a title or sit before a group.
        for w in ["audiofix", "syncfix", "reenc", "reencoded", "prooffix", "fansub", "fastsub", "preair", "secam", "hfr", "vfr", "ldtv",
                  "mhd", "oar", "bt2020",
                  // guessit's video_codec.py: a codec's profile ("AVC.HP", "x264.MP") and pixel formats; "DXVA", its video_api.
                  "hp", "hip", "mp", "bp", "hi422p", "hi444pp", "yuv420p10", "dxva"] where t[w] == nil {
            t[w] = (.noise, false)
        }
        // Video CD formats (pr0pz/scene-release-parser lists VCD, SVCD, CVD, XVCD as a release's format beside XviD and
        // x264): jargon, never a title's word or a group's first part ("DVDRip.SVCD-GRP").
        for w in ["vcd", "svcd", "xvcd", "cvd", "cvcd"] { t[w] = (.noise, true) }
        // "UHD.BD.ISO-GRP", "DVD.ISO": a disc image (Radarr's BR-DISK pattern reads "BD[-_. ]?ISO"); weak, "ISO" may be a title's.
        t["iso"] = (.noise, false)
        return t
    }()

    /// "2016.05.18.720.HDTV", "[1080.Hi10p]", "HDR.2160.RKTN.WEB-DL", "BRrip 720 AAC": a line count without
    /// its "p", read as the resolution only between pieces of jargon (a title's "1080" or "720" stays).
    static func bareResolution(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let w = t[i].lower
        guard w.utf8.count >= 3, w.utf8.count <= 4, let first = w.utf8.first, first == 55 || first == 49 || first == 50 || first == 52 || first == 53,
              let q = bareLines[w] else { return nil }
        func jargon(_ k: Int) -> Bool {
            guard k >= 0, k < t.count, let (meaning, _) = single[t[k].lower] else { return false }
            switch meaning {
            case .source, .codec, .audio, .hdr, .noise, .remux, .service: return true
            default: return false
            }
        }
        // "[720]": alone in its bracket, when the name states no resolution otherwise ("[One Piece][720][1080p]" is episode 720).
        let bracketed = t[i].inBrackets && ReleaseGroupParser.opensBracket(t[i].gap) && (i + 1 == t.count || ReleaseGroupParser.opensBracket(t[i + 1].gap)
            || !t[i + 1].inBrackets) && !t.contains(where: { if case .resolution? = single[$0.lower]?.0 { return true }; return false })
        guard bracketed || jargon(i + 1) || jargon(i - 1) && i + 1 < t.count && !t[i + 1].isNumber else { return nil }
        return AttributeMatch(index: i, length: 1, meaning: .resolution(q, w + "p"), strong: true)
    }

    private static let bareLines: [String: VideoQuality] = ["720": .p720, "1080": .p1080, "2160": .p2160, "480": .p480, "576": .p480]

    /// Streaming services' and channels' tags as scene names write them ("CC.WEBRip", "1080p.iT.WEB-DL",
    /// "DDY.WEBRip"): matched only as written, in capitals ("iT", "iP" as they are), since most are also
    /// words or initials in titles ("Fox", "Id"). Weak: they count only after the title.
    static func serviceCode(_ text: String) -> String? {
        let b = text.utf8
        // Every code's second letter is a capital too ("iT", "DDY"): title words ("Show") skip the lookup.
        guard b.count >= 2, b.count <= 5, let first = b.first, first >= 65 && first <= 90 || first == UInt8(ascii: "i"),
              let second = b.dropFirst().first, second >= 65, second <= 90 else { return nil }
        return serviceCodes[text]
    }

    /// Only codes that are no title's word: networks that are ("UFC on FOX", "Easy as ABC", "MTV Cribs") are left out.
    static let serviceCodes: [String: String] = [
        "iT": "iTunes", "iP": "BBC iPlayer", "CC": "Comedy Central", "DDY": "Digiturk Diledigin Yerde", "DSNY": "Disney",
        "SHO": "Showtime", "STZ": "Starz", "CWS": "The CW", "TVNZ": "TVNZ", "ALL4": "Channel 4", "AUBC": "ABC Australia",
        "CRKL": "Crackle", "DCU": "DC Universe", "DPLY": "Dplay", "DSKI": "Daisuki", "FXTL": "FX", "HLMK": "Hallmark",
        "NATG": "National Geographic", "UKTV": "UKTV", "USAN": "USA Network", "VMEO": "Vimeo", "VUDU": "Vudu", "YHOO": "Yahoo",
        "BCORE": "Bandai Channel", "PLUZ": "Pluto TV", "ANPL": "Animal Planet", "TRVL": "Travel Channel", "SPKE": "Spike",
        "OXGN": "Oxygen", "GPLAY": "Google Play", "WWEN": "WWE Network", "NFLN": "NFL Network", "MNBC": "MSNBC",
        "TIMV": "TimVision", "VIAP": "Viaplay", "SKST": "SkyShowtime", "HTSR": "Hotstar",
    ]

    static let languageWords: [(String, String)] = [
        ("multi", "multi"), ("french", "french"), ("truefrench", "french"), ("vff", "french"), ("vfq", "french"), ("vf2", "french"),
        ("vostfr", "french"), ("fre", "french"), ("german", "german"), ("deutsch", "german"), ("ger", "german"),
        ("italian", "italian"), ("ita", "italian"), ("spanish", "spanish"), ("esp", "spanish"), ("castellano", "spanish"),
        ("latino", "spanish"), ("spa", "spanish"), ("russian", "russian"), ("rus", "russian"), ("ukr", "ukrainian"),
        ("ukrainian", "ukrainian"), ("japanese", "japanese"), ("jpn", "japanese"), ("jap", "japanese"), ("korean", "korean"),
        ("kor", "korean"), ("chinese", "chinese"), ("chi", "chinese"), ("mandarin", "chinese"), ("cantonese", "chinese"),
        ("hindi", "hindi"), ("tamil", "tamil"), ("telugu", "telugu"), ("portuguese", "portuguese"), ("por", "portuguese"),
        ("dutch", "dutch"), ("swedish", "swedish"), ("swe", "swedish"), ("danish", "danish"), ("norwegian", "norwegian"),
        ("nor", "norwegian"), ("finnish", "finnish"), ("fin", "finnish"), ("polish", "polish"), ("pol", "polish"), ("pl", "polish"),
        ("czech", "czech"), ("cze", "czech"), ("hungarian", "hungarian"), ("hun", "hungarian"), ("turkish", "turkish"),
        ("tur", "turkish"), ("greek", "greek"), ("arabic", "arabic"), ("hebrew", "hebrew"), ("thai", "thai"),
        ("vietnamese", "vietnamese"), ("nordic", "nordic"), ("english", "english"), ("eng", "english"),
        ("flemish", "flemish"), ("romanian", "romanian"), ("bulgarian", "bulgarian"), ("lithuanian", "lithuanian"),
        ("estonian", "estonian"), ("latvian", "latvian"), ("icelandic", "icelandic"), ("persian", "persian"),
        ("bengali", "bengali"), ("malayalam", "malayalam"), ("kannada", "kannada"), ("pldub", "polish"), ("plsub", "polish"),
        ("slovak", "slovak"), ("croatian", "croatian"), ("serbian", "serbian"), ("slovenian", "slovenian"),
        ("indonesian", "indonesian"), ("catalan", "catalan"), ("deu", "german"), ("dublado", "portuguese"),
        ("brazilian", "portuguese"), ("farsi", "persian"), ("malay", "malay"), ("urdu", "urdu"), ("marathi", "marathi"),
        ("punjabi", "punjabi"), ("albanian", "albanian"), ("macedonian", "macedonian"), ("bosnian", "bosnian"),
        ("georgian", "georgian"), ("afrikaans", "afrikaans"), ("mongolian", "mongolian"), ("fra", "french"),
        ("heb", "hebrew"), ("vfi", "french"), ("swissgerman", "german"), ("español", "spanish"), ("espanol", "spanish"), ("subfrench", "french"), ("nl", "dutch"), ("cz", "czech"), ("fr", "french"),
    ]

    private static func resolutionLabel(_ word: String, _ q: VideoQuality) -> String {
        word.hasSuffix("p") || word.hasSuffix("i") ? word : q.rawValue
    }

    private static func sourceLabel(_ word: String) -> String {
        switch word {
        case "bluray", "blurayrip", "bluray1080p": "BluRay"
        case "bdrip": "BDRip"
        case "brrip": "BRRip"
        case "webrip", "web-rip": "WEBRip"
        case "hdrip": "HDRip"
        case "hdtv", "hdtv720p", "hdtv1080p": "HDTV"
        case "dvdrip", "dvdrip720p": "DVDRip"
        case "camrip": "CAMRip"
        case "telesync": "TS"
        case "telecine": "TC"
        default: word.uppercased()
        }
    }

    // MARK: shaped single words (patterns rather than fixed words)

    private static let shapedAudio: [(String, String)] = [("ddp", "EAC3"), ("dd", "AC3"), ("aac", "AAC"), ("eac3", "EAC3"), ("ac3", "AC3"),
                                                         ("dts", "DTS"), ("truehd", "TrueHD"), ("flac", "FLAC"), ("opus", "Opus"), ("lpcm", "LPCM")]

    private static func matchShaped(_ token: ReleaseToken, at i: Int) -> AttributeMatch? {
        let w = token.lower
        guard let first = w.utf8.first, first == 97 || first == 100 || first == 101 || first == 102 || first == 116 || first == 111 || first == 108
        else { return nil }
        // "DD5" "DDP5" "AAC2" "DTS5" before ".1"/".0" are handled as multi; alone they still name audio.
        for (prefix, audio) in shapedAudio where w.hasPrefix(prefix) {
            let rest = w.dropFirst(prefix.count)
            if !rest.isEmpty, rest.count <= 2, rest.allSatisfy(\.isNumber) {
                return AttributeMatch(index: i, length: 1, meaning: .audio(audio), strong: true)
            }
        }
        return nil
    }

    // MARK: multi-token forms

    /// First words of the multi-token forms below; anything else skips the (sequential) switch.
    private static let multiStarts: Set<String> = [
        "web", "blu", "hd", "sd", "dvd", "bd", "br", "ts", "vhs", "dvb", "sat", "ppv", "uhd", "cam", "tele", "tv", "raw", "pre", "h", "x", "vc", "mpeg", "dolby", "hdr10", "dts", "dtshd",
        "e", "dd", "true", "ac", "criterion", "deluxe", "remastered", "unrated", "directors", "director's", "director’s", "extended", "theatrical", "final", "special", "ultimate",
        "anniversary", "collectors", "collector's", "director", "limited", "dual", "complete", "alternate", "open", "fan", "diamond", "imax", "full",
        "assembly", "imperial", "signature", "hunter", "rekall", "rogue", "rouge", "3d", "video",
        "alternative", "international", "producers", "producer's", "pd",
    ]

    private static func matchMulti(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard i + 1 < t.count else { return nil }
        let a = t[i].lower, b = t[i + 1].lower, joined = !t[i + 1].gap.has(" ") || t[i + 1].gap == " " || t[i + 1].gap.hasPrefix("+")
        guard joined else { return nil }
        // "25th Anniversary (Edition)": an anniversary cut, its ordinal first.
        if let f = a.utf8.first, f >= 48, f <= 57, b == "anniversary", a.hasSuffix("th"), (3...5).contains(a.utf8.count), Int(a.dropLast(2)) != nil {
            let edition = i + 2 < t.count && ["edition", "cut"].contains(t[i + 2].lower)
            return AttributeMatch(index: i, length: edition ? 3 : 2, meaning: .edition("Anniversary Edition"), strong: false)
        }
        guard multiStarts.contains(a) else { return matchChannels(t, at: i) ?? spacedFrameSize(t, at: i) }
        let c = i + 2 < t.count ? t[i + 2].lower : ""
        func m(_ length: Int, _ meaning: Meaning, strong: Bool = true) -> AttributeMatch {
            AttributeMatch(index: i, length: length, meaning: meaning, strong: strong)
        }
        switch (a, b) {
        case ("web", "dl"), ("web", "hd"):
            // "WEB-DL-Rip": ripped from a web download (guessit's "WEB-?DL" with its Rip suffix).
            if c == "rip", b == "dl", t[i + 2].gap == "-" { return m(3, .source(.webrip, tag: "WEBRip")) }
            return m(2, .source(.webdl, tag: "WEB-DL"))
        case ("web", "rip"), ("web", "cap"): return m(2, .source(.webrip, tag: "WEBRip"))
        case ("blu", "ray"): return m(2, .source(.bluray, tag: "BluRay"))
        case ("hd", "dvd"): return m(2, .source(.bluray, tag: "HD-DVD"))
        case ("dvd", "rip"): return m(2, .source(.dvd, tag: "DVDRip"))
        case ("dvd", "r") where t[i + 1].gap == "-": return m(2, .source(.dvd, tag: "DVD-R"))
        // "HD-DVDRip", "HD.DVDScr": a rip of an HD DVD (a high-definition disc, filed with Blu-ray).
        case ("hd", "dvdscr"), ("hd", "dvdrip"): return m(2, .source(.bluray, tag: b == "dvdscr" ? "HD-DVD" : "HDDVDRip"))
        case ("vhs", "rip"): return m(2, .source(.dvd, tag: "VHSRip"))
        case ("dvb", "rip"), ("sat", "rip"), ("ppv", "rip"): return m(2, .source(.hdtv, tag: a.uppercased() + "Rip"))
        case ("web", "dlrip"), ("web", "hdrip"): return m(2, .source(.webrip, tag: "WEBRip"))   // "WEB HDRip": ripped from a web stream
        case ("uhd", "remux"), ("bd", "remux"): return m(2, .remux)
        case ("hd", "rip"): return m(2, .source(.webrip, tag: "HDRip"))
        case ("bd", "rip"), ("br", "rip"): return m(2, .source(.bluray, tag: "BDRip"))
        case ("hd", "tv"): return m(2, .source(.hdtv, tag: "HDTV"))
        case ("cam", "rip"): return m(2, .source(.cam, tag: "CAMRip"))
        // Weak: "TV.Rip.Tide", "Raw-Hd Stories" may be titles.
        case ("tv", "rip") where t[i + 1].gap == "-" || t[i + 1].gap == ".": return m(2, .source(.hdtv, tag: "TVRip"), strong: false)
        // Sonarr's RawHDRegex "Raw[-_. ]HD"; spaced only as "Raw HD" between other jargon would say it, so a space is left out.
        case ("raw", "hd") where t[i + 1].gap == "-" || t[i + 1].gap == "." || t[i + 1].gap == "_":
            return m(2, .source(.hdtv, tag: "RAW-HD"), strong: false)
        case ("br", "disk") where t[i + 1].gap == "-": return m(2, .source(.bluray, tag: "BR-DISK"))
        case ("hd", "cam"): return m(2, .source(.cam, tag: "HDCAM"))
        case ("hd", "ts"): return m(2, .source(.cam, tag: "HDTS"))
        case ("tele", "sync"): return m(2, .source(.cam, tag: "TS"))
        case ("pre", "dvd"), ("pre", "dvdrip"): return m(2, .source(.cam, tag: "PDVD"))
        case ("h", "264"), ("x", "264"), ("h", "264p"): return m(2, .codec("x264"))
        case ("h", "265"), ("x", "265"): return m(2, .codec("x265"))
        case ("vc", "1"): return m(2, .codec("VC-1"))
        case ("mpeg", "2"), ("mpeg", "4"): return m(2, .codec(b == "2" ? "MPEG2" : "MPEG4"))
        case ("dolby", "vision"): return m(2, .hdr("DV"))
        case ("hdr10", _) where t[i + 1].gap.hasPrefix("+"): return m(1, .hdr("HDR10+"))
        case ("dts", "hd"): return c == "ma" ? m(3, .audio("DTS-HD MA")) : m(2, .audio("DTS-HD"))
        case ("dts", "x"): return m(2, .audio("DTS-X"))
        case ("dts", "es"): return m(2, .audio("DTS-ES"))
        case ("dts", "ma"), ("dtshd", "ma"): return m(2, .audio("DTS-HD MA"))
        case ("e", "ac"): return c == "3" ? m(3, .audio("EAC3")) : nil
        case ("e", "ac3"):
            // "E-AC3.5.1": the channels follow.
            if i + 3 < t.count, t[i + 2].gap == ".", t[i + 3].gap == ".", t[i + 2].lower.count == 1, t[i + 3].lower.count == 1,
               let main = t[i + 2].number, let sub = t[i + 3].number {
                var match = m(4, .audio("EAC3"))
                match.channels = "\(main).\(sub)"
                return match
            }
            return m(2, .audio("EAC3"))
        case ("alternate", "cut"), ("open", "matte"), ("fan", "edit"), ("diamond", "edition"), ("imax", "edition"):
            return m(2, .edition(t[i].text.capitalized + " " + t[i + 1].text.capitalized), strong: false)
        case ("dd", _) where t[i + 1].gap.hasPrefix("+"): return m(1, .audio("EAC3"))
        case ("true", "hd"): return m(2, .audio("TrueHD"))
        case ("ac", "3") where t[i + 1].gap == "-": return m(2, .audio("AC3"))
        case ("directors", "cut"), ("director", "cut"), ("director's", "cut"), ("director’s", "cut"): return m(2, .edition("Director's Cut"), strong: false)
        case ("extended", "cut"), ("extended", "edition"): return m(2, .edition("Extended"), strong: false)
        case ("theatrical", "cut"), ("theatrical", "edition"): return m(2, .edition("Theatrical"), strong: false)
        case ("final", "cut"): return m(2, .edition("Final Cut"), strong: false)
        case ("special", "edition"), ("ultimate", "edition"), ("ultimate", "cut"), ("anniversary", "edition"),
             ("collectors", "edition"), ("collector's", "edition"), ("limited", "edition"), ("criterion", "edition"),
             ("criterion", "collection"), ("deluxe", "edition"), ("remastered", "edition"), ("unrated", "edition"):
            return m(2, .edition(t[i].text.capitalized + " " + t[i + 1].text.capitalized), strong: false)
        case ("dual", "audio"): return m(2, .language("multi"), strong: false)
        case ("full", "hd"): return m(2, .resolution(.p1080, "1080p"), strong: false)
        case ("complete", "series"), ("complete", "collection"): return m(2, .complete)
        // "Complete Seasons" alone; "Complete Seasons 1 to 5" leaves the seasons to be read.
        case ("complete", "seasons") where !(i + 2 < t.count && t[i + 2].isNumber): return m(2, .complete)
        case ("bd", _) where t[i + 1].gap == "-":
            // "BD-1080": a Blu-ray source glued to its resolution.
            guard let res = GluedAttributes.resolution(b) else { return matchChannels(t, at: i) }
            return m(2, .both(.source(.bluray, tag: "BD"), res))
        default: return sourcePair(t, at: i, a, b) ?? rarePair(t, at: i, a, b) ?? matchChannels(t, at: i)
        }
    }

    private static func isCodec(_ w: String) -> Bool {
        if case .codec? = single[w]?.0 { return true }
        return false
    }

    private static func isResolutionOrCodec(_ w: String) -> Bool {
        switch single[w]?.0 {
        case .resolution?, .codec?: return true
        default: return false
        }
    }

    /// "1920 x 1080", "1280*720": a frame size written as three words or two.
    private static func spacedFrameSize(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        guard let b = t[i].lower.utf8.first, b >= 48, b <= 57, t[i].lower.utf8.count >= 3, let w = t[i].number else { return nil }
        if t[i + 1].gap.has("*"), let h = t[i + 1].number, let meaning = GluedAttributes.frameSize(width: w, height: h) {
            return AttributeMatch(index: i, length: 2, meaning: meaning, strong: true)
        }
        guard i + 2 < t.count, t[i + 1].lower == "x", t[i + 1].gap == " ", let h = t[i + 2].number,
              let meaning = GluedAttributes.frameSize(width: w, height: h) else { return nil }
        return AttributeMatch(index: i, length: 3, meaning: meaning, strong: true)
    }

    /// Pairs of the fifth round, tried after the common ones (a byte test on the first word first).
    private static func sourcePair(_ t: [ReleaseToken], at i: Int, _ a: String, _ b: String) -> AttributeMatch? {
        func m(_ length: Int, _ meaning: Meaning) -> AttributeMatch { AttributeMatch(index: i, length: length, meaning: meaning, strong: true) }
        switch a.utf8.first {
        case UInt8(ascii: "b"):
            // "Show.Name.BD.720p", "Title BD x264": a Blu-ray right before its resolution or codec (Radarr's QualityParser.cs
            // reads any "BD" not ending a name).
            return a == "bd" && isResolutionOrCodec(b) ? m(1, .source(.bluray, tag: "BD")) : nil
        case UInt8(ascii: "d"):
            // "Show.Name.DVD.XviD": the same for a DVD, a word no title ends in.
            return a == "dvd" && isResolutionOrCodec(b) ? m(1, .source(.dvd, tag: "DVD")) : nil
        case UInt8(ascii: "u"):
            // "Title.UHD.x265": UHD is the 2160p label.
            return a == "uhd" && isCodec(b) ? m(1, .resolution(.p2160, "2160p")) : nil
        case UInt8(ascii: "x"):
            // Radarr's CodecRegex reads "X-vid" too.
            if a == "x", b == "vid", t[i + 1].gap == "-" { return m(2, .codec("XviD")) }
            return a == "x" ? olderCodec(b).map { m(2, .codec($0)) } : nil
        case UInt8(ascii: "h"):
            return a == "h" ? olderCodec(b).map { m(2, .codec($0)) } : nil
        case UInt8(ascii: "3"):
            // "Movie 2009 3D BD": a 3D Blu-ray (Radarr's BR-DISK pattern reads "3D BD").
            return a == "3d" && b == "bd" ? m(2, .source(.bluray, tag: "BD")) : nil
        case UInt8(ascii: "v"):
            // "VIDEO_TS": a DVD's folder of video files.
            return a == "video" && b == "ts" && t[i + 1].gap == "_" ? m(2, .source(.dvd, tag: "DVD")) : nil
        default: return nil
        }
    }

    /// "H.262", "H.263" (guessit's video_codec.py): the codecs before H.264, tried after the common pairs.
    private static func olderCodec(_ b: String) -> String? {
        b == "262" ? "MPEG2" : b == "263" ? "H263" : nil
    }

    /// Pairs too rare to test before the common ones (the switch above compares its cases in turn): screeners,
    /// "SD.TV" and Radarr's named cuts ("Assembly Cut", "Imperial Edition", "Rekall Version", "Extended Version").
    private static func rarePair(_ t: [ReleaseToken], at i: Int, _ a: String, _ b: String) -> AttributeMatch? {
        guard let last = b.utf8.last else { return nil }
        switch last {
        case UInt8(ascii: "r"):   // "DVD-Screener", "BR-Screener": a screener copy of the disc; "TS-Screener" a cinema recording
            guard b == "screener" || b == "scr" else { return nil }
            if a == "ts" { return AttributeMatch(index: i, length: 2, meaning: .source(.cam, tag: "TS"), strong: true) }
            return ["dvd", "br", "bd"].contains(a) ? AttributeMatch(index: i, length: 2, meaning: .source(.dvd, tag: "Screener"), strong: true) : nil
        case UInt8(ascii: "v"):   // "SD.TV", "PD-TV", "UHD-TV" (guessit's source.py)
            guard b == "tv", a == "sd" || a == "pd" || a == "uhd" else { return nil }
            return AttributeMatch(index: i, length: 2, meaning: .source(.hdtv, tag: a.uppercased() + "TV"), strong: true)
        case UInt8(ascii: "x"):   // "BR-Mux": a remux of a Blu-ray into another container (guessit's "BR-?(?=Mux)")
            return a == "br" && b == "mux" ? AttributeMatch(index: i, length: 2, meaning: .source(.bluray, tag: "BRMux"), strong: true) : nil
        case UInt8(ascii: "b"):   // "[TV-Dub]": dubbed from a broadcast, as "TVDub" (guessit's episodes in Medusa's test_guessit.yml)
            return a == "tv" && b == "dub" && t[i + 1].gap == "-" ? AttributeMatch(index: i, length: 2, meaning: .source(.hdtv, tag: "TVDub"), strong: true) : nil
        case UInt8(ascii: "t"), UInt8(ascii: "n"):
            guard b == "cut" || b == "edition" || b == "version", namedCuts.contains(a) else { return nil }
            return AttributeMatch(index: i, length: 2, meaning: .edition(t[i].text.capitalized + " " + t[i + 1].text.capitalized), strong: false)
        default: return nil
        }
    }

    private static let namedCuts: Set<String> = ["assembly", "imperial", "signature", "hunter", "rekall", "rogue", "rouge", "extended",
                                                  "unrated", "theatrical", "directors", "special", "final",
                                                  // guessit's "Alternative Cut"; an "International Cut" or a "Producers Cut" of a film.
                                                  "alternative", "international", "producers", "producer's"]

    /// "5.1", "7.1", "2.0" and codec-glued forms like "DD5.1", "DDP5.1", "AAC2.0", "DTS-HD.MA.5.1".
    private static func matchChannels(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let a = t[i].lower, next = t[i + 1]
        guard next.lower.utf8.count == 1, next.gap == "." || next.gap == " ", let sub = next.number else { return nil }
        var audio: String?
        var mainDigits = a
        for (prefix, name) in [("ddp", "EAC3"), ("dd", "AC3"), ("eac3", "EAC3"), ("ac3", "AC3"), ("aac", "AAC"), ("dts", "DTS"),
                               ("truehd", "TrueHD"), ("atmos", "Atmos"), ("flac", "FLAC"), ("opus", "Opus"), ("lpcm", "LPCM")] where a.hasPrefix(prefix) {
            audio = name
            mainDigits = String(a.dropFirst(prefix.count))
            break
        }
        guard let main = Int(mainDigits), [1, 2, 5, 6, 7].contains(main), sub <= 1 else { return nil }
        // A bare "5.1" without a codec before it is only a channel layout; "2.0" alone may be a title ("Tron 2.0").
        let strong = audio != nil || main >= 5
        let channels = "\(main).\(sub)"
        if let audio { return AttributeMatch(index: i, length: 2, meaning: .audio(audio), strong: true).withChannels(channels) }
        return AttributeMatch(index: i, length: 2, meaning: .channels(channels), strong: strong)
    }
}

extension AttributeMatch {
    /// The same match carrying the channel layout that was glued to its codec.
    func withChannels(_ channels: String) -> AttributeMatch {
        AttributeMatch(index: index, length: length, meaning: meaning, strong: strong, channels: channels)
    }
}
