import Foundation
import Testing
@testable import Core
@testable import Releases

/// The parser against the fixture corpus (Tests/Fixtures/parser): each part must stay at or above
/// the figures in accuracy-threshold.json, which is raised with every improvement and never
/// lowered to make a change pass. Only totals are checked here; `bench/parser_accuracy.sh` prints
/// the breakdown and the failures.
@Suite struct ParserCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/parser").standardizedFileURL

    struct Threshold: Decodable {
        var cases: Double
        var fields: Double
        var kinds: [String: Double]
    }

    static func thresholds() throws -> [String: Threshold] {
        try JSONDecoder().decode([String: Threshold].self, from: Data(contentsOf: folder.appendingPathComponent("accuracy-threshold.json")))
    }

    @Test(arguments: ["tuning", "holdout"])
    func accuracyStaysAtTheCommittedFigure(part: String) throws {
        let cases = try ParserCorpus.load(Self.folder.appendingPathComponent("\(part).jsonl"))
        #expect(cases.count > 300, "the \(part) corpus is there")
        let threshold = try #require(try Self.thresholds()[part])
        let score = ParserAccuracy.score(cases)
        let summary = ParserAccuracy.report(score, label: part, failures: false)
        #expect(score.total.caseRate >= threshold.cases, "all-fields-right fell below \(threshold.cases)\n\(summary)")
        #expect(score.total.fieldRate >= threshold.fields, "field accuracy fell below \(threshold.fields)\n\(summary)")
        for (kind, minimum) in threshold.kinds {
            let rate = score.byKind[kind]?.caseRate ?? 0
            #expect(rate >= minimum, "\(kind) all-fields-right fell below \(minimum)\n\(summary)")
        }
    }

    @Test func scoringCountsWrongFields() throws {
        let cases = try ParserCorpus.parse("""
        {"name": "Series.Title.S02E05.720p.HDTV.x264-GRP", "kind": "episode", "source": "t", "expect": {"title": "series title", "season": 2, "episodes": [5], "group": "GRP"}}
        {"name": "Series.Title.S02E05.720p.HDTV.x264-GRP", "kind": "episode", "source": "t", "expect": {"season": 3, "quality": "720p", "full_season": false}}
        {"name": "Movie (2010) 1080p", "kind": "movie", "source": "t", "expect": {"title": "Movie", "year": 2010, "group": null}}
        """)
        let score = ParserAccuracy.score(cases)
        #expect(score.total == ParserAccuracy.Tally(cases: 3, casesRight: 2, fields: 10, fieldsRight: 9))
        #expect(score.failures.map(\.field) == ["season"])
        #expect(score.byKind["movie"]?.casesRight == 1)
    }

    /// Other suites' conventions (NOTE.md) are mapped by the scorer, for their suite only.
    @Test func conventionsNotOursAreMapped() throws {
        let sonarrQuality = "sonarr:src/NzbDrone.Core.Test/ParserTests/QualityParserFixture.cs#should_parse_sdtv_quality"
        let cases = try ParserCorpus.parse("""
        {"name": "The.Series.S02E15.avi", "kind": "episode", "source": "\(sonarrQuality)", "expect": {"source": "hdtv"}}
        {"name": "The.Series.S02E15.avi", "kind": "episode", "source": "guessit:x", "expect": {"source": "hdtv"}}
        {"name": "The.Voice.UK.S03E12.HDTV.x264-C4TV", "kind": "episode", "source": "guessit:x", "expect": {"title": "The Voice"}}
        {"name": "The.Voice.UK.S03E12.HDTV.x264-C4TV", "kind": "episode", "source": "sonarr:x", "expect": {"title": "The Voice"}}
        {"name": "[HorribleSubs] Garo - Vanishing Line - 01 [1080p].mkv", "kind": "episode", "source": "guessit:x", "expect": {"title": "Garo"}}
        {"name": "[HorribleSubs] Garo - Vanishing Line - 01 [1080p].mkv", "kind": "episode", "source": "sonarr:x", "expect": {"title": "Garo"}}
        {"name": "Series 2022 S03E14 720p HDTV X264-DIMENSION", "kind": "episode", "source": "sonarr:x#should_parse_series_title_info", "expect": {"year": null, "season": 3}}
        {"name": "[Group] Title 2nd Season 24 [1080p]", "kind": "episode", "source": "sonarr:x", "expect": {"title": "Title 2nd Season"}}
        {"name": "Series Title [2022] [S25E13] [PL] [720p]", "kind": "episode", "source": "sonarr:x", "expect": {"title": "Series Title [2022]"}}
        {"name": "Series Title [2022] [S25E13] [PL] [720p]", "kind": "episode", "source": "guessit:x", "expect": {"title": "Series Title [2022]"}}
        """)
        let score = ParserAccuracy.score(cases)
        #expect(score.excused == 1)
        #expect(score.total.cases == 9)
        #expect(Set(score.failures.map(\.source)) == ["guessit:x", "sonarr:x"])
        #expect(score.failures.count == 4, "\(score.failures.map(\.name))")
        #expect(score.failures.filter { $0.name.hasPrefix("Series Title [2022]") }.map(\.source) == ["guessit:x"])
        #expect(score.total.fields == 9)
    }

    /// Accents do not count in a title; guessit's bare `Web` for a "WEBRip" name does not decide
    /// web-dl against web rip. Neither excuses anything else.
    @Test func accentsAndGuessitsUnlistedRipAreNotChecked() throws {
        let cases = try ParserCorpus.parse("""
        {"name": "La.Science.Des.Reves.FRENCH.DVDRip.XviD-MP", "kind": "movie", "source": "t", "expect": {"title": "La Science des Rêves"}}
        {"name": "La.Science.Des.Reves.FRENCH.DVDRip.XviD-MP", "kind": "movie", "source": "t", "expect": {"title": "La Science des Rives"}}
        {"name": "The.Daily.Show.2015.07.02.CC.WEBRip.AAC2.0.x264-BTW", "kind": "episode", "source": "guessit:x", "expect": {"source": "webdl", "group": "BTW"}}
        {"name": "The.Daily.Show.2015.07.02.CC.WEBRip.AAC2.0.x264-BTW", "kind": "episode", "source": "sonarr:x", "expect": {"source": "webdl"}}
        {"name": "The.Daily.Show.2015.07.02.HDRip.AAC2.0.x264-BTW", "kind": "episode", "source": "guessit:x", "expect": {"source": "webdl"}}
        """)
        let score = ParserAccuracy.score(cases)
        #expect(score.excused == 0)
        #expect(score.total.fields == 5, "only the guessit WEBRip case's source is left out")
        #expect(score.failures.map(\.name) == ["La.Science.Des.Reves.FRENCH.DVDRip.XviD-MP",
                                               "The.Daily.Show.2015.07.02.CC.WEBRip.AAC2.0.x264-BTW",
                                               "The.Daily.Show.2015.07.02.HDRip.AAC2.0.x264-BTW"])
        #expect(ParserAccuracy.titleKey("Pokémon: Les Œufs") == ParserAccuracy.titleKey("POKEMON les œufs"))
        // Sonarr's clean title spells "%" after a number out, and drops joining words inside the title only.
        #expect(ParserAccuracy.cleanKey("3% Series") == "3percentseries")
        #expect(ParserAccuracy.cleanKey("The Lord of the Rings") == "thelordrings")
        #expect(ParserAccuracy.cleanKey("Series & Sons") == "seriessons")
    }

    /// Lidarr's older copies of Sonarr's group tests name the encoder before a closing collective tag; we name
    /// the collective, as Sonarr's and Radarr's current tests do. Mapped for Lidarr only, and only when our
    /// group is the tag that closes the name right after that encoder.
    @Test func lidarrsEncoderBeforeACollectiveTagIsMapped() throws {
        let cases = try ParserCorpus.parse("""
        {"name": "Show Name (2021) Season 1 S01 (1080p BluRay x265 HEVC 10bit AAC 5.1 Tigole) [QxR]", "kind": "music", "source": "lidarr:x", "expect": {"group": "Tigole"}}
        {"name": "Show Name (2016) Season 1 S01 (1080p AMZN WEB-DL x265 HEVC 10bit EAC3 5 1 RZeroX) QxR", "kind": "music", "source": "lidarr:x", "expect": {"group": "RZeroX"}}
        {"name": "Artist Title - Album Title (Showtime) (1080p.BD.DD5.1.x265-TheSickle[TAoE])", "kind": "music", "source": "lidarr:x", "expect": {"group": "TheSickle"}}
        {"name": "Show Name (2021) Season 1 S01 (1080p BluRay x265 HEVC 10bit AAC 5.1 Tigole) [QxR]", "kind": "episode", "source": "sonarr:x", "expect": {"group": "Tigole"}}
        {"name": "Show Name (2021) Season 1 S01 (1080p BluRay x265 HEVC 10bit AAC 5.1 Tigole) [QxR]", "kind": "music", "source": "lidarr:x", "expect": {"group": "Panda"}}
        {"name": "Show.Name.S01E01.720p.HDTV.x264-Tigole-QxR", "kind": "music", "source": "lidarr:x", "expect": {"group": "Tigole"}}
        """)
        let score = ParserAccuracy.score(cases)
        #expect(score.failures.map(\.source) == ["sonarr:x", "lidarr:x", "lidarr:x"], "\(score.failures.map(\.name))")
        #expect(score.failures.last?.name == "Show.Name.S01E01.720p.HDTV.x264-Tigole-QxR")
    }
}
