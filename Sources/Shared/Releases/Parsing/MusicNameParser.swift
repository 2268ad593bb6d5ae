import Foundation

/// Reads a music release name: "Artist - Album (2017) [FLAC 24bit-96kHz]",
/// "Artist_Name-Album_Name-WEB-2020-GROUP", "Artist.-.Album.2008.MP3.320kbps",
/// "Artist - Discography (1990-2020) [FLAC]". Artist and album are split on the first spaced
/// dash (" - ", "_-_", ".-."), or on plain hyphens for scene names that have no spaced one.
enum MusicNameParser {
    static func parse(_ tokens: [ReleaseToken], name: String) -> ParsedRelease {
        var release = ParsedRelease()
        release.kind = .music
        guard !tokens.isEmpty else { return release }
        let lead = ReleaseGroupParser.leading(tokens)
        var start = lead.titleStart
        // "(2019) Artist - Album": a year in front dates the release.
        var leadingYear = lead.year
        // "(Heavy Metal) [CD] Artist - Album - 2017, FLAC": a genre and a media tag before the artist; "[2019] Artist - Album": a year.
        if start > 0, tokens[0].inBrackets, start == 1, let year = ReleaseYears.year(tokens[0]) { leadingYear = leadingYear ?? year }
        for _ in 0..<3 where start < tokens.count && tokens[start].inBrackets {
            guard let end = ReleaseGroupParser.bracketRunEnd(tokens, from: start), end < tokens.count, !tokens[end].inBrackets || end - start <= 4
            else { break }
            if end == start + 1, let year = ReleaseYears.year(tokens[start]) { leadingYear = leadingYear ?? year }
            start = end
        }
        let scene = !tokens.dropFirst(start + 1).contains(where: isSpacedDash)
        let tail = scene ? ReleaseGroupParser.trailing(tokens, from: start) : unspacedGroup(tokens, from: start)
        let end = (tail?.hyphenated == true ? tail?.firstIndex : nil) ?? tokens.count
        let matches = scan(tokens, from: start, to: end)
        for m in matches { apply(m.meaning, to: &release) }
        // "[FLAC] Artist - Album", "[MP3 320] Artist - Album": the format in a bracket in front.
        for m in scan(tokens, from: 0, to: start, firstIsArtist: false) where tokens[m.index].inBrackets { apply(m.meaning, to: &release) }
        // "FLAC24bit", "FLAC24-44.1": the format glued to its bit depth.
        if release.bitDepth == nil, release.audioFormat == nil || release.audioFormat == .flac,
           let glued = tokens[start..<end].first(where: { $0.lower.hasPrefix("flac") && ($0.lower.dropFirst(4).hasPrefix("24") || $0.lower.dropFirst(4).hasPrefix("16")) }) {
            release.audioFormat = .flac
            release.bitDepth = Int(glued.lower.dropFirst(4).prefix(2))
        }
        // "[TR24][OF] Artist - Album": a tracker's tag in front for 24-bit FLAC.
        if tokens[0].lower == "tr24", tokens[0].inBrackets {
            release.audioFormat = release.audioFormat ?? .flac
            release.bitDepth = release.bitDepth ?? 24
        }
        // A bitrate alone means MP3: that is what 320/V0/192 releases are.
        if release.audioFormat == nil, release.bitrate != nil { release.audioFormat = .mp3 }
        // "Artist-Album-WEB-2022-GRP": a scene WEB release names its format only when it is not MP3 ("-WEB-FLAC-"), the
        // scene's music default (Lidarr's QualityParser.cs reads a WEB release without a codec as MP3 too).
        if release.audioFormat == nil, scene, release.musicSource == "WEB", tail?.hyphenated == true { release.audioFormat = .mp3 }
        if tail?.hyphenated == true { release.group = tail?.group }

        // Noise and "Collection"-like words may sit inside an album title; the rest ends it.
        let metaStart = matches.first(where: { ![.noise, .discography].contains($0.meaning) })?.index ?? end
        let split = (start + 1..<metaStart).first { isSplit(tokens, $0, depth: tokens[start].bracketDepth, scene: scene) }
            ?? discographySplit(tokens, from: start, matches: matches)
        // "Artist-2007-Album-GROUP", "Artist - 2007 - Album": a year between artist and album.
        let yearFirst = split.map { yearBetween(tokens, at: $0, end: end, scene: scene) } == true
        let albumStart = yearFirst ? split! + 1 : split
        let yearIndex = yearFirst ? split : findYear(tokens, from: split ?? start, to: end, matches: matches)
        if let yearIndex { release.year = tokens[yearIndex].number }
        if release.year == nil { release.year = leadingYear }
        let albumEnd = albumEnd(tokens, from: albumStart ?? start, limit: yearFirst ? metaStart : min(metaStart, yearIndex ?? metaStart), scene: scene)
        if let split, let albumStart {
            release.artist = text(tokens, name: name, start, split)
            let album = text(tokens, name: name, albumStart, albumEnd)
            // "Artist - Complete Discography": the album is "Discography", as Lidarr names it; the title is the artist.
            let wholeWork = release.discography && isDiscographyWord(album)
            release.album = album.isEmpty ? nil : wholeWork ? "Discography" : album
            release.title = [release.artist, wholeWork ? nil : release.album].compactMap { $0 }.joined(separator: " - ")
        } else {
            release.title = text(tokens, name: name, start, albumEnd)
        }
        if release.title.isEmpty, let artist = release.artist { release.title = artist }
        return release
    }

    /// Whether the year at `j` sits between artist and album: "Artist-2007-Album-GROUP" (scene),
    /// "Artist - 2007 - Album" (a spaced dash on both sides).
    static func yearBetween(_ t: [ReleaseToken], at j: Int, end: Int, scene: Bool) -> Bool {
        guard ReleaseYears.year(t[j]) != nil, j + 1 < end else { return false }
        return scene ? j + 2 < end && t[j + 1].hyphenJoined : isSpacedDash(t[j + 1]) && !t[j].inBrackets
    }

    /// "Artist Discography 1990-2010 [FLAC]", "Artist Complete Discography": without a dash, the artist
    /// is what comes before the discography words.
    private static func discographySplit(_ t: [ReleaseToken], from start: Int, matches: [MusicAttributes.Match]) -> Int? {
        guard let first = matches.first, first.meaning == .discography, first.index > start, !t[first.index].inBrackets,
              t[first.index].lower.hasPrefix("disc") || t[first.index].lower.hasPrefix("disk") else { return nil }
        var j = first.index
        if j - 1 > start, t[j - 1].lower == "complete" || t[j - 1].lower == "the" { j -= 1 }
        if j - 1 > start, t[j - 1].lower == "the" { j -= 1 }
        return j
    }

    /// "Artist_-_Album-(WEB)-2018-GROUP": with a spaced dash, still a group glued by a bare hyphen
    /// right after the year.
    private static func unspacedGroup(_ t: [ReleaseToken], from start: Int) -> ReleaseGroupParser.Trailing? {
        guard let tail = ReleaseGroupParser.trailing(t, from: start), tail.hyphenated, tail.firstIndex == t.count - 1,
              tail.firstIndex > start + 2, t[tail.firstIndex].gap == "-", ReleaseYears.year(t[tail.firstIndex - 1]) != nil else { return nil }
        return tail
    }

    /// The music jargon between `from` and `to`. The first word is the artist's, even "Vinyl" or "Collection",
    /// unless the caller says the range opens with something else (the brackets in front of the artist).
    static func scan(_ t: [ReleaseToken], from: Int, to: Int, firstIsArtist: Bool = true) -> [MusicAttributes.Match] {
        var matches: [MusicAttributes.Match] = []
        var i = firstIsArtist ? from + 1 : from
        while i < to {
            if let m = MusicAttributes.match(t, at: i), m.end <= to { matches.append(m); i = m.end } else { i += 1 }
        }
        return matches
    }

    static func apply(_ meaning: MusicAttributes.Meaning, to r: inout ParsedRelease) {
        switch meaning {
        case .format(let f): if r.audioFormat == nil { r.audioFormat = f }
        case .bitrate(let b): if r.bitrate == nil { r.bitrate = b }
        case .vbr(let v):
            if r.vbrPreset == nil { r.vbrPreset = v }
            if r.audioFormat == nil { r.audioFormat = .mp3 }
        case .sampleRate(let s): if r.sampleRate == nil { r.sampleRate = s }
        case .bitDepth(let d): if r.bitDepth == nil { r.bitDepth = d }
        case let .depthAndRate(d, s):
            if r.bitDepth == nil { r.bitDepth = d }
            if r.sampleRate == nil { r.sampleRate = s }
        case .source(let s): if r.musicSource == nil { r.musicSource = s }
        case .discography: r.discography = true
        case .proper: r.proper = true
        case .repack: r.repack = true
        case .noise, .releaseType: break
        }
    }

    /// Where artist and album part: a spaced dash, or in scene names a plain hyphen — but never
    /// inside brackets the artist is not in, or between two numbers ("(1981-1987)").
    private static func isSplit(_ t: [ReleaseToken], _ j: Int, depth: Int, scene: Bool) -> Bool {
        guard t[j].bracketDepth <= depth, !(t[j].isNumber && t[j - 1].isNumber) else { return false }
        return isSpacedDash(t[j]) || (scene && t[j].hyphenJoined)
    }

    /// " - ", "_-_", ".-.", " -- ": a dash with other separators around it.
    static func isSpacedDash(_ token: ReleaseToken) -> Bool {
        let gap = token.gap
        // Only spaces, underscores or dots around the dash: ")-2009" is a scene separator, not a spaced one.
        return gap.count >= 2 && gap.has("-") && gap.allSatisfy { $0 == "-" || $0 == " " || $0 == "_" || $0 == "." }
            && gap.contains(where: { $0 != "-" })
    }

    private static func findYear(_ t: [ReleaseToken], from: Int, to: Int, matches: [MusicAttributes.Match]) -> Int? {
        guard from + 1 < to else { return nil }
        let years = ((from + 1)..<to).filter { j in ReleaseYears.year(t[j]) != nil && !matches.contains(where: { $0.index <= j && j < $0.end }) }
        // "Live North America 2016 (2017)": a bare year followed by a bracketed one, alone in its bracket, belongs to the
        // album ("Album.2005.[2016.Remastered]" is a 2005 album remastered).
        func alone(_ j: Int) -> Bool { t[j].inBrackets && (j + 1 == t.count || !t[j + 1].inBrackets || ReleaseGroupParser.opensBracket(t[j + 1].gap)) }
        if let first = years.first, !t[first].inBrackets, let bracketed = years.dropFirst().first(where: alone),
           !t[(first + 1)..<bracketed].contains(where: { isSpacedDash($0) || $0.hyphenJoined }) { return bracketed }
        return years.first
    }

    /// The album runs to the first bracket, spaced dash, hyphen (scene names), year or jargon.
    private static func albumEnd(_ t: [ReleaseToken], from: Int, limit: Int, scene: Bool) -> Int {
        guard from + 1 < limit else { return max(from + 1, min(limit, t.count)) }
        for j in (from + 1)..<limit {
            let gap = t[j].gap
            // "VA - Clubland - The Ultimate Ride": a spaced dash inside the album, unless a year or number follows it.
            let endsAlbum = isSpacedDash(t[j]) && t[j].isNumber
            if ReleaseGroupParser.opensBracket(gap) || endsAlbum || (scene && t[j].hyphenJoined) { return j }
        }
        return limit
    }

    private static func isDiscographyWord(_ text: String) -> Bool {
        text.split(separator: " ").allSatisfy { MusicAttributes.discographyWords.contains($0.lowercased()) || ["complete", "completa", "completo", "komplett", "the"].contains($0.lowercased()) }
    }

    private static func text(_ t: [ReleaseToken], name: String, _ from: Int, _ to: Int) -> String {
        TitleCleaner.text(t, in: name, from: from, to: to)
    }
}
