import Foundation

/// File paths ("Series/Show/Season 2/Show.2x05.HDTV.XviD-0TV.avi"): the file's own name is parsed;
/// the folders above it fill in what the file name leaves out (the year of a movie folder, the
/// title, the season of a "Season 2" folder). Only a name that ends in a file extension and holds
/// a slash is a path, so "AC/DC - Back in Black" or "FLAC 24/96" stay names.
enum ReleasePath {
    static func components(_ raw: String) -> [String]? {
        // Byte checks first: this runs for every name, and Foundation's string search is slow.
        guard raw.utf8.count <= 4096, raw.has("/") || raw.has("\\") else { return nil }
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = separatedOutsideBrackets(name)
        guard parts.count >= 2 else { return nil }
        // "Movies/Title.2010.1080p", "/mnt/NAS/Show/Season 01/Ep. 02 - Name": an absolute path or a library folder
        // makes a path even without a file extension.
        let rooted = name.hasPrefix("/") || name.dropFirst().hasPrefix(":\\") || name.dropFirst().hasPrefix(":/") || libraryFolders.contains(parts[0].lowercased())
        guard rooted || ReleaseNameInput.hasFileExtension(name) || fileRepeatsFolder(parts[parts.count - 2], parts[parts.count - 1], in: name)
        else { return nil }
        // A library's own folders ("movies", "d:") name no title.
        let folders = FolderTitles.meaningful(Array(parts.dropLast().suffix(6)), fileName: parts[parts.count - 1])
            .filter { !libraryFolders.contains($0.lowercased()) && !($0.utf8.count == 2 && $0.hasSuffix(":")) }
        return Array(folders.suffix(3)) + [parts[parts.count - 1]]   // bounded: the file and up to three folders
    }

    /// The path's parts: slashes inside brackets separate release details, not folders ("Seriesless (2016/S01/WEB-DL/1080p).mkv",
    /// "Teenage Mutant Ninja Turtles (HdRip / 2014).mkv", seen in Sonarr's and parse-torrent-name's tests with an extension).
    private static func separatedOutsideBrackets(_ name: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current: [UInt8] = []
        for b in name.utf8 {
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "/"), UInt8(ascii: "\\"):
                guard depth == 0 else { break }
                if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                continue
            default: break
            }
            current.append(b)
        }
        if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
        return parts
    }

    /// "Kemono.Michi.Rise.Up/Kemono.Michi.Rise.Up.E03.1080p.WEB", "High Score Girl/[Grp] High Score Girl 2 - 01 [720p]"
    /// (seen in Medusa's tests): a release file under its show's folder, without an extension. A path when the slash is
    /// unspaced and the file's name (after a leading "[Group]") opens with the folder's whole title; "AC/DC - Back in Black"
    /// and "Title A / Title B" stay names.
    private static func fileRepeatsFolder(_ folder: String, _ file: String, in name: String) -> Bool {
        let b = Array(name.utf8)
        guard folder.utf8.count >= 4, !b.indices.contains(where: { (b[$0] == 47 || b[$0] == 92) && ($0 > 0 && b[$0 - 1] == 32 || $0 + 1 < b.count && b[$0 + 1] == 32) })
        else { return false }
        func key(_ s: Substring) -> String { FolderTitles.fold(String(s)).filter { $0 != " " } }
        var rest = Substring(file)
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { rest = rest[rest.index(after: close)...] }
        let f = key(Substring(folder)), r = key(rest)
        // (the folder's whole title: at least four letters, and the file says more after it)
        return f.count >= 4 && r.count > f.count && r.starts(with: f)
    }

    /// First folders that say the name is a path in a media library.
    private static let libraryFolders: Set<String> = ["movies", "movie", "films", "series", "tv", "tvshows", "shows", "videos", "media",
                                                      "downloads", "download", "anime", "share", "mnt", "home", "volumes"]

    /// Completes a file's parse with what its folders say, nearest folder first. A file named
    /// "05 - Episode Name" inside a show's folders is episode 5, titled by the folder.
    static func merge(_ file: ParsedRelease, fileName: String, folders: [ParsedRelease]) -> ParsedRelease {
        var r = file
        // "05 - Episode Name": the file's number (its parse may have read it already), the title is the folders'.
        // ("300 (2006).mkv" (seen in jellyfin's tests) is a film named by a number: its year says so.)
        let number = r.episodes.isEmpty && r.absoluteEpisodes.count <= 1 && r.year == nil ? leadingNumber(fileName) : nil
        // "Movie.2010.DVDRip.XviD-GRP/grp-mv.avi": a file name that says nothing defers to its folder
        // (an episode's number is something: "Season 1/01 - Pilot.avi").
        if richness(file) == 0, number == nil, file.absoluteEpisodes.isEmpty, let folder = folders.first, richness(folder) > 0 {
            var r = merge(folder, fileName: "", folders: Array(folders.dropFirst()))
            if FolderTitles.isDVDFile(fileName) { markDVD(&r) }
            return r
        }
        if let number {
            r.absoluteEpisodes = [number]
            r.title = ""
            r.kind = .episode
        } else if r.absoluteEpisodes.count > 1, r.episodes.isEmpty, r.absoluteEpisodes.first == leadingNumber(fileName) {
            r.title = ""   // "Season 1/02-03 - Title.avi": a range first, then the episodes' title
        }
        // "…/Title (2010)/XD607ebb-BRc59935-5155473f.avi", "Title/VIDEO_TS/VTS_01_1.VOB": a hash or a disc's file names nothing.
        if !fileName.isEmpty, FolderTitles.isObfuscated(fileName) || FolderTitles.isDVDFile(fileName) {
            r.title = ""
            if FolderTitles.isDVDFile(fileName) { markDVD(&r) }
        }
        if !fileName.isEmpty, let folder = folders.first(where: { !$0.title.isEmpty }) { preferFolderTitle(&r, folder, fileName: fileName) }
        // "Cosmopolis.2012.720p.BluRay.x264-AN0NYM0US/ano-cosmo.720p.mkv": a scene file's abbreviated lower-case
        // name defers to its release folder's title; so does an episode's ("MythBusters.S08E16.720p.HDTV.x264-aAF/
        // aaf-mb.s08e16.720p.mkv", seen in SickChill's tests) when the folder names the same episode.
        if let folder = folders.first, richness(folder) >= 2, !folder.title.isEmpty, r.title == r.title.lowercased(),
           folder.title != folder.title.lowercased(), r.episodes.isEmpty || r.episodes == folder.episodes && r.seasons == folder.seasons
            && fileName.prefix(while: { $0 != "." }).has("-") {
            r.title = folder.title
        }
        // "Show (2008)/Season 1/Episode_Name.mp4": a file without an episode number in a season folder names the episode.
        if r.episodes.isEmpty, r.absoluteEpisodes.isEmpty, folders.count >= 2, !folders[0].seasons.isEmpty, folders[0].title.isEmpty,
           !folders[1].title.isEmpty {
            r.title = folders[1].title
            // (and it is that season's: "Caprica (2008)/Season 1/Apotheosis_1920x1080.mp4")
            if r.seasons.isEmpty, folders[0].seasons.count == 1 {
                r.seasons = folders[0].seasons
                r.season = r.seasons.first
                r.kind = .episode
            }
        }
        for folder in folders {
            if r.title.isEmpty, !folder.title.isEmpty { r.title = folder.title }
            if r.codec == nil { r.codec = folder.codec }
            if r.year == nil { r.year = folder.year }
            if r.seasons.isEmpty, !folder.seasons.isEmpty {
                // "Season 3/05 - Name.mkv": in a season folder, a bare number is that season's episode.
                if r.episodes.isEmpty, !r.absoluteEpisodes.isEmpty { r.episodes = r.absoluteEpisodes; r.absoluteEpisodes = [] }
                // "Season 4/The Office [401] Fun Run.avi": a three-digit number that opens with the folder's season is
                // that season's episode (S04E01).
                if r.episodes.count == 1, (101...999).contains(r.episodes[0]), r.episodes[0] / 100 == folder.seasons[0], r.episodes[0] % 100 > 0,
                   !fileName.hasPrefix("[") {
                    r.episodes = [r.episodes[0] % 100]
                }
                if !r.episodes.isEmpty {
                    r.seasons = [folder.seasons[0]]
                    r.season = r.seasons.first
                    r.episode = r.episodes.first
                    r.kind = .episode
                }
            }
            if r.quality == .unknown, folder.quality != .unknown { r.quality = folder.quality; r.resolution = folder.resolution }
            if r.source == .unknown, folder.source != .unknown { r.source = folder.source; r.sourceTag = folder.sourceTag }
            if r.group == nil { r.group = folder.group }
        }
        return r
    }

    /// The nearest folder with a title, against the file's own: "Show/Show 12.avi" numbers the show's episode; "Mind.Field.
    /// S02E06…/The Power of Suggestion - Mind Field S2 (Ep 6).srt" (guessit's tests) names the episode, a spaced dash, then
    /// the show; "La Science des Rêves (2006)/La.Science.Des.Reves.FRENCH…" and "Ratatouille/video_ts-ratatouille.srt" take
    /// the folder's title, with its accents, or the one the file's lower-case name abbreviates.
    private static func preferFolderTitle(_ r: inout ParsedRelease, _ folder: ParsedRelease, fileName: String) {
        if r.episodes.isEmpty, r.absoluteEpisodes.isEmpty, r.year == nil, let n = FolderTitles.episodeAfterShowTitle(r.title, folder: folder.title) {
            r.absoluteEpisodes = [n]
            r.title = folder.title
            r.kind = .episode
        }
        if r.title.lowercased().hasSuffix(" - " + folder.title.lowercased()) { r.title = folder.title }
        if FolderTitles.folderIsCleaner(r.title, folder.title, folderHasYear: folder.year != nil && (r.year == nil || r.year == folder.year))
            || r.episodes.isEmpty && r.absoluteEpisodes.isEmpty && r.seasons.isEmpty
            && FolderTitles.abbreviates(fileName, fileTitle: r.title, folderTitle: folder.title, folderHasYear: folder.year != nil) {
            r.title = folder.title
        }
    }

    /// A DVD's structure file is a DVD rip, SD as DVDs are, unless the name said otherwise.
    private static func markDVD(_ r: inout ParsedRelease) {
        guard r.source == .unknown else { return }
        r.source = .dvd
        r.sourceTag = "DVD"
        if r.quality == .unknown { r.quality = .p480 }
    }

    /// How much a parse recognised besides its title.
    private static func richness(_ r: ParsedRelease) -> Int {
        [r.year != nil, r.quality != .unknown, r.source != .unknown, r.codec != nil, !r.seasons.isEmpty, !r.episodes.isEmpty,
         r.audioFormat != nil].filter { $0 }.count
    }

    /// "05 - Name" / "105. Name" → 5 / 105: one to three digits, then a separator.
    private static func leadingNumber(_ name: String) -> Int? {
        let digits = name.prefix(while: \.isNumber)
        guard (1...3).contains(digits.count), let next = name.dropFirst(digits.count).first, " ._-".contains(next) else { return nil }
        // "12.Monkeys.Season.1.Complete", "60.Minutes.-.2008.01.06" (seen in Medusa's tests): a number dotted to words is the
        // title's, unless zero-padded ("02.EpName.avi") or alone before the extension ("12.avi").
        let rest = name.dropFirst(digits.count + 1)
        if next == ".", rest.first != " ", !digits.hasPrefix("0"), rest.has(".") || !ReleaseNameInput.hasFileExtension(name) { return nil }
        // "1080.mkv" would be a resolution, but three digits never are one; "05.mkv" is a number alone.
        return Int(digits)
    }
}
