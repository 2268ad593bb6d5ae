import Foundation

/// Scores the parser on corpus cases: a case is right when every field it asserts is right.
/// Field conventions (title keys, quality buckets...) are those of Tests/Fixtures/parser/NOTE.md.
public enum ParserAccuracy {
    public struct Tally: Sendable, Equatable {
        public var cases = 0, casesRight = 0, fields = 0, fieldsRight = 0
        public var caseRate: Double { cases == 0 ? 1 : Double(casesRight) / Double(cases) }
        public var fieldRate: Double { fields == 0 ? 1 : Double(fieldsRight) / Double(fields) }
    }

    public struct Failure: Sendable {
        public var name: String, source: String, field: String, expected: String, actual: String
    }

    public struct Score: Sendable {
        public var total = Tally()
        public var byKind: [String: Tally] = [:]
        /// Per field: `cases` / `casesRight` count that field's assertions.
        public var byField: [String: Tally] = [:]
        public var failures: [Failure] = []
        /// Cases left out because every field they assert is a convention we do not share.
        public var excused = 0
    }

    public static func score(_ cases: [ParserCorpusCase]) -> Score {
        var score = Score()
        for c in cases {
            let r = ReleaseNameParser.parse(c.name, hint: c.hint)
            let checked = c.expect.filter { !CorpusConventions.excused(field: $0.field, expected: $0.value, in: c, release: r) }
            // A case that asserts only conventions we do not share says nothing about the parser.
            if checked.isEmpty { score.excused += 1; continue }
            var right = 0
            for (field, expected) in checked {
                let actual = value(of: field, in: r)
                let ok = matches(field: field, expected: expected, actual: actual, release: r, suite: c.source, name: c.name)
                if ok { right += 1 } else {
                    score.failures.append(Failure(name: c.name, source: c.source, field: field,
                                                  expected: expected.description, actual: actual.description))
                }
                score.byField[field, default: Tally()].cases += 1
                if ok { score.byField[field, default: Tally()].casesRight += 1 }
            }
            let allRight = right == checked.count
            for key in ["", c.kind] {
                var t = key.isEmpty ? score.total : score.byKind[key, default: Tally()]
                t.cases += 1
                t.casesRight += allRight ? 1 : 0
                t.fields += checked.count
                t.fieldsRight += right
                if key.isEmpty { score.total = t } else { score.byKind[key] = t }
            }
        }
        return score
    }

    /// The parsed value of a corpus field, in the corpus' terms.
    static func value(of field: String, in r: ParsedRelease) -> ParserCorpusCase.Value {
        func s(_ v: String?) -> ParserCorpusCase.Value { v.map { .string($0) } ?? .null }
        func i(_ v: Int?) -> ParserCorpusCase.Value { v.map { .int($0) } ?? .null }
        switch field {
        case "title", "title_key": return .string(r.title)
        case "year": return i(r.year)
        case "season": return i(r.season)
        case "episodes": return .ints(r.episodes)
        case "seasons": return .ints(r.seasons)
        case "absolute_episodes": return .ints(r.absoluteEpisodes)
        case "air_date": return s(r.airDate)
        case "full_season": return .bool(r.fullSeason)
        case "resolution": return s(r.resolution?.lowercased())
        case "quality": return r.quality == .unknown ? .null : .string(r.quality.rawValue)
        case "source": return r.source == .unknown ? .null : .string(r.source.rawValue)
        case "remux": return .bool(r.remux)
        case "codec": return s(r.codec)
        case "group": return s(r.group)
        case "artist": return s(r.artist)
        case "album": return s(r.album)
        case "audio_format": return s(r.audioFormat?.rawValue)
        case "bitrate": return i(r.bitrate)
        case "vbr_preset": return s(r.vbrPreset)
        case "bit_depth": return i(r.bitDepth)
        case "discography": return .bool(r.discography)
        default: return .null
        }
    }

    static func matches(field: String, expected: ParserCorpusCase.Value, actual: ParserCorpusCase.Value, release r: ParsedRelease,
                        suite: String = "", name: String = "") -> Bool {
        switch (field, expected, actual) {
        case let ("title", .string(e), .string(a)):
            // Sonarr keeps an anime season marker in the title ("Title S2 - 05"); we read it as the season.
            return titleKey(e) == titleKey(a) || r.season.map { n in
                CorpusConventions.seasonMarkers(n).contains { titleKey(e) == titleKey(a + " " + $0) } } == true
                || CorpusConventions.titleWithoutCountry(titleKey(a), suite: suite) == titleKey(e)
                || CorpusConventions.titleWithYear(a, year: r.year, suite: suite).map { titleKey($0) == titleKey(e) } == true
                || CorpusConventions.titleBeforeDash(a, suite: suite).map { titleKey($0) == titleKey(e)
                    || CorpusConventions.titleWithoutCountry(titleKey($0), suite: suite) == titleKey(e) } == true
        case let ("artist", .string(e), .string(a)), let ("album", .string(e), .string(a)):
            return titleKey(e) == titleKey(a)
        case let ("title_key", .string(e), _):
            let key = cleanKey(r.title)
            return key == e || r.year.map { cleanKey(r.title + " \($0)") == e } == true
        case let ("group", .string(e), .string(a)):
            return e.lowercased() == a.lowercased() || CorpusConventions.collectiveAfterEncoder(a, encoder: e, in: name, suite: suite)
        case (_, .ints(let e), .ints(let a)): return e == a
        default: return expected == actual
        }
    }

    /// Lower case without accents (a name often drops them, "Reves" for "Rêves", and `TitleMatcher`
    /// folds them too); letters and digits of any script kept, everything else one space; "&" is "and".
    public static func titleKey(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        for ch in folded.replacingOccurrences(of: "&", with: " and ") {
            if ch.isLetter || ch.isNumber {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else if ch != "'" && ch != "’" {
                pendingSpace = true
            }
        }
        return out
    }

    /// Sonarr's clean form: the title key without articles and joining words, without spaces. Sonarr
    /// keeps such a word when it opens or closes the title ("The Daily Series" → "thedailyseries").
    /// Sonarr also spells a percent sign after a number out ("3%" → "3percent").
    static func cleanKey(_ text: String) -> String {
        let drop: Set<Substring> = ["a", "an", "the", "and", "or", "of"]
        let spelled = text.replacingOccurrences(of: #"(?<=\d)%"#, with: "percent", options: .regularExpression)
        let words = titleKey(spelled).split(separator: " ")
        return words.enumerated().filter { k, w in k == 0 || k == words.count - 1 || !drop.contains(w) }.map(\.element).joined()
    }

    // MARK: report

    static let fieldOrder = ["title", "title_key", "year", "season", "seasons", "episodes", "absolute_episodes", "air_date",
                             "full_season", "resolution", "quality", "source", "remux", "codec", "group",
                             "artist", "album", "audio_format", "bitrate", "vbr_preset", "bit_depth", "discography"]

    static func percent(_ x: Double) -> String { String(format: "%5.1f%%", x * 100) }

    /// The figures of one part of the corpus, as `bench/parser_accuracy.sh` prints them.
    public static func report(_ score: Score, label: String, failures: Bool) -> String {
        var lines: [String] = []
        let t = score.total
        let excused = score.excused > 0 ? " (\(score.excused) more assert only conventions not ours)" : ""
        lines.append("\(label): \(t.cases) names\(excused) — all fields right \(percent(t.caseRate)) (\(t.casesRight)), field accuracy \(percent(t.fieldRate)) (\(t.fieldsRight)/\(t.fields))")
        for kind in score.byKind.keys.sorted() {
            let k = score.byKind[kind]!
            lines.append("  kind \(kind.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%5d", k.cases)) names  all right \(percent(k.caseRate)) (\(k.casesRight))  fields \(percent(k.fieldRate))")
        }
        for field in fieldOrder + score.byField.keys.sorted().filter({ !fieldOrder.contains($0) }) {
            guard let f = score.byField[field] else { continue }
            lines.append("  field \(field.padding(toLength: 17, withPad: " ", startingAt: 0)) \(String(format: "%5d", f.cases)) asserted  right \(percent(f.caseRate))")
        }
        if failures {
            let grouped = Dictionary(grouping: score.failures, by: \.field)
            for field in fieldOrder + grouped.keys.sorted().filter({ !fieldOrder.contains($0) }) {
                guard let list = grouped[field] else { continue }
                lines.append("")
                lines.append("failures: \(field) (\(list.count))")
                for f in list { lines.append("  \(f.name)\n      expected \(f.expected), got \(f.actual)   [\(f.source)]") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
