/// A language's name right before the year: the title's word or the release's language tag?
/// "Johnny.English.2003", "The.Good.German.2006.720p", "The Good German (2006).VOSTFR" keep it in the title;
/// "Der.Film.deines.Lebens.German.2011.PAL" (a German tracker's layout) and "Immersion.French.2011.STV" tag the release.
enum TitleLanguageWords {
    /// Whether the language word at `index` (a one-token match) belongs to the title. Only a word right before the
    /// year is asked: after the year, or with no year, a language word is the release's.
    static func isTitleWord(_ t: [ReleaseToken], at index: Int, matches: [AttributeMatch]) -> Bool {
        guard index > 0, index + 1 < t.count, ReleaseYears.year(t[index + 1]) != nil else { return false }
        // Radarr's Parser.cs documents the tracker layout "Title.German.2011" and exempts "German" after "Good" or "The".
        if ["good", "the"].contains(t[index - 1].lower) { return true }
        // An English-language release does not tag its own language before the year; scene tags are capitals anyway.
        if t[index].lower == "english", t[index].text != "ENGLISH" { return true }
        // "The Good German (2006).VOSTFR": the release states its language after the year.
        return matches.contains { m in
            guard m.index > index + 1, case .language = m.meaning else { return false }
            return true
        }
    }
}
