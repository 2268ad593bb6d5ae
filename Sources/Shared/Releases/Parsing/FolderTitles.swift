import Foundation

/// Which title a file in folders takes when its own name says less than a folder's: the media-library
/// layouts of Plex, Jellyfin, Radarr and Sonarr ("Title (Year)/…", "Show/Season 2/…") and scene release
/// folders name the film or show; the file inside may be an obfuscated hash, a disc structure's file
/// (VIDEO_TS, BDMV), a scene group's lower-case abbreviation or the folder's title without its accents.
enum FolderTitles {
    /// "/…/Dead Man Down (2013) BRRiP XViD/XD607ebb-BRc59935-5155473f-1c5f49/XD607ebb-BRc59935-5155473f-1c5f49.avi":
    /// folders named like the file, obfuscated ones and disc-structure folders say nothing of the title and go.
    static func meaningful(_ folders: [String], fileName: String) -> [String] {
        let stem = stripExtension(fileName)
        return folders.filter { !isObfuscated($0) && !isDiscStructure($0) && $0 != stem }
    }

    /// A hash-like name ("XD607ebb-BRc59935-5155473f-1c5f49", "a3f9c0e1d2b4…"): letters and digits mixed in long
    /// runs without spaces, dots or underscores, a quarter or more of them digits.
    static func isObfuscated(_ name: String) -> Bool {
        let bytes = Array(stripExtension(name).utf8)
        guard bytes.count >= 16, bytes.count <= 80 else { return false }
        var digits = 0, letters = 0, switches = 0
        var previousDigit: Bool?
        for b in bytes {
            let digit = b >= 48 && b <= 57
            let letter = (b | 0x20) >= 97 && (b | 0x20) <= 122
            guard digit || letter || b == UInt8(ascii: "-") else { return false }
            if digit { digits += 1 } else if letter { letters += 1 } else { previousDigit = nil; continue }
            if let p = previousDigit, p != digit { switches += 1 }
            previousDigit = digit
        }
        // A scene name glued together ("Movie2010Grp") switches rarely; a hash often.
        return digits * 4 >= digits + letters && letters > 0 && switches >= 6
    }

    /// DVD and Blu-ray disc structures: "VIDEO_TS", "BDMV", "STREAM" folders; "VTS_01_1.VOB", "VIDEO_TS.IFO" files.
    static func isDiscStructure(_ name: String) -> Bool {
        let lower = stripExtension(name).lowercased()
        return ["video_ts", "audio_ts", "bdmv", "stream", "certificate"].contains(lower) || lower.hasPrefix("vts_")
    }

    /// "video_ts-ratatouille.srt", "VTS_01_1.VOB": a file of a DVD's structure names no title, and says DVD.
    static func isDVDFile(_ fileName: String) -> Bool {
        guard let first = fileName.utf8.first, first | 0x20 == UInt8(ascii: "v") else { return false }
        let lower = fileName.lowercased()
        return lower.hasPrefix("video_ts") || lower.hasPrefix("vts_")
    }

    /// "movies/La Science des Rêves (2006)/La.Science.Des.Reves.FRENCH.DVDRip.XviD-MP-AceBot.avi": the folder's
    /// title is the file's with its accents, so the folder's is the one to keep; "shoot fruit chan (2009)/
    /// 2009.shoot.fruit.chan.multi.dvd9.pal": in a folder that names a film and its year, the file's title is the folder's
    /// with junk in front (a year, a scene group's prefix), which the folder leaves out. (A show's folder may drop
    /// the article: "Simpsons/Simpsons,.The.12x08" is "The Simpsons".)
    static func folderIsCleaner(_ file: String, _ folder: String, folderHasYear: Bool) -> Bool {
        guard file != folder, !folder.isEmpty, !file.isEmpty else { return false }
        let f = fold(file), d = fold(folder)
        // ("MASH" in "M.A.S.H. (1970)" stays as the file writes it: guessit's tests keep it. So does a title the two
        // spell alike but for case: "dexter/Dexter.5x02" is "Dexter".)
        if f == d { return file.lowercased() != folder.lowercased() }
        guard folderHasYear, d.utf8.count >= 2, f.hasSuffix(" " + d) else { return false }
        // The junk is numbers ("2009.shoot.fruit.chan", "09.03.08.The.Doors") or ends in a dash ("blow-how.to.be.single", "Enki Bilal - Bunker
        // Palace Hotel"); "Heat (1995)/Dead.Heat.2002" is another film.
        let junk = f.dropLast(d.utf8.count + 1)
        return junk.utf8.allSatisfy { $0 >= 48 && $0 <= 57 || $0 == 32 } || file.has("-") && !["the", "a", "an"].contains(junk)
    }

    /// "Movies/Ratatouille/video_ts-ratatouille.srt", "Ne.Le.Dis.A.Personne.Fr 2 cd/personnea_mp.avi": a file whose whole
    /// name is one lower-case run (no spaces) holding a word of the folder's title abbreviates that title.
    /// "Some Movie (2010)/smv-720p.mkv": in a folder that names a film and its year, a file titled by one short lower-case
    /// word is a scene group's abbreviation too.
    static func abbreviates(_ fileName: String, fileTitle: String, folderTitle: String, folderHasYear: Bool) -> Bool {
        let stem = stripExtension(fileName)
        // (A file that spells out the folder's whole title, "movie.title.1080p…", abbreviates nothing.)
        guard !stem.isEmpty, stem.utf8.count <= 40, !stem.has(" "), stem == stem.lowercased(), !folderTitle.isEmpty,
              folderTitle != folderTitle.lowercased(), fold(fileTitle) != fold(folderTitle) else { return false }
        if folderHasYear, !fileTitle.isEmpty, fileTitle.utf8.count <= 6, !fileTitle.has(" "), fileTitle == fileTitle.lowercased() { return true }
        let words = fold(folderTitle).split(separator: " ").filter { $0.utf8.count >= 4 }
        let file = fold(stem)
        return words.contains { file.contains($0) }
    }

    /// "The Simpsons/The Simpsons 12.avi", "Show/Show - 02 Ep Name.avi" (seen in jellyfin's tests): in a show's folder, a
    /// number right after the show's title is the episode's. Two digits or a dash before it: "Rocky/Rocky 2.avi" is a film.
    static func episodeAfterShowTitle(_ file: String, folder: String) -> Int? {
        guard !folder.isEmpty, file.utf8.count > folder.utf8.count else { return nil }
        let f = fold(file), d = fold(folder)
        guard f.hasPrefix(d + " ") else { return nil }
        let digits = f.dropFirst(d.utf8.count + 1).prefix { $0 != " " }
        guard (1...4).contains(digits.utf8.count), digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(digits), n > 0,
              digits.utf8.count >= 2 || file.has("-"), digits.utf8.count < 4 || !ReleaseYears.isPlausible(n) else { return nil }
        return n
    }

    /// Lower case, accents off, everything but letters and digits a single space.
    static func fold(_ text: String) -> String {
        let plain = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var space = true
        for ch in plain.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) {
                out.unicodeScalars.append(ch)
                space = false
            } else if !space {
                out.append(" ")
                space = true
            }
        }
        return out.hasSuffix(" ") ? String(out.dropLast()) : out
    }

    private static func stripExtension(_ name: String) -> String {
        guard ReleaseNameInput.hasFileExtension(name), let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
