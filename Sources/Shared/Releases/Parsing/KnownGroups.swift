import Foundation

/// Release groups known to sign without "-GROUP": a name of several words ("Anime Time", "BEN THE MEN"), with dots
/// or hyphens of its own ("E.N.D", "D-Z0N3", "YTS.MX"), all digits ("126811"), or in the closing bracket of a name
/// whose opening bracket was lost ("....x265.10bit.Tigole)"). The names are facts, taken from the lists of such groups
/// in Sonarr's and Radarr's production parsers (src/NzbDrone.Core/Parser/ReleaseGroupParser.cs, ExceptionReleaseGroupRegexExact
/// and ExceptionReleaseGroupRegex; Sonarr and Radarr develop branches, 2026). Only the end of a name is looked at, and
/// only after release jargon, so a title that happens to hold one of the words ("Ghost", "Joy", "Anna") keeps it.
enum KnownGroups {
    /// How a known group may be placed.
    enum Placement {
        /// Anywhere at the end after jargon: names no title word has ("KRaLiMaRKo", "E.N.D", "YTS.MX").
        case anywhere
        /// As the last word of a bracket ("(... Tigole)", "....10bit.Tigole)"), as Sonarr and Radarr read them: names
        /// that sign inside a bracket of release details. ("Movie.x265.10bit.Tigole" without it has no group for Radarr.)
        case distinctive
        /// Ordinary words ("Joy", "Ghost", "Panda"): the same, kept apart to say why they are never taken elsewhere.
        case bracketOnly
    }

    /// The group's words lower-cased and joined without separators ("e.n.d" → "end") → how it may be placed.
    /// Sonarr's and Radarr's exact list first, then their list of groups that close a bracket.
    static let names: [String: Placement] = {
        var t: [String: Placement] = [:]
        for n in ["fightbb", "varyg", "end", "kralimarko", "bludragon", "darq", "kcrt", "benthemen", "taoe", "qxr", "vialle", "dz0n3",
                  "kotengars", "zønehd", "hqmux", "yify", "yts", "ytsmx", "ytslt", "ytsag", "tmd", "emlhdteam", "lmain", "126811"] {
            t[n] = .anywhere
        }
        for n in ["t3nzin", "animetime", "projectangel", "hakataramen", "vyndros", "garshasp", "rcvr", "r00t", "edge2020", "celdra",
                  "afm72", "monolith", "tigole", "rzerox", "freethefish", "theincognito", "dusictv", "ctrlhd", "kametsu", "xzvn", "zr"] {
            t[n] = .distinctive
        }
        for n in ["joy", "ime", "utr", "hone", "sev", "kappa", "natty", "sampa", "yogi", "silence", "panda", "ghost", "anna", "bandi",
                  "qman", "hdo", "dhd", "adc", "rh"] {
            t[n] = .bracketOnly
        }
        return t
    }()

    /// The last word of every known group, for a cheap first test on a name's last word.
    private static let lastWords: Set<String> = [
        "bb", "varyg", "d", "kralimarko", "bludragon", "darq", "kcrt", "men", "taoe", "qxr", "vialle", "z0n3", "gars", "zønehd", "hqmux",
        "yify", "yts", "mx", "lt", "ag", "tmd", "hdteam", "lmain", "126811",
        "t3nzin", "time", "angel", "ramen", "vyndros", "garshasp", "rcvr", "r00t", "edge2020", "celdra", "afm72", "monolith", "tigole",
        "rzerox", "freethefish", "theincognito", "dusictv", "ictv", "ctrlhd", "kametsu", "xzvn", "zr",
        "joy", "ime", "utr", "hone", "sev", "kappa", "natty", "sampa", "yogi", "silence", "panda", "ghost", "anna", "bandi", "qman",
        "hdo", "dhd", "adc", "rh",
    ]

    /// A known group whose last word is `t[last]`, preceded by release jargon: its first token and its text as written.
    static func ending(_ t: [ReleaseToken], at last: Int, start: Int) -> (index: Int, group: String)? {
        guard last > start + 1, lastWords.contains(t[last].lower) else { return nil }
        var key = ""
        for k in stride(from: last, through: max(start + 2, last - 2), by: -1) {
            key = t[k].lower + key
            // The group's words are joined by separators only ("E.N.D", "BEN THE MEN", "Koten_Gars"), inside one bracket.
            if k < last, !isJoiner(t[k + 1].gap) || t[k + 1].inBrackets != t[last].inBrackets { return nil }
            guard let placement = names[key], placedRight(placement, t, first: k, last: last), followsJargon(t, k, start: start) else { continue }
            return (k, text(t, k, last))
        }
        return nil
    }

    private static func isJoiner(_ gap: String) -> Bool { gap == "." || gap == " " || gap == "_" || gap == "-" }

    private static func placedRight(_ placement: Placement, _ t: [ReleaseToken], first: Int, last: Int) -> Bool {
        // "(... English - Celdra QxR)", "[... Tigole]", "[YTS.MX]": the last word of the name's last bracket (the
        // group's words were checked to share it).
        let closesBracket = t[last].inBrackets || t[last].closesBracket
        // Radarr's "-ZR-" is written with its hyphens.
        if t[first].lower == "zr", !t[first].gap.hasSuffix("-") { return false }
        switch placement {
        case .anywhere: return true
        case .distinctive, .bracketOnly: return closesBracket
        }
    }

    /// Release jargon (or a bracket of it) comes before the group: "x265.10bit.Tigole", "DDP 5.1-126811", "[1080p] [YTS.MX]".
    private static func followsJargon(_ t: [ReleaseToken], _ first: Int, start: Int) -> Bool {
        let scanStart = max(start, first - 12)
        return VideoNameParser.scan(t, from: scanStart, to: first).contains { $0.strong || isCodecOrAudio($0) }
    }

    private static func isCodecOrAudio(_ m: AttributeMatch) -> Bool {
        switch m.meaning {
        case .codec, .audio, .channels, .hdr: return true
        default: return false
        }
    }

    /// The group as written; Radarr's "-ZR-" keeps the hyphens it is known by.
    private static func text(_ t: [ReleaseToken], _ first: Int, _ last: Int) -> String {
        let written = ReleaseGroupParser.joinedText(t, first, last + 1)
        return t[first].lower == "zr" && first == last ? "-" + written + "-" : written
    }
}
