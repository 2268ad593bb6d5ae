import Core
import Testing

/// Title and numbering shapes from issue 14's sixth parser round, found in public parser suites the fixture corpus
/// does not draw on: dbr/tvnamer's tests/test_files.py and test_parsing.py, sabnzbd's tests/test_sorting.py, Kodi's
/// xbmc/video/test/TestVideoInfoScanner.cpp, bitmagnet's internal/classifier/parsers/date_test.go, and the round-5
/// scratch sets (platelminto/parse-torrent-title, dreulavelle/PTT). Rows marked "seen in" are names those suites
/// assert (names with their fields are facts); the others are made up here for the same class. Each table holds
/// near misses that must not be read that way.
@Suite struct ParserRound6TitleTests {
    /// A language's name right before the year is the title's when nothing says it tags the release.
    static let languageWordsBeforeTheYear: [ParserCase] = [
        // seen in parse-torrent-title (platelminto, PTT)
        .init(name: "Johnny.English.2003.1080p.BluRay.x264-[YTS.AG]", title: "Johnny English", year: 2003, languages: []),
        .init(name: "The Good German (2006).VOSTFR.720p.WEBDL.h264.aac.mkv", title: "The Good German", year: 2006, languages: ["french"]),
        // a shape Radarr's Parser.cs names: "German" after "Good" or "The" is no tag
        .init(name: "The.Good.German.2006.1080p.BluRay.x264-Grp", title: "The Good German", year: 2006),
        .init(name: "Some.Italian.Movie.2011.ITALIAN.720p.BluRay.x264-Grp", title: "Some Italian Movie", year: 2011, languages: ["italian"]),
        // Near misses: a German tracker's "Title.German.Year", a capital ENGLISH tag, a language after the year or
        // with no year, are the release's language.
        .init(name: "Der.Film.deines.Lebens.German.2011.PAL.DVDR-Grp", title: "Der Film deines Lebens", year: 2011, languages: ["german"]),
        .init(name: "Some.Movie.ENGLISH.2011.720p.BluRay.x264-Grp", title: "Some Movie", year: 2011, languages: ["english"]),
        .init(name: "Immersion.French.2011.STV.READNFO.QC.NTSC.DVDR.nfo", title: "Immersion", year: 2011),
        .init(name: "Title.2010.German.720p.BluRay.x264-Grp", title: "Title", year: 2010, languages: ["german"]),
        .init(name: "Title.German.720p.BluRay.x264-Grp", title: "Title", languages: ["german"]),
    ]

    @Test(arguments: languageWordsBeforeTheYear) func keepsALanguageWordThatNamesTheTitle(_ c: ParserCase) { c.check() }
}
