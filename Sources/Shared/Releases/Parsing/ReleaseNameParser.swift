import Foundation

/// The release-name parser (spec: Release Name Parser). Pure, allocation-light and linear in
/// the length of the name: it never throws, never crashes and finishes fast on any string.
public enum ReleaseNameParser {
    /// What the caller knows about the name. `auto` reads it as video unless only music jargon
    /// (FLAC, 320kbps, 24bit, Vinyl...) is found.
    public enum Hint: String, Sendable, CaseIterable {
        case auto, video, music
    }

    public static func parse(_ name: String, hint: Hint = .auto) -> ParsedRelease {
        var release: ParsedRelease
        var fileName = name
        if let parts = ReleasePath.components(name) {
            fileName = parts[parts.count - 1]
            let file = parseName(fileName, hint: hint)
            let folders = parts.dropLast().reversed().map { parseName($0, hint: hint) }
            release = ReleasePath.merge(file, fileName: fileName, folders: Array(folders))
        } else {
            release = parseName(name, hint: hint)
        }
        if hint != .music { SpacedCompactEpisodes.apply(&release, fileName: fileName) }
        impliedSeason(&release, name: name)
        return release
    }

    /// A mini-series' "E04" (no season anywhere, folders included) is season 1's episode 4, as "Part 4" is;
    /// fansub names count episodes from the series' start instead.
    private static func impliedSeason(_ r: inout ParsedRelease, name: String) {
        guard r.seasons.isEmpty, !r.episodes.isEmpty, r.airDate == nil, r.group.map({ name.hasPrefix("[" + $0) || name.range(of: "] [" + $0 + "]") != nil || name.range(of: " - [" + $0 + "]") != nil }) != true else { return }
        r.seasons = [1]
        r.season = 1
    }

    static func parseName(_ name: String, hint: Hint) -> ParsedRelease {
        let normalized = ReleaseNameInput.normalize(name)
        let tokens = ExtrasMarkers.beforeBonus(ReleaseTokenizer.tokenize(normalized))
        switch hint {
        case .video: return VideoNameParser.parse(tokens, name: normalized)
        case .music: return MusicNameParser.parse(tokens, name: normalized)
        case .auto:
            // A file's extension settles it: "….mkv" is video, "….flac" music.
            let ext = ReleaseNameInput.fileExtension(name)
            if let ext, ReleaseNameInput.audioExtensions.contains(ext) { return MusicNameParser.parse(tokens, name: normalized) }
            let video = VideoNameParser.parse(tokens, name: normalized)
            if ext == "m2ts" { return discStream(video) }
            if let ext, ReleaseNameInput.videoExtensions.contains(ext) { return video }
            return looksLikeMusic(tokens, video: video) ? MusicNameParser.parse(tokens, name: normalized) : video
        }
    }

    /// ".m2ts" is a Blu-ray disc's stream file: its source when the name states none.
    private static func discStream(_ video: ParsedRelease) -> ParsedRelease {
        guard video.source == .unknown else { return video }
        var r = video
        r.source = .bluray
        r.sourceTag = "M2TS"
        return r
    }

    /// Spec name: a movie or TV release.
    public static func parseReleaseName(_ name: String) -> ParsedRelease { parse(name, hint: .video) }

    /// Spec name: a music release.
    public static func parseMusicRelease(_ name: String) -> ParsedRelease { parse(name, hint: .music) }

    /// "Artist - Title (Single) (2020)", "Artist - Title [EP]": a record's release type alone in its bracket, after the
    /// spaced dash between artist and title.
    private static func bracketedReleaseType(_ t: [ReleaseToken]) -> Bool {
        guard let dash = t.firstIndex(where: MusicNameParser.isSpacedDash), dash > 0 else { return false }
        return t[dash...].indices.contains { j in
            t[j].inBrackets && bracketedReleaseTypes.contains(t[j].lower) && ReleaseGroupParser.opensBracket(t[j].gap)
                && (j + 1 == t.count || ReleaseGroupParser.opensBracket(t[j + 1].gap) || !t[j + 1].inBrackets)
        }
    }

    /// The release types record shops and trackers label a record with (MusicBrainz's primary and secondary types).
    private static let bracketedReleaseTypes: Set<String> = ["single", "ep", "album", "compilation", "mixtape", "soundtrack",
                                                             "ost", "remixes", "maxi", "promo", "bootleg"]

    /// Music when the name has music-only jargon and nothing that only video has.
    static func looksLikeMusic(_ tokens: [ReleaseToken], video: ParsedRelease) -> Bool {
        // An anime-style bare number ("Adele - 25") is too weak to call a name video.
        let episodic = !video.seasons.isEmpty || !video.episodes.isEmpty || video.airDate != nil
        let pictureOnly = video.resolution != nil || video.codec != nil
            || [.bluray, .hdtv, .webrip, .cam, .dvd].contains(video.source) && video.sourceTag != "BD"
        if pictureOnly { return false }
        if video.episodes.isEmpty, video.absoluteEpisodes.isEmpty, bracketedReleaseType(tokens) { return true }
        if episodic {
            // "Artist - Album (2019) [WMA 192]", "Artist - Album 2019 320": a bare number read as an episode
            // (S1E92, S3E20) is the bitrate where music names put one, when nothing says video.
            guard video.seasons.count <= 1, !tokens.contains(where: { EpisodePatterns.splitSE($0.lower) != nil }),
                  MusicNameParser.scan(tokens, from: 0, to: tokens.count).contains(where: {
                      if case .bitrate = $0.meaning { return tokens[$0.index].isNumber }
                      return false
                  }) else { return false }
            return true
        }
        if tokens.first?.lower == "tr24" { return true }   // a music tracker's tag for 24-bit FLAC
        // "[FLAC] Artist - Album": a bracket in front is not the artist, its jargon counts.
        let matches = MusicNameParser.scan(tokens, from: 0, to: tokens.count, firstIsArtist: tokens.first?.inBrackets != true)
        if matches.contains(where: { MusicAttributes.isMusicOnly($0.meaning, token: tokens[$0.index]) }) { return true }
        // "Artist - Album (2016) [AAC]": AAC is a film's audio too, but alone in its bracket, with nothing that says video, it is the album's format.
        // (Not after a fansub's "[Group]": "[Grp] Show - 05 [AAC]" is an episode.)
        if tokens.first?.inBrackets == false, matches.contains(where: { $0.meaning == .format(.aac) && tokens[$0.index].inBrackets && ReleaseGroupParser.opensBracket(tokens[$0.index].gap)
            && ($0.end == tokens.count || ReleaseGroupParser.opensBracket(tokens[$0.end].gap)) }) { return true }
        // "Artist - 2014 - Album": a year alone between spaced dashes is how music names date an album.
        if video.source == .unknown, (1..<max(1, tokens.count - 1)).contains(where: {
            MusicNameParser.isSpacedDash(tokens[$0]) && MusicNameParser.yearBetween(tokens, at: $0, end: tokens.count, scene: false)
        }) { return true }
        // Scene music: "Artist-Album-WEB-2020-GROUP" has only WEB, but also no resolution or codec
        // and hyphen-separated artist and album.
        let web = matches.contains { $0.meaning == .source("WEB") }
        // "Artist_-_Album-(WEB)-2018-GROUP": brackets and underscores may sit around the hyphens.
        let hyphens = tokens.filter { $0.gap.contains("-") }.count
        if web && video.year != nil && hyphens >= 3 { return true }
        // "Artist-Album-(Retail)-2015-GROUP": a scene name ending in -YEAR-GROUP with no video jargon at all.
        let n = tokens.count
        guard n >= 4, hyphens >= 3, video.source == .unknown else { return false }
        if tokens[n - 1].gap == "-", tokens[n - 2].gap.hasSuffix("-"), ReleaseYears.year(tokens[n - 2]) != nil { return true }
        // "Brother Ali-2007-The Undisputed Truth-FTD": Artist-YEAR-Album-GROUP, the year between two hyphens.
        return tokens[n - 1].gap == "-" && (1..<(n - 2)).contains { ReleaseYears.year(tokens[$0]) != nil && tokens[$0].gap == "-" && tokens[$0 + 1].gap == "-" }
    }
}
