import Foundation

/// Daily shows name episodes by air date: "2024.03.15", "2024-03-15", "2024 03 15", and the
/// European "15.03.2024". Only real calendar dates count, so "2012.1080p" or a title's numbers
/// do not.
enum DailyDates {
    static func match(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        if let compact = compactDate(t, at: i) ?? wordedDate(t, at: i) { return compact }
        guard i + 2 < t.count, t[i + 1].gap == t[i + 2].gap, isDateGap(t[i + 1].gap),
              let a = t[i].number, let b = t[i + 1].number, let c = t[i + 2].number,
              t[i + 1].lower.count <= 2, t[i + 2].lower.count <= 2 || t[i + 2].lower.count == 4 else { return nil }
        // Year first or last; the day before the month unless that is no date ("04.28.2014", "2012.16.02").
        let candidates: [(Int, Int, Int)]
        if t[i].lower.count == 4, t[i + 2].lower.count <= 2 { candidates = [(a, b, c), (a, c, b)] }
        else if t[i].lower.count <= 2, t[i + 2].lower.count == 4 { candidates = [(c, b, a), (c, a, b)] }
        else if shortYearFirst(t, at: i) { candidates = [(2000 + a, b, c)] }
        else { candidates = [] }
        guard let (year, month, day) = candidates.first(where: { isValid(year: $0.0, month: $0.1, day: $0.2) }), ReleaseYears.isPlausible(year)
        else { return nil }
        let text = String(format: "%04d-%02d-%02d", year, month, day)
        return AttributeMatch(index: i, length: 3, meaning: .episode(EpisodeInfo(airDate: text)), strong: true)
    }

    /// "Site.23.02.01.Performer.XXX.1080p", "PutaLocura.15.12.22.Spanish" (seen in bitmagnet's and guessit's tests), "Test Date
    /// Detection 22.07.14" (SABnzbd's): three two-digit numbers joined by dots after a title, the year's two digits first.
    /// (Not "v1.02.03.04" nor "1.02.03.04", nor a run that starts the name.)
    private static func shortYearFirst(_ t: [ReleaseToken], at i: Int) -> Bool {
        guard i > 0, t[i].lower.utf8.count == 2, t[i + 1].lower.utf8.count == 2, t[i + 2].lower.utf8.count == 2, t[i + 1].gap == ".",
              !t[i - 1].isNumber, t[i].gap != "." || !(t[i - 1].lower.utf8.last.map { $0 >= 48 && $0 <= 57 } ?? false) else { return false }
        return i + 3 >= t.count || !(t[i + 3].isNumber && t[i + 3].gap == ".")
    }

    /// "Series Title (1955) - 1954-01-23 05 00 00 - Episode.ts" (the Plex DVR layout Sonarr's Parser.cs names): hours and
    /// minutes (and seconds) right after an air date are when it was recorded, no episode number.
    static func isAirTime(_ t: [ReleaseToken], after m: AttributeMatch) -> Bool {
        guard case let .episode(info) = m.meaning, info.airDate != nil, m.end + 1 < t.count else { return false }
        let (h, mm) = (t[m.end], t[m.end + 1])
        guard h.lower.utf8.count == 2, mm.lower.utf8.count == 2, mm.gap == h.gap, let hour = h.number, let minute = mm.number else { return false }
        return hour <= 23 && minute <= 59
    }

    /// "Series.Title.20120503.720p": eight digits, year first, outside brackets (a CRC is bracketed);
    /// "Talk.Show.140722.720p": six (YYMMDD) when release jargon follows.
    private static func compactDate(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let digits = t[i].lower.utf8.count
        guard i > 0, !t[i].inBrackets, digits == 8 || digits == 6, t[i].isNumber, let n = Int(t[i].lower) else { return nil }
        if digits == 6, !(i + 1 < t.count && VideoAttributes.match(t, at: i + 1)?.strong == true) { return nil }
        let (year, month, day) = (digits == 6 ? 2000 + n / 10000 : n / 10000, n / 100 % 100, n % 100)
        guard ReleaseYears.isPlausible(year), isValid(year: year, month: month, day: day) else { return nil }
        let text = String(format: "%04d-%02d-%02d", year, month, day)
        return AttributeMatch(index: i, length: 1, meaning: .episode(EpisodeInfo(airDate: text)), strong: true)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// "Series 23rd Feb 2024", "1st March 2020": an ordinal day, a month's name, a year; "Series 28 Apr 2018": a
    /// plain day before a month's exact name (short or long).
    private static func wordedDate(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        let w = t[i].lower
        // (Bytes first: a month's name is at least three letters and the year four digits.)
        if i > 0, i + 2 < t.count, (1...2).contains(w.utf8.count), t[i + 1].lower.utf8.count >= 3, t[i + 2].lower.utf8.count == 4,
           let day = t[i].number, !t[i].inBrackets || filledBracket(t, i, i + 2), months.contains(t[i + 1].lower) || monthNames.contains(t[i + 1].lower),
           let month = months.firstIndex(of: String(t[i + 1].lower.prefix(3))).map({ $0 + 1 }),
           let year = ReleaseYears.year(t[i + 2]), isValid(year: year, month: month, day: day) {
            return AttributeMatch(index: i, length: 3, meaning: .episode(EpisodeInfo(airDate: String(format: "%04d-%02d-%02d", year, month, day))), strong: true)
        }
        // Bytes first (this runs for every word that starts with a digit): "…st", "…nd", "…rd", "…th".
        guard i > 0, i + 2 < t.count, (3...4).contains(w.utf8.count), let last = w.utf8.last,
              last == UInt8(ascii: "t") || last == UInt8(ascii: "d") || last == UInt8(ascii: "h"),
              ["st", "nd", "rd", "th"].contains(String(w.suffix(2))),
              let day = Int(w.dropLast(2)), let month = months.firstIndex(of: String(t[i + 1].lower.prefix(3))).map({ $0 + 1 }),
              t[i + 1].lower.utf8.count >= 3, let year = ReleaseYears.year(t[i + 2]), isValid(year: year, month: month, day: day) else { return nil }
        let text = String(format: "%04d-%02d-%02d", year, month, day)
        return AttributeMatch(index: i, length: 3, meaning: .episode(EpisodeInfo(airDate: text)), strong: true)
    }

    /// "S10E06.(18.November.2016)", "Ep 19 (13 Feb 2016)" (seen in Medusa's and parse-torrent-title's tests): a bracket
    /// that holds the date and nothing else.
    private static func filledBracket(_ t: [ReleaseToken], _ first: Int, _ last: Int) -> Bool {
        ReleaseGroupParser.opensBracket(t[first].gap) && t[last].closesBracket && t[first].bracketDepth == t[last].bracketDepth
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                     "october", "november", "december", "sept"]

    /// "January 15 2019", "Jan 15th, 2019": a month's name, the day, the year (the US order).
    static func monthFirst(_ t: [ReleaseToken], at i: Int) -> AttributeMatch? {
        // Bytes first: this is tried for words; the next one must start with a digit.
        guard i > 0, i + 2 < t.count, let d0 = t[i + 1].lower.utf8.first, d0 >= 48, d0 <= 57 else { return nil }
        let w = t[i].lower
        guard w.utf8.count >= 3, months.contains(w) || monthNames.contains(w),
              let month = months.firstIndex(of: String(w.prefix(3))).map({ $0 + 1 }) else { return nil }
        var dayWord = Substring(t[i + 1].lower)
        if dayWord.count > 2, ["st", "nd", "rd", "th"].contains(String(dayWord.suffix(2))) { dayWord = dayWord.dropLast(2) }
        guard dayWord.count <= 2, let day = Int(dayWord), let year = ReleaseYears.year(t[i + 2]),
              isValid(year: year, month: month, day: day) else { return nil }
        let text = String(format: "%04d-%02d-%02d", year, month, day)
        return AttributeMatch(index: i, length: 3, meaning: .episode(EpisodeInfo(airDate: text)), strong: true)
    }

    /// ("Something 10/25/2010", seen in FlexGet's tests: the US order with slashes.)
    private static func isDateGap(_ gap: String) -> Bool { gap == "." || gap == "-" || gap == " " || gap == "_" || gap == "/" }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
}

/// Which four-digit numbers can be a release year.
enum ReleaseYears {
    /// Next year is allowed: releases are often dated ahead.
    static let latest: Int = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1

    static func isPlausible(_ year: Int) -> Bool { year >= 1900 && year <= latest }

    static func year(_ token: ReleaseToken) -> Int? {
        guard token.lower.utf8.count == 4, let n = token.number else { return nil }
        // Early cinema only in brackets: "Leaving the Factory (1895)".
        if isPlausible(n) || n >= 1880 && n < 1900 && token.inBrackets { return n }
        return nil
    }
}
