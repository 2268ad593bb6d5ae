import Foundation

/// Finds who released it. Scene and P2P names end in "-GROUP" (optionally followed by a
/// distributor tag like "[ettv]" or "[rarbg]"); fansub releases start with "[Group]"; some
/// names start with a site's advert ("[ www.Speed.cd ] -", "www.Torrenting.com - ") that is
/// neither title nor group.
enum ReleaseGroupParser {
    struct Leading {
        /// First token of the title.
        var titleStart = 0
        /// A "[Group]" at the very start (fansub style).
        var group: String?
        /// "(1995) Movie Name": a year in front.
        var year: Int?
        /// "[h265 - HEVC] Title": jargon before the title, read as attributes.
        var jargon: Range<Int>?
    }

    struct Trailing {
        /// The "-GROUP" text, or a lone trailing "[Tag]" when there is no hyphenated group.
        var group: String?
        /// The first token that belongs to the group or trailing tags; attributes are read before it.
        var firstIndex: Int
        /// True when the group came from "-GROUP", false for a bracket tag.
        var hyphenated: Bool
        /// "-GRP [1080p]": release details bracketed after the group, read as attributes too.
        var detailsAfter: Range<Int>? = nil
    }

    /// Words in a leading bracket that tag the release rather than name who made it.
    static let leadingTags: Set<String> = ["tv", "movie", "movies", "film", "req", "request", "mp4", "mkv", "avi", "hi10", "hi10p", "raw",
                                           "batch", "anime", "ova", "hd", "fhd", "uhd", "sd", "dual", "audio", "eng", "sub", "dub", "new"]

    static let topLevelDomains: Set<String> = [
        "com", "net", "org", "to", "cd", "ws", "mx", "me", "info", "io", "tv", "ru", "xyz", "lol", "se", "nl", "in", "cc", "ag",
        "am", "pw", "tw", "li", "is", "re", "si", "vip", "club", "link", "co", "uk", "biz", "rs", "top", "ch", "sx", "pe", "vg",
        "nz", "eu", "fr", "de", "it", "es", "pl", "cz", "st", "ms", "ac", "bz", "one", "site", "online", "icu", "ninja", "cx",
        "tel", "sbs", "lat", "world", "phd", "pics", "autos", "boats", "mov", "bid", "guru", "pro", "fun", "app", "dev", "live",
    ]

    /// Words that follow a hyphen inside jargon ("WEB-DL", "DTS-HD", "Blu-ray") and are never a group.
    /// "HebSubs", "NLSubs", "EngSub", "RoSubbed", "Dubbed", "DualAudio", "DolbyVision", "DirCut": what a release's tracks or
    /// cut are, written as one word (a language glued to "Subs", "Subbed", "Dubbed"); never who made it, nor a group's first
    /// part before its hyphen ("X264.RoSubbed-Grp" is the group "Grp", seen in pymedusa/Medusa's test_guessit.yml).
    static func isTrackTag(_ w: String) -> Bool {
        guard w.utf8.count >= 3 else { return false }
        if ["dualaudio", "dolbyvision", "dircut", "multiaudio"].contains(w) { return true }
        for suffix in ["subs", "subbed", "dubbed", "sub", "dub"] where w.hasSuffix(suffix) {
            return w.utf8.count - suffix.utf8.count <= 5   // a language's code or name, not "HorribleSubs"
        }
        return false
    }

    static let notGroups: Set<String> = [
        "dl", "hd", "ma", "rip", "ray", "x", "es", "audio", "sub", "subs", "dub", "cut", "edition", "ac3", "dts", "aac",
        "web", "webdl", "webrip", "hdtv", "bluray", "dvdrip", "remux", "hevc", "x264", "x265", "h264", "h265", "xvid",
        "proper", "repack", "internal", "sample", "eng", "rus", "multi", "mkv", "mp4", "avi", "ts", "cam", "uhd", "hdr",
        "2160p", "1080p", "720p", "480p", "complete", "dvd", "vinyl", "cd", "flac", "mp3", "v0", "v2", "320", "lp", "ep",
        "single", "atmos", "sdr", "dv", "hdr10", "imax", "extended", "final", "part", "man",
        // "x265 10-bit": a bit depth; "-GER", "-ITA": a language code after the last hyphen.
        "bit", "en", "ger", "fre", "fra", "ita", "cat", "spa",
        "jap",   // with "-ENG", "-ES", "-GER"... in Radarr's ReleaseGroupParser.cs list of language codes that end no group
    ]

    /// Tags appended by distributors after the group; they are dropped, not reported as the group.
    static let distributorTags: Set<String> = [
        "ettv", "eztv", "rartv", "rarbg", "prime", "tgx", "ethd", "etrg", "eztvx", "publichd", "vtv", "xvid", "1337x",
        "isohunt", "bt4g", "torrentgalaxy", "glodls", "ion10", "mrc", "rbg",
        "cttv",   // Sonarr's and Radarr's CleanTorrentSuffixRegex (ParserCommon.cs) drops it with ettv, rartv, rarbg, publichd
        // An Indian reposter that signs after the encoder: "-Deflate.Telly", "MSubs - LOKiHD - Telly", "- mkvCinemas [Telly]"
        // (names in dreulavelle/PTT's and platelminto/parse-torrent-title's tests; alone, "ESub - Telly", it is the group).
        "telly",
    ]

    // MARK: trailing

    static func trailing(_ t: [ReleaseToken], from start: Int) -> Trailing? {
        guard t.count - start >= 2 else { return nil }
        // "-GRP [TGx] [1080p]": read the name without its last bracket, which holds details read with the rest.
        if t[t.count - 1].inBrackets, let details = detailsAfterDistributor(t, start: start),
           var tail = trailing(Array(t[..<details.lowerBound]), from: start), tail.group != nil, tail.detailsAfter == nil {
            tail.detailsAfter = details
            return tail
        }
        var last = t.count - 1
        var tagStart: Int?
        // "-2HD [eztv]-[rarbg.com]": distributor and site tags after the group are dropped, run by run.
        var dropped: Int?
        // "x265-GROUP.mkv.par2.-.02.of.11.(1/1)", "x264-GRP.part01.rar yEnc": a usenet post's subject goes on after the file's
        // name; the group is the one before the file's extension. (Names ending "-GROUP" skip the scan.)
        if t[last].gap != "-", let ext = fileTail(t, start: start) {
            dropped = ext
            last = ext - 1
        }
        // "XViD-NTK.par-www.divx-overnet.com", "x264-GRP.www.Site.org": a web address after the group, credited with "par" or
        // "by" or not, is the site's, as a bracketed one is.
        if dropped == nil, !t[last].inBrackets, t[last].dotJoined, topLevelDomains.contains(t[last].lower), let site = siteTail(t, last: last, start: start) {
            dropped = site
            last = site - 1
        }
        while last > start + 1, t[last].inBrackets, dropped.map({ $0 - last < 8 }) ?? true {
            var j = last
            while j > start, t[j].inBrackets, !opensBracket(t[j].gap) { j -= 1 }
            guard j > start + 1, last - j < 3, isDistributorRun(t, j, last), hyphenGroup(t[j - 1], start: start, index: j - 1) != nil
                    || t[j - 1].inBrackets && isDistributorRun(t, runStart(t, j - 1, start), j - 1) || isSiteAddress(t, j, last)
                    || t[j - 1].inBrackets && detailsAfterGroup(t, runStart(t, j - 1, start), j - 1, start: start) != nil   // "-GRP [1080p] [eztv]"
            else { break }
            dropped = j
            last = j - 1
        }
        // "-GROUP.VTV", "-GROUP.rarbg", "-GROUP_RARBG", "-GROUP EZTV", " - LOKiHD - Telly": a distributor's tag after a dot, an
        // underscore, a space or a spaced dash.
        if last > start + 2, !t[last].inBrackets, t[last].gap == "." || t[last].gap == "_" || t[last].gap == " " || t[last].gap == " - ",
           distributorTags.contains(t[last].lower),
           hyphenGroup(t[last - 1], start: start, index: last - 1) != nil {
            dropped = dropped ?? last
            last -= 1
        }
        // "-GRP (1)", "-GRP.1": a download's copy counter after the group.
        if last > start + 2, t[last].isNumber, t[last].lower.utf8.count == 1, t[last].gap == " (" || t[last].gap == ".",
           hyphenGroup(t[last - 1], start: start, index: last - 1) != nil {
            dropped = dropped ?? last
            last -= 1
        }
        // "-GRP-postbot", "-GRP-Rakuv02", "-GRP-1", "-GRP.English": reposting tags after the group.
        while last > start + 2, !t[last].inBrackets, isUploadSuffix(t, last) {
            last -= 1
            dropped = dropped ?? (last + 1)
        }
        // "-Belex.-.Dual.Audio.-.Dublado", "-GRP - Dual Audio + Legendas": the audio and subtitle languages, after a spaced dash.
        if let tail = languageTailStart(t, last: last, start: start) {
            dropped = dropped ?? tail
            last = tail - 1
        }
        // "-GRP.mkv-xpost": the file's extension before a reposter's tag.
        if dropped != nil, last > start + 2, t[last].gap == ".", ReleaseNameInput.videoExtensions.contains(t[last].lower) { last -= 1 }
        if dropped != nil, !t[last].inBrackets, hyphenGroup(t[last], start: start, index: last) == nil {
            return Trailing(group: nil, firstIndex: dropped!, hyphenated: false)
        }
        // "(... AAC 2.0 Anime Time)", "...-E.N.D", "....10bit.Tigole)": a group known to sign without "-GROUP" (Sonarr's and
        // Radarr's lists) comes first, as in their parsers; a fansub's "[Group]" in front still wins (not hyphenated).
        if let credited = creditedGroup(t, last: last, start: start) { return credited }
        if let known = KnownGroups.ending(t, at: last, start: start) {
            return Trailing(group: known.group, firstIndex: known.index, hyphenated: false)
        }
        if let tagged = groupBeforeChecksum(t, last: last, start: start) { return tagged }
        if t[last].inBrackets {
            var j = last
            while j > start, t[j].inBrackets, !opensBracket(t[j].gap) { j -= 1 }
            if let details = detailsAfterGroup(t, j, last, start: start) { return details }
            // "x264 AC3 - IMMERSE - [2011-09-19]": a date a renamer appended after the group (guessit's episodes.yml).
            if j > start + 2, isBracketedDate(t, j, last), let group = hyphenGroup(t[j - 1], start: start, index: j - 1),
               jargon(t, endingAt: j - 1) != nil {
                return Trailing(group: group, firstIndex: j - 1, hyphenated: true, detailsAfter: j..<(last + 1))
            }
            // "-VARYG (Blue Lock, Multi-Subs)", "-GRP (Spanish)": a spaced bracket of words, or of languages, after the group.
            // Dotted names write the bracket's space as a dot too ("-VARYG.(Blue.Lock, Multi-Subs)").
            if j > start + 1, last - j >= 2 || t[j...last].allSatisfy({ isLanguageTailWord($0.lower) }),
               t[j].gap.hasPrefix(" ") || t[j].gap == ".(" || t[j].gap == "_(", t[j - 1].gap == "-",
               !(j...last).contains(where: { VideoAttributes.match(t, at: $0)?.strong == true || ReleaseYears.year(t[$0]) != nil }),
               let group = hyphenGroup(t[j - 1], start: start, index: j - 1) {
                return Trailing(group: group, firstIndex: j - 1, hyphenated: true)
            }
            guard j > start, last - j < 3, !t[j...last].contains(where: isJargon), !t[j...last].allSatisfy(\.isNumber),
                  // "[Blu-ray]", "[Web-DL]": jargon written in two words.
                  VideoAttributes.match(t, at: j).map({ $0.end > j + 1 }) != true,
                  !(j == last && notGroups.contains(t[j].lower)),   // "(HD)"
                  // "[... Audio English] [Data Lass]": words apart in a closing bracket are a note, not a tag (Sonarr and Radarr
                  // read a bracketed group at the end as one word).
                  !t[j...last].dropFirst().contains(where: { $0.gap.has(" ") }),
                  EpisodePatterns.match(t, at: j) == nil else { return nil }   // "[Cap.408]" is an episode
            tagStart = j
            last = j - 1
        }
        // "H.264-NL", "x264-UHDTV": right after a codec, the last word is the group even when it is also jargon.
        if t[last].gap == "-", last == t.count - 1, last > start + 1, codecWords.contains(t[last - 1].lower),
           !notGroups.contains(t[last].lower), !t[last].isNumber, !isIMDbID(t[last].lower), !isFrameRate(t[last].lower), VideoAttributes.match(t, at: last).map({ $0.strong }) != true {
            return Trailing(group: t[last].text, firstIndex: last, hyphenated: true)
        }
        if let named = sourceNamedGroup(t, last: last, start: start) { return named }
        if let joined = underscoredGroup(t, last: last, start: start) { return joined }
        // "Title.2019.DVD-R", "WEB-Cap", "DVB-S": a word that completes the jargon before its hyphen is no group.
        if let group = hyphenGroup(t[last], start: start, index: last), !completesJargon(t, last), !isTitleHyphenAfterFansub(t, last, start: start) {
            // "-D-Z0N3", "XviD-AlFleNi-TeaM": a hyphenated group starts right after the last jargon.
            // "x264.D-Z0N3": a one-letter first part may follow a dot.
            // "XviD.Etc-Group", "HQ.Hive-CM8", "H264.Fight-BB": after a dot or underscore too, when jargon precedes it.
            let joined = t[last - 1].gap.hasSuffix("-") || t[last - 1].gap == "." || t[last - 1].gap == "_"
            if last - 1 > start, t[last].gap == "-", joined, !t[last - 1].isNumber, !isJargon(t[last - 1]),
               !notGroups.contains(t[last - 1].lower), !sceneTags.contains(t[last - 1].lower), !SizeWords.isSize(t, at: last - 1),
               !isDiscPart(t[last - 1].lower), !isTrackTag(t[last - 1].lower), !isBitrate(t[last - 1].lower),
               t[last - 1].lower.count == 1 || isJargon(t[last - 2]) || twoPartAfterDetails(t, last - 1),
               VideoAttributes.match(t, at: last - 2).map({ $0.end > last - 1 }) != true {
                return Trailing(group: t[last - 1].text + "-" + group, firstIndex: last - 1, hyphenated: true)
            }
            return Trailing(group: group, firstIndex: last, hyphenated: true)
        }
        if let spaced = spacedGroup(t, last: last, start: start) { return spaced }
        if let suffixed = hdSuffixedGroup(t, last: last, start: start) { return suffixed }
        if tagStart == nil, dropped == nil, last == t.count - 1, let styled = StyledGroups.ending(t, at: last, start: start) {
            return Trailing(group: styled.group, firstIndex: styled.index, hyphenated: false)
        }
        guard let tagStart else { return nil }
        let tag = joinedText(t, tagStart, t.count)
        // A distributor's tag or an anime file's CRC32 ("[ABCD1234]") is not who made the release.
        let isDistributor = distributorTags.contains(tag.lowercased()) || isChecksum(tag)
        return Trailing(group: isDistributor ? nil : tag, firstIndex: tagStart, hyphenated: false)
    }

    /// "x264-GRP [1080p]", "HEVC-GRP (1080p x265)": a bracket of release details after "-GROUP" (some indexers append
    /// them); the group stays, and the details are read with the rest.
    private static func detailsAfterGroup(_ t: [ReleaseToken], _ j: Int, _ last: Int, start: Int) -> Trailing? {
        guard j > start + 2, last - j < 4, t[j].gap.hasPrefix(" "), t[j - 1].gap == "-", !t[j - 1].inBrackets,
              t[j...last].allSatisfy({ VideoAttributes.single[$0.lower]?.1 == true || GluedAttributes.match([$0], at: 0) != nil })
                || allJargon(t, j, last) && jargon(t, endingAt: j - 1) != nil,
              let group = hyphenGroup(t[j - 1], start: start, index: j - 1), !completesJargon(t, j - 1),
              !isTitleHyphenAfterFansub(t, j - 1, start: start) else { return nil }
        return Trailing(group: group, firstIndex: j - 1, hyphenated: true, detailsAfter: j..<(last + 1))
    }

    /// "x264-GRP [TGx] [1080p]", "-GRP [eztv] (1080p x265)": a bracket of release details after a distributor's tag that follows
    /// "-GROUP" (an indexer appends both); the details' range, read as attributes, or nil for any other shape.
    private static func detailsAfterDistributor(_ t: [ReleaseToken], start: Int) -> Range<Int>? {
        let last = t.count - 1
        var j = last
        while j > start, t[j].inBrackets, !opensBracket(t[j].gap) { j -= 1 }
        // (A cheap look at the tag's last word first: most names ending in a bracket end in a checksum or a tag alone.)
        guard j > start + 3, last - j < 4, t[j - 1].inBrackets,
              distributorTags.contains(t[j - 1].lower) || topLevelDomains.contains(t[j - 1].lower), allJargon(t, j, last),
              (j...last).contains(where: { VideoAttributes.match(t, at: $0)?.strong == true }) else { return nil }
        let tag = runStart(t, j - 1, start)
        guard tag > start + 1, isDistributorRun(t, tag, j - 1), hyphenGroup(t[tag - 1], start: start, index: tag - 1) != nil else { return nil }
        return j..<(last + 1)
    }

    /// "[REPACK]", "[10bit]", "[5.1]": a bracket wholly of release jargon, weak words included — taken as details only after
    /// "codec-GROUP", where a title's hyphenated word ("X-Men [Remastered]") cannot be.
    private static func allJargon(_ t: [ReleaseToken], _ j: Int, _ last: Int) -> Bool {
        var k = j
        while k <= last {
            guard let m = VideoAttributes.match(t, at: k), m.end <= last + 1 else { return false }
            k = m.end
        }
        return true
    }

    /// "DVD-R", "WEB-Cap", "DVB-S", "X-vid": two short words a hyphen joins into one piece of jargon (short words only, so
    /// the common "x264-GROUP" skips the lookup).
    private static func completesJargon(_ t: [ReleaseToken], _ last: Int) -> Bool {
        guard t[last].gap == "-", t[last].lower.utf8.count <= 3, t[last - 1].lower.utf8.count <= 3 else { return false }
        return VideoAttributes.match(t, at: last - 1).map({ $0.end > last }) == true
    }

    /// "x264-Bernd_Lauert", "MacOS-I_KnoW": a group whose words an underscore joins, in a name that does not use underscores
    /// as its separators.
    private static func underscoredGroup(_ t: [ReleaseToken], last: Int, start: Int) -> Trailing? {
        guard t[last].gap == "_", last - 1 > start, !t[last].isNumber, !isJargon(t[last]), !notGroups.contains(t[last].lower),
              let first = hyphenGroup(t[last - 1], start: start, index: last - 1),
              !t[start..<(last - 1)].contains(where: { $0.gap.has("_") }) else { return nil }
        return Trailing(group: first + "_" + t[last].text, firstIndex: last - 1, hyphenated: true)
    }

    /// "(720p)(Multiple Subtitle)-Erai-raws", "DTS-HD.MA.5.1-SnOoP-UPR": a two-part group right after a closing bracket
    /// or after a channel layout, whose digits the first part cannot belong to.
    private static func twoPartAfterDetails(_ t: [ReleaseToken], _ first: Int) -> Bool {
        let gap = t[first].gap
        if gap.count >= 2, gap.hasSuffix("-"), let opening = gap.first, opening == ")" || opening == "]" { return true }
        guard gap == "-", let m = jargon(t, endingAt: first) else { return false }
        // (After a codec, "H.264-SC-SDH", the first part may be the group and the second a tag.)
        if case .channels = m.meaning { return true }
        return m.channels != nil
    }

    /// "Title - 01 [DGz][7A8A7769]", "Title - 05 (Central Anime) [BD841253]": an anime file names its group in the
    /// bracket right before its CRC32.
    private static func groupBeforeChecksum(_ t: [ReleaseToken], last: Int, start: Int) -> Trailing? {
        guard last > start + 2, t[last].inBrackets, opensBracket(t[last].gap), isChecksum(t[last].text), t[last - 1].inBrackets else { return nil }
        var j = last - 1
        while j > start, t[j].inBrackets, !opensBracket(t[j].gap) { j -= 1 }
        guard j > start + 1, last - 1 - j < 3, t[j].inBrackets, !t[j...(last - 1)].contains(where: { isJargon($0) || $0.isNumber }),
              EpisodePatterns.match(t, at: j) == nil, !(j..<last).contains(where: { VideoAttributes.match(t, at: $0) != nil }) else { return nil }
        let tag = joinedText(t, j, last)
        return distributorTags.contains(tag.lowercased()) ? nil : Trailing(group: tag, firstIndex: j, hyphenated: false)
    }

    private static let codecWords: Set<String> = ["x264", "h264", "264", "x265", "h265", "265", "xvid", "hevc", "avc", "divx"]

    /// Scene flags that may sit right before "-GROUP": "PROOFFIX-OUTLAWS" is the group OUTLAWS.
    static let sceneTags: Set<String> = ["prooffix", "proof", "preair", "nlsubs", "upscaled", "dirfix", "nfofix", "subfix", "syncfix", "rerip"]

    /// "DivX.by.Artik[SEDG]", "Sub Ita Eng by SnakeSPL MIRCrew", "DLMux By Pir8 [CURA] Supereroi": the release credits who
    /// made it with "by" right after its jargon (Spanish and Italian releases; seen in guessit's movies.yml and episodes.yml,
    /// dreulavelle/PTT's and platelminto/parse-torrent-title's test names). The name is the word after "by", or the two
    /// words that end the name ("By GiuseppeTnT Littlelinx"); a bracket or a posting crew ("MIRCrew") after it is not theirs.
    private static func creditedGroup(_ t: [ReleaseToken], last: Int, start: Int) -> Trailing? {
        guard last - start > 3 else { return nil }
        for k in stride(from: last - 1, through: max(start + 2, last - 6), by: -1) {
            let b = t[k].lower.utf8
            guard b.count == 2, b.first == UInt8(ascii: "b"), b.last == UInt8(ascii: "y") else { continue }
            let name = t[k + 1]
            guard !t[k].inBrackets, !name.inBrackets, isJargon(t[k - 1]), !isJargon(name), !name.isNumber,
                  name.gap == " " || name.gap == "." || name.gap == "_" else { return nil }
            var end = k + 1
            // "by sp_54321": an underscore joins a name's parts in a name spaced otherwise.
            while end < last, t[end + 1].gap == "_", !t[end + 1].inBrackets, name.gap != "_" { end += 1 }
            if end + 1 == t.count - 1, last == t.count - 1, !t[last].inBrackets, t[last].gap == " " || t[last].gap == name.gap, !isJargon(t[last]),
               !t[last].lower.hasSuffix("crew") {
                end += 1
            }
            return Trailing(group: joinedText(t, k + 1, end + 1), firstIndex: k, hyphenated: false)
        }
        return nil
    }

    /// "720p.HDTV.x264.CZ-SDTV", "WebUHD.x264-UHDTV": a group named like a source, after the hyphen that ends a name which has
    /// already stated its source (a name does not state it twice; guessit's episodes.yml names both groups).
    private static func sourceNamedGroup(_ t: [ReleaseToken], last: Int, start: Int) -> Trailing? {
        guard t[last].gap == "-", last == t.count - 1, last > start + 2, !t[last - 1].inBrackets, !completesJargon(t, last),
              let m = VideoAttributes.match(t, at: last), m.end == last + 1, case .source = m.meaning else { return nil }
        let earlier = VideoNameParser.scan(t, from: start, to: last - 1).contains {
            if case .source = $0.meaning { return $0.strong }
            return false
        }
        return earlier ? Trailing(group: t[last].text, firstIndex: last, hyphenated: true) : nil
    }

    private static let postedFileExtensions: Set<String> = ["mkv", "avi", "mp4", "m4v", "wmv", "mpg", "rar", "par2", "nzb", "nfo", "sfv"]

    /// Where a posted file's extension follows "-GROUP" before the end of the name ("-GROUP.mkv.vol003+04.PAR2...").
    private static func fileTail(_ t: [ReleaseToken], start: Int) -> Int? {
        guard t.count - start > 4 else { return nil }
        for k in (start + 3)..<(t.count - 1) where t[k].gap == "." && !t[k].inBrackets {
            let n = t[k].lower.utf8.count
            guard n >= 3, n <= 6 else { continue }
            // "-GRP.part01.rar": a multi-part archive's part number before its extension.
            let partOfArchive = n > 4 && t[k].lower.hasPrefix("part") && t[k + 1].lower == "rar" && t[k + 1].gap == "."
            guard partOfArchive || n <= 4 && postedFileExtensions.contains(t[k].lower),
                  hyphenGroup(t[k - 1], start: start, index: k - 1) != nil, jargon(t, endingAt: k - 1) != nil else { continue }
            return k
        }
        return nil
    }

    /// Where an unbracketed web address ("www.divx-overnet.com"), with the credit word before it ("par", "by"), starts after
    /// "-GROUP"; nil when no "www" opens it or no group precedes it.
    private static func siteTail(_ t: [ReleaseToken], last: Int, start: Int) -> Int? {
        guard let www = stride(from: last - 1, through: max(start + 3, last - 5), by: -1).first(where: { t[$0].lower == "www" && !t[$0].inBrackets })
        else { return nil }
        let credited = ["par", "by", "from", "pour", "for"].contains(t[www - 1].lower) && !t[www - 1].inBrackets
        let first = credited ? www - 1 : www
        return hyphenGroup(t[first - 1], start: start, index: first - 1) != nil ? first : nil
    }

    /// "[2011-09-19]", "(2011.09.19)": a whole bracket holding one date, year first.
    private static func isBracketedDate(_ t: [ReleaseToken], _ j: Int, _ last: Int) -> Bool {
        guard last - j == 2, opensBracket(t[j].gap), let y = t[j].number, let m = t[j + 1].number, let d = t[j + 2].number,
              t[j].lower.utf8.count == 4, t[j + 1].gap == t[j + 2].gap, t[j + 1].gap == "-" || t[j + 1].gap == "." else { return false }
        return (1900...2099).contains(y) && (1...12).contains(m) && (1...31).contains(d)
    }

    /// "XviD.CD1-GRP", "DVDRip.Disc2-GRP": which disc of a multi-disc release this file is; never a group's first part.
    private static func isDiscPart(_ w: String) -> Bool {
        let b = Array(w.utf8)
        guard b.count >= 3, b.count <= 6, let last = b.last, last >= 48, last <= 57 else { return false }
        let letters = b.prefix(while: { $0 >= 97 && $0 <= 122 })
        guard b.dropFirst(letters.count).allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return ["cd", "disc", "disk", "dvd", "part"].contains(String(decoding: letters, as: UTF8.self))
    }

    /// "448kbps-ALANiS", "320Kbps-GRP": an audio bit rate before the group's hyphen is jargon, never the group's first part.
    private static func isBitrate(_ w: String) -> Bool {
        guard let first = w.utf8.first, first >= 48, first <= 57, w.utf8.count >= 5, w.hasSuffix("kbps") || w.hasSuffix("mbps") else { return false }
        return w.utf8.dropLast(4).allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// "[RlsGrp] Series Title - S01E27 - 24-Hour", "[Grp] Title - 013 VF - Non-censuré [720p]": in a name that opens with a fansub's
    /// "[Group]", a hyphen with no release jargon anywhere before it joins the words of an episode's name (Sonarr reads the
    /// leading bracket as the group of such names); "[Grp] Title.S01.1080p.BluRay-RlsGrp" keeps its "-GROUP".
    private static func isTitleHyphenAfterFansub(_ t: [ReleaseToken], _ last: Int, start: Int) -> Bool {
        guard start > 0, t[0].inBrackets, t[0].gap.hasSuffix("["), t[last].gap == "-", !t[last - 1].inBrackets else { return false }
        return !VideoNameParser.scan(t, from: start, to: last).contains {
            if case .episode = $0.meaning { return false }
            return $0.strong
        }
    }

    /// "x264-GRP-HD": a group whose name ends in "-HD" after the codec's hyphen (Sonarr's and Radarr's ReleaseGroupRegex read
    /// "GRP-HD" as a two-part group, as they read "-GRP-SD"); "HD" alone is jargon and no group, and "DTS-HD", "WEB-HD" stay jargon.
    private static func hdSuffixedGroup(_ t: [ReleaseToken], last: Int, start: Int) -> Trailing? {
        guard last == t.count - 1, last - 2 > start, t[last].gap == "-", t[last].lower == "hd", !t[last - 1].inBrackets,
              t[last - 1].gap == "-" || t[last - 1].gap == ".-", let first = hyphenGroup(t[last - 1], start: start, index: last - 1),
              isJargon(t[last - 2]) || jargon(t, endingAt: last - 1) != nil else { return nil }
        return Trailing(group: first + "-" + t[last].text, firstIndex: last - 1, hyphenated: true)
    }

    /// "H265 MP4-BEN THE MEN", "H.264-EML HDTeam", "H264-BEN.THE.MEN": a group of two or three words after the
    /// last hyphen, right after a codec or a container.
    private static func spacedGroup(_ t: [ReleaseToken], last: Int, start: Int) -> Trailing? {
        guard !t[last].inBrackets, last - start > 3 else { return nil }
        for k in stride(from: last - 1, through: max(start + 2, last - 2), by: -1) where t[k].gap == "-" || t[k].gap == " -" {
            let words = t[k...last]
            guard words.dropFirst().allSatisfy({ $0.gap == " " || $0.gap == "." }),
                  !words.contains(where: { $0.isNumber || isJargon($0) || notGroups.contains($0.lower) }),
                  let m = jargon(t, endingAt: ["mp4", "mkv"].contains(t[k - 1].lower) ? k - 1 : k), m.strong || isCodec(m) else { return nil }
            return Trailing(group: joinedText(t, k, last + 1), firstIndex: k, hyphenated: true)
        }
        return nil
    }

    /// The attribute that ends right before `end` ("H.264" is two tokens), if any.
    private static func jargon(_ t: [ReleaseToken], endingAt end: Int) -> AttributeMatch? {
        for s in stride(from: end - 1, through: max(0, end - 3), by: -1) {
            if let m = VideoAttributes.match(t, at: s), m.end == end { return m }
        }
        return nil
    }

    private static func isCodec(_ m: AttributeMatch) -> Bool {
        if case .codec = m.meaning { return true }
        return false
    }

    /// Suffixes that usenet reposters append after the real group.
    static let uploadSuffixes: Set<String> = [
        "pre", "postbot", "xpost", "rp", "obfuscated", "obfuscation", "sample", "scrambled", "whiterev", "buymore",
        "asrequested", "alternativetorequested", "gerov", "z0ids3n", "chamele0n", "4p", "4planet", "altezachen",
        "repackpost", "nzbgeek", "nzbget", "rakuvus", "rakuvfinhel",
    ]

    /// Revision and scene flags that are never a group's name (guessit files them as `other`; Sonarr's QualityParser.cs
    /// reads "proper", "repack", "rerip" and "real" anywhere in a name).
    private static let flagsAfterGroup: Set<String> = ["proper", "repack", "rerip", "real", "internal", "readnfo", "dirfix", "nfofix"]

    private static func isUploadSuffix(_ t: [ReleaseToken], _ i: Int) -> Bool {
        let w = t[i].lower
        let previous = t[i - 1]
        // "….mkv-xpost": a reposter's tag never names the group, whatever comes before it.
        // "-GRP - Obfuscated", "-GRP_postbot": the same tag after a spaced dash or an underscore.
        if t[i].gap == "-" || t[i].gap == " - " || t[i].gap == "_", w.count > 4, uploadSuffixes.contains(w) || w.hasPrefix("rakuv") { return true }
        guard previous.gap.hasSuffix("-"), !previous.inBrackets, !previous.isNumber, !isJargon(previous),
              !notGroups.contains(previous.lower) else { return false }
        if t[i].gap == "-" {
            // "-GRP-RARBG": a distributor's tag after the group, as "[rarbg]" is.
            if uploadSuffixes.contains(w) || w.hasPrefix("rakuv") || (t[i].isNumber && w.count <= 2) || distributorTags.contains(w) && w != "xvid" {
                return true
            }
            // "-GRP-Proper", "-GRP-REPACK", "-GRP-iNTERNAL": a scene flag after the group's name is no second part of it.
            if flagsAfterGroup.contains(w) { return true }
            // "-HiS@SiLUHD-English", "-GRP-Subs", "-GRP-ITA": the release's languages after the group's name.
            return (isLanguageTailWord(w) || w == "sub") && !isJargon(t[i - 1]) && !isLanguageTailWord(t[i - 1].lower)
        }
        // "-SKGTV English", "-SKGTV.English", "-HiS@SiLUHD-English"
        if [" ", ".", "_", "-"].contains(t[i].gap), case .language? = VideoAttributes.single[w]?.0 { return true }
        // "-rovers.proof", "-demand.sample": a scene file's kind after its group.
        if t[i].gap == "." || t[i].gap == "_", i == t.count - 1, ["proof", "sample", "nfo", "subs"].contains(w) { return true }
        return false
    }

    /// Where a run of language words after "-GROUP" starts: it opens with a spaced dash, and holds only languages, "Dual
    /// Audio" and dub or subtitle words joined by separators ("+" too).
    private static func languageTailStart(_ t: [ReleaseToken], last: Int, start: Int) -> Int? {
        // (Most names end "-GROUP": a hyphen before the last word skips the lookups.)
        guard last > start + 3, t[last].gap != "-", !t[last].inBrackets, isLanguageTailWord(t[last].lower) else { return nil }
        var k = last
        while k > start + 2, isLanguageTailWord(t[k].lower), !t[k].inBrackets,
              t[k].gap.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "_") }) {
            if t[k].gap == " - ", !isLanguageTailWord(t[k - 1].lower) {
                return hyphenGroup(t[k - 1], start: start, index: k - 1) != nil && jargon(t, endingAt: k - 1) != nil ? k : nil
            }
            k -= 1
        }
        return nil
    }

    private static let languageTailWords: Set<String> = ["dual", "audio", "dublado", "dubbed", "dub", "legendado", "legendas", "legenda",
                                                          "subbed", "subs", "multisub", "multi"]

    private static func isLanguageTailWord(_ w: String) -> Bool {
        if languageTailWords.contains(w) { return true }
        if case .language? = VideoAttributes.single[w]?.0 { return true }
        return false
    }

    /// "[sharethefiles.com]": a web address in brackets, never who made the release.
    private static func isSiteAddress(_ t: [ReleaseToken], _ from: Int, _ to: Int) -> Bool {
        // YTS names its encodes by its domain ("[YTS.MX]"): that one is the group.
        to > from && t[to].dotJoined && topLevelDomains.contains(t[to].lower) && t[from].gap.hasSuffix("[") && t[from].lower != "yts"
    }

    private static func runStart(_ t: [ReleaseToken], _ last: Int, _ start: Int) -> Int {
        var j = last
        while j > start, last - j < 3, t[j].inBrackets, !opensBracket(t[j].gap) { j -= 1 }
        return j
    }

    /// "[eztv]", "[rarbg.com]", "[PublicHD]": a distributor's tag or a web address.
    private static func isDistributorRun(_ t: [ReleaseToken], _ from: Int, _ to: Int) -> Bool {
        let text = joinedText(t, from, to + 1).lowercased()
        if distributorTags.contains(text) { return true }
        return to > from && t[to].dotJoined && topLevelDomains.contains(t[to].lower)
    }

    private static func hyphenGroup(_ token: ReleaseToken, start: Int, index: Int) -> String? {
        // "...[AAC 2.0] - GROUP": closing brackets before the hyphen do not matter.
        let gap = token.gap.drop(while: { $0 == "]" || $0 == ")" || $0 == "}" })
        guard index > start, !token.inBrackets, gap.hasSuffix("-") || gap == "- " || gap == " - " || gap == ".-." else { return nil }
        let w = token.lower
        guard !notGroups.contains(w), !token.isNumber, !isJargon(token), !SizeWords.isSize([token], at: 0),
              EpisodePatterns.episodeToken(w) == nil, EpisodePatterns.splitSE(w) == nil,
              // "Title_-_01_-_720p_-_E83AD672": an anime file's CRC32; "Title - 01v2": a versioned episode.
              !isChecksum(token.text), AbsoluteEpisodes.versioned(w) == nil, !isIMDbID(w), !isFrameRate(w) else { return nil }
        return token.text
    }

    /// A token that is release jargon ("[1080p]", "[DVD]", "[FLAC]") or a year is never a tag or a group.
    static func isJargon(_ token: ReleaseToken) -> Bool {
        ReleaseYears.year(token) != nil || VideoAttributes.single[token.lower] != nil || MusicAttributes.formats[token.lower] != nil
            || MusicAttributes.sources[token.lower] != nil || GluedAttributes.match([token], at: 0) != nil
    }

    /// "19.1mbits - 120fps", "-60fps": a frame rate (guessit's "[HorribleSubs] Overlord II - 01 [1080p] 19.1mbits - 120fps").
    private static func isFrameRate(_ w: String) -> Bool {
        let b = w.utf8
        guard b.count >= 4, let first = b.first, first >= 48, first <= 57, b.last == UInt8(ascii: "s") else { return false }
        return w.hasSuffix("fps") && b.dropLast(3).allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// "-tt1234567": an IMDb id (Radarr's parser refuses it as a group too).
    private static func isIMDbID(_ w: String) -> Bool {
        let b = w.utf8
        guard b.count == 9 || b.count == 10, w.hasPrefix("tt") else { return false }
        return b.dropFirst(2).allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    static func isChecksum(_ text: String) -> Bool {
        text.utf8.count == 8 && text.allSatisfy(\.isHexDigit) && text.contains(where: \.isNumber)
    }

    static func opensBracket(_ gap: String) -> Bool { gap.has("[") || gap.has("(") || gap.has("{") }

    /// The original text of tokens [from, to) with their separators, e.g. "YTS.MX".
    static func joinedText(_ t: [ReleaseToken], _ from: Int, _ to: Int) -> String {
        var text = t[from].text
        for k in (from + 1)..<max(from + 1, to) { text += t[k].gap + t[k].text }
        return ReleaseNameInput.trimSpaces(text)
    }
}
