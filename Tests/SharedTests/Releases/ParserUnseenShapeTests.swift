import Core
import Testing

/// Name shapes from issue 14's fourth parser round, found in public parser suites the fixture corpus
/// does not draw on: erengy/anitomy (test/data.json) and dreulavelle/PTT (tests/*.py). Rows marked
/// "seen in" are release names those suites assert (names with their fields are facts); the others
/// are made up here for the same class. Each table holds near misses that must not be read that way.
@Suite struct ParserUnseenShapeTests {
    /// An anime file's CRC32 is never its group; the bracket right before it often is.
    static let checksums: [ParserCase] = [
        // seen in anitomy
        .init(name: "[Himatsubushi]_Sora_no_Woto_-_01_-_H264_-_720p_-_E83AD672.mkv", title: "Sora no Woto", absolute: [1], group: "Himatsubushi"),
        .init(name: "Show_Name_-_03_-_x264_-_1080p_-_1A2B3C4D", title: "Show Name", absolute: [3], noGroup: true),
        // seen in anitomy
        .init(name: "Detective Conan - 316-317 [DCTP][2411959B].mkv", title: "Detective Conan", absolute: [316, 317], group: "DCTP"),
        .init(name: "Show Name - 12 (Central Anime) [BD841253].mkv", title: "Show Name", absolute: [12], group: "Central Anime"),
        // Near misses: jargon or a distributor before the CRC is no group; a leading group wins.
        .init(name: "Show Name - 12 [720p][BD841253].mkv", title: "Show Name", absolute: [12], quality: .p720, noGroup: true),
        .init(name: "[Grp] Show Name - 12 [Extra][BD841253].mkv", title: "Show Name", absolute: [12], group: "Grp"),
        .init(name: "Show.Name.S01E02.720p.HDTV.x264-Crew", title: "Show Name", season: 1, episodes: [2], group: "Crew"),
    ]

    /// A fansub group in brackets may hold dots, hyphens and ampersands.
    static let gluedBracketGroups: [ParserCase] = [
        // seen in anitomy
        .init(name: "[BakaWolf-m.3.3.w] Special Name 01 (H.264) [C83164B9].mkv", title: "Special Name", absolute: [1], group: "BakaWolf-m.3.3.w"),
        .init(name: "[Sub.Team-x.y] Show Name - 04 [720p].mkv", title: "Show Name", absolute: [4], group: "Sub.Team-x.y"),
        // Near miss: a long spaced bracket in front is a title, not a group.
        .init(name: "[Show Name Here With Many Words][07][720p]", title: "Show Name Here With Many Words", absolute: [7]),
    ]

    /// Episode numbers written with a version apart, or with a split-episode letter.
    static let episodeSuffixes: [ParserCase] = [
        // seen in anitomy
        .init(name: "[Chihiro]_Kono_Aozora_ni_Yakusoku_Wo_10_v2_[DVD][h264][C83D206B].mkv", title: "Kono Aozora ni Yakusoku Wo", absolute: [10], group: "Chihiro"),
        // seen in anitomy: "01v2" after a spaced dash is the episode, not a group
        .init(name: "Mary Bell (DVD) - 01v2 [h-b].mkv", title: "Mary Bell", absolute: [1], source: .dvd, group: "h-b"),
        // seen in PTT
        .init(name: "The Amazing World of Gumball - 107a - The Mystery (720p.x264.ac3-5.1) [449].mkv", title: "The Amazing World of Gumball", absolute: [107]),
        .init(name: "[Grp] Show Name - 09b [1080p].mkv", title: "Show Name", absolute: [9], group: "Grp"),
        // seen in PTT: a recap numbered between two episodes is filed under the one before it
        .init(name: "[KH] Sword Art Online II - 14.5 - Debriefing.mkv", title: "Sword Art Online II", absolute: [14], group: "KH"),
        .init(name: "Show Title - 12.5 [1080p]", title: "Show Title", absolute: [12], quality: .p1080),
        // Near misses: a decimal without a dash before it is the title's ("Evangelion 1.11"), as are audio channels.
        .init(name: "Evangelion 1.11 - You Are (Not) Alone", title: "Evangelion 1.11 - You Are (Not) Alone", absolute: []),
        .init(name: "Show - 05 - AAC 5.1 [720p]", title: "Show", absolute: [5]),
        // Near misses: a letter after one digit, or a longer word, is no split episode.
        .init(name: "Movie 2b (2019) 1080p BluRay x264-Grp", title: "Movie 2b", year: 2019, group: "Grp"),
    ]

    /// "(TV)" and kin after a title tag the release; a fansub's volume ends the title.
    static let trailingTags: [ParserCase] = [
        // seen in anitomy
        .init(name: "[AnimeRG] Ushio to Tora (TV) - 02 [720p] [Xcelent].mkv", title: "Ushio to Tora", absolute: [2], group: "AnimeRG"),
        // seen in PTT
        .init(name: "Kyoukai no Rinne (TV) 3rd Season - 23 [1080p]", title: "Kyoukai no Rinne", season: 3, absolute: [23]),
        // seen in anitomy
        .init(name: "[Harunatsu] Classroom Crisis - Vol.1 [BD 720p-AAC]", title: "Classroom Crisis", absolute: [], group: "Harunatsu"),
        .init(name: "[Grp] Show Name Vol.2 (BD 1080p FLAC)", title: "Show Name", absolute: [], group: "Grp"),
        // Near misses: a film's volume is its title; "(TV)" inside the title stays.
        .init(name: "Kill.Bill.Vol.1.2003.1080p.BluRay.x264-Grp", title: "Kill Bill Vol 1", year: 2003, group: "Grp"),
        .init(name: "Show (TV) Name - 02 [720p]", title: "Show (TV) Name", absolute: [2]),
    ]

    /// Site adverts whose dots were lost or mistyped.
    static let siteAdverts: [ParserCase] = [
        // seen in PTT
        .init(name: "www 1TamilBlasters tel - Migration (2023) [English - 720p HQ HDRip - x264 - 850MB - ESub] mkv", title: "Migration", year: 2023),
        .init(name: "ww.Tamilblasters.sbs - 8 Bit Christmas (2021) HQ HDRip - x264 - Telugu (Fan Dub) - 400MB].mkv", title: "8 Bit Christmas", year: 2021),
        .init(name: "www.Site.org - Movie Name (2020) 1080p WEB-DL", title: "Movie Name", year: 2020, source: .webdl),
        // Near miss: a title that starts with "www" words and has no domain before its dash.
        .init(name: "www Wild West World - 01 [720p]", title: "www Wild West World", absolute: [1]),
    ]

    /// Season and episode written the Spanish, Portuguese or Russian way, or without the S.
    static let foreignNumbering: [ParserCase] = [
        // seen in PTT
        .init(name: "My Little Pony - A Amizade é Mágica - T02E22.mp4", title: "My Little Pony - A Amizade é Mágica", season: 2, episodes: [22]),
        .init(name: "Serie Nombre T01xE08 720p", title: "Serie Nombre", season: 1, episodes: [8], quality: .p720),
        // seen in PTT
        .init(name: "Vikkatakavi 01E06.mkv", title: "Vikkatakavi", season: 1, episodes: [6]),
        // seen in PTT
        .init(name: "Разрушители легенд. MythBusters. Сезон 15. Эпизод 09. Скрытая угроза (2015).avi", title: "MythBusters", season: 15, episodes: [9]),
        .init(name: "Сериал Сезон 3, Серия 21 (2019) WEB-DL 1080p", title: "Сериал", season: 3, episodes: [21]),
        // Near misses: "Title T2" is a title; "10E5" is no padded season.
        .init(name: "Terminator T2 1991 1080p BluRay x264-Grp", title: "Terminator T2", year: 1991, group: "Grp"),
        .init(name: "Show 10E5 Name 2019 1080p WEB-DL", title: "Show 10E5 Name", year: 2019),
    ]

    /// Rarer source and resolution words.
    static let rareSources: [ParserCase] = [
        // seen in PTT
        .init(name: "Genova DVD-Screener Spanish 2008", title: "Genova", year: 2008, source: .dvd),
        .init(name: "El Albergue Rojo BR-Screener Spanish 2007", title: "El Albergue Rojo", year: 2007, source: .dvd),
        .init(name: "Star Trek TS-Screener Spanish 2009", title: "Star Trek", year: 2009, source: .cam),
        .init(name: "The.Mysteries.of.Pittsburgh.LIMITED.SCREENER.XviD-COALiTiON", title: "The Mysteries of Pittsburgh", source: .dvd, group: "COALiTiON"),
        .init(name: "Companion.2025.1080p.HDSCR.x264-Nuxl.mkv", title: "Companion", year: 2025, source: .dvd, group: "Nuxl"),
        .init(name: "Bohemian Rhapsody 2018.2160p.UHDrip.x265.HDR.DD+.5.1-DTOne", title: "Bohemian Rhapsody", year: 2018, quality: .p2160, source: .bluray),
        .init(name: "UFC 187 PPV 720i HDTV X264-KYR", title: "UFC 187", quality: .p720, source: .hdtv, group: "KYR"),
        // Vocabulary of the *arr quality parsers (Radarr's QualityParser), written here as our own names.
        .init(name: "Movie.Title.2019.AmazonSD.x264-Grp", title: "Movie Title", year: 2019, source: .webdl, group: "Grp"),
        .init(name: "Movie.Title.2019.WEBDLmux.x264-Grp", title: "Movie Title", year: 2019, source: .webdl, group: "Grp"),
        .init(name: "Movie.Title.2019.960p.WEB-DL.x264-Grp", title: "Movie Title", year: 2019, quality: .p720, source: .webdl),
        .init(name: "Movie.Title.2019.XvidHD.720p-Grp", title: "Movie Title", year: 2019, source: .hdtv, codec: "XviD", group: "Grp"),
        .init(name: "Movie.Title.2019.HD-DVDRip.x264-Grp", title: "Movie Title", year: 2019, source: .bluray, group: "Grp"),
        .init(name: "Series.Title.S01E01.SD.TV.x264-Grp", title: "Series Title", season: 1, episodes: [1], source: .hdtv),
        // Near misses: "SD" and "HD" alone are no sources; "TS" alone before a title word stays weak.
        .init(name: "Movie.Title.SD.2019.x264-Grp", title: "Movie Title SD", year: 2019, source: .unknown, group: "Grp"),
        .init(name: "Movie.Name.2019.TS.x264-Grp", title: "Movie Name", year: 2019, source: .cam, group: "Grp"),
    ]

    /// Distributor tags and extensions written the way a name with lost dots writes them.
    static let lostDots: [ParserCase] = [
        // seen in PTT
        .init(name: "Interstellar 2014 1080p BluRay DDP 5 1 x265-EDGE2020 mkv", title: "Interstellar", year: 2014, group: "EDGE2020"),
        .init(name: "Series Title S01E01 1080p WEB H264-GRP EZTV", title: "Series Title", season: 1, episodes: [1], group: "GRP"),
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-GRP_RARBG", title: "Movie Title", year: 2019, group: "GRP"),
        // seen in PTT: the multiplication sign is a frame size's x only after a digit
        .init(name: "[NC-Raws] 间谍过家家 / SPY×FAMILY - 04 (B-Global 1920x1080 HEVC AAC MKV)", title: "SPY×FAMILY", absolute: [4], group: "NC-Raws"),
        .init(name: "Movie 2019 1920×1080 WEB-DL", title: "Movie", year: 2019, quality: .p1080),
        // Near miss: "Mkv" inside a title stays.
        .init(name: "The Mkv Story 2019 1080p WEB-DL", title: "The Mkv Story", year: 2019),
    ]

    /// Shapes Sonarr's parser names in its comments (Parser.cs), written here as our own names.
    static let sonarrShapes: [ParserCase] = [
        // "Anime - [SubGroup] Title Absolute (Season+Episode)"
        .init(name: "[Grp] Series Title 012 (S01E12) [720p]", title: "Series Title", season: 1, episodes: [12], absolute: [12], group: "Grp"),
        .init(name: "[Grp] Series Title 012 - S01E12 [720p]", title: "Series Title", season: 1, episodes: [12], absolute: [12], group: "Grp"),
        // "Mini-Series, treated as season 1, multi episodes are labelled as E1-E2"
        .init(name: "Series Title E1-E2 720p", title: "Series Title", season: 1, episodes: [1, 2]),
        // "Mini-Series with year in title ... labelled as Part01"
        .init(name: "Series Title 2019 Part01 720p", title: "Series Title", year: 2019, season: 1, episodes: [1]),
        // "Daily episodes that use short month format instead of number"
        .init(name: "Series Title 28 Apr 2018 720p", title: "Series Title", airDate: "2018-04-28"),
        // "iTunes 1-05 Title (Quality).ext"; seen in PTT: "4-13 Cursed (HD).m4v"
        .init(name: "1-05 Title (HD).m4v", title: "", season: 1, episodes: [5], noGroup: true),
        .init(name: "2-06. Девичья сила.mkv", title: "", season: 2, episodes: [6]),
        .init(name: "11-02_The_Series_Reaction (HD).m4v", title: "", season: 11, episodes: [2]),
        // Chinese fansub layouts Sonarr normalises (ParserCommon.cs): a season ending the title bracket, a season
        // after the Chinese title before the English one.
        .init(name: "[Grp][中文标题][Show Name S2][05][1080p]", title: "Show Name", season: 2, absolute: [5], group: "Grp"),
        .init(name: "[Grp] 中文标题 S2 / Show Name S2 - 05 [1080p]", title: "Show Name", season: 2, absolute: [5], group: "Grp"),
        .init(name: "Seriesless (2016/S01/WEB-DL/1080p/AC3 5.1/DUAL/SUB)", title: "Seriesless", season: 1),
        .init(name: "Черное зеркало / Black Mirror / Сезон 4 / Серии 1-6 (6) [2017, WEBRip 1080p]", title: "Black Mirror", season: 4, episodes: [1, 2, 3, 4, 5, 6], absolute: []),
        // Near misses: a lone "E1", a number before a word that is no month, a zero-padded range, a title number.
        .init(name: "Series Title E1 720p", title: "Series Title E1", episodes: []),
        .init(name: "Series Title 15 Mayhem 2018 720p", title: "Series Title 15 Mayhem", year: 2018),
        .init(name: "01-12 Title [720p]", title: "01-12 Title", season: nil),
        .init(name: "[Grp] Series Title 100 - 05 - Sub Title [720p]", title: "Series Title 100", absolute: [5], group: "Grp"),
    ]

    /// What Sonarr's group parser (ReleaseGroupParser.cs) refuses after the last hyphen: a bit depth and language codes.
    static let notGroupsAfterHyphen: [ParserCase] = [
        .init(name: "Movie Title 2019 1080p BluRay x265 10-bit", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-GER", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "Series.Title.S01E01.1080p.WEB-DL-CAT", title: "Series Title", season: 1, episodes: [1], noGroup: true),
        // Near miss: a group whose second part is "bits" keeps it.
        .init(name: "Some.Movie.2019.1080p.BluRay.DTS.x264-Blu-bits", title: "Some Movie", year: 2019, group: "Blu-bits"),
    ]

    /// Named cuts Radarr's parser knows (Parser.cs EditionRegex), written here as our own names: before the year
    /// they end the title.
    static let namedCuts: [ParserCase] = [
        .init(name: "Movie.Title.Despecialized.1977.1080p.BluRay", title: "Movie Title", year: 1977),
        .init(name: "Movie.Title.Assembly.Cut.2010.1080p", title: "Movie Title", year: 2010),
        .init(name: "Movie.Title.Rekall.Version.2010.1080p", title: "Movie Title", year: 2010),
        .init(name: "Movie.Title.25th.Anniversary.Edition.2010.1080p", title: "Movie Title", year: 2010),
        .init(name: "Movie.Title.2in1.2010.1080p", title: "Movie Title", year: 2010),
        .init(name: "Movie.Title.Extended.Version.2010.1080p", title: "Movie Title", year: 2010),
        // Near misses: the words alone are titles.
        .init(name: "The.Bounty.Hunter.2010.1080p", title: "The Bounty Hunter", year: 2010),
        .init(name: "The.Rogue.2010.1080p", title: "The Rogue", year: 2010),
    ]

    @Test(arguments: namedCuts) func trimsNamedCuts(_ c: ParserCase) { c.check() }
    @Test(arguments: notGroupsAfterHyphen) func refusesBitDepthsAndLanguagesAsGroups(_ c: ParserCase) { c.check() }
    @Test(arguments: sonarrShapes) func readsSonarrShapes(_ c: ParserCase) { c.check() }
    @Test(arguments: lostDots) func readsNamesWithLostDots(_ c: ParserCase) { c.check() }
    @Test(arguments: checksums) func neverTakesAChecksumForAGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: gluedBracketGroups) func readsGluedBracketGroups(_ c: ParserCase) { c.check() }
    @Test(arguments: episodeSuffixes) func readsEpisodeSuffixes(_ c: ParserCase) { c.check() }
    @Test(arguments: trailingTags) func dropsTrailingKindTagsAndVolumes(_ c: ParserCase) { c.check() }
    @Test(arguments: siteAdverts) func skipsMistypedSiteAdverts(_ c: ParserCase) { c.check() }
    @Test(arguments: foreignNumbering) func readsForeignNumbering(_ c: ParserCase) { c.check() }
    @Test(arguments: rareSources) func readsRareSources(_ c: ParserCase) { c.check() }
}
