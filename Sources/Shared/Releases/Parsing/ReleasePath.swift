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
        guard ReleaseNameInput.hasFileExtension(name) else { return nil }
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init).filter { !$0.isEmpty }
        guard parts.count >= 2 else { return nil }
        return Array(parts.suffix(4))   // bounded: the file and up to three folders
    }

    /// Completes a file's parse with what its folders say, nearest folder first. A file named
    /// "05 - Episode Name" inside a show's folders is episode 5, titled by the folder.
    static func merge(_ file: ParsedRelease, fileName: String, folders: [ParsedRelease]) -> ParsedRelease {
        var r = file
        // "Movie.2010.DVDRip.XviD-GRP/grp-mv.avi": a file name that says nothing defers to its folder.
        if richness(file) == 0, let folder = folders.first, richness(folder) > 0 {
            return merge(folder, fileName: "", folders: Array(folders.dropFirst()))
        }
        if r.episodes.isEmpty, r.absoluteEpisodes.isEmpty, let number = leadingNumber(fileName) {
            r.absoluteEpisodes = [number]
            r.title = ""
        }
        for folder in folders {
            if r.title.isEmpty, !folder.title.isEmpty { r.title = folder.title }
            if r.year == nil { r.year = folder.year }
            if r.seasons.isEmpty, !folder.seasons.isEmpty {
                // "Season 3/05 - Name.mkv": in a season folder, a bare number is that season's episode.
                if r.episodes.isEmpty, !r.absoluteEpisodes.isEmpty { r.episodes = r.absoluteEpisodes; r.absoluteEpisodes = [] }
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

    /// How much a parse recognised besides its title.
    private static func richness(_ r: ParsedRelease) -> Int {
        [r.year != nil, r.quality != .unknown, r.source != .unknown, r.codec != nil, !r.seasons.isEmpty, !r.episodes.isEmpty,
         r.audioFormat != nil].filter { $0 }.count
    }

    /// "05 - Name" / "105. Name" → 5 / 105: one to three digits, then a separator.
    private static func leadingNumber(_ name: String) -> Int? {
        let digits = name.prefix(while: \.isNumber)
        guard (1...3).contains(digits.count), let next = name.dropFirst(digits.count).first, " ._-".contains(next) else { return nil }
        return Int(digits)
    }
}
