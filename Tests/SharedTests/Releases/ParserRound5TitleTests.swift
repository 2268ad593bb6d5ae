import Core
import Testing

/// Title and numbering shapes from issue 14's fifth parser round, found in public parser suites the fixture corpus
/// does not draw on: FlexGet's tests/test_seriesparser.py, platelminto/parse-torrent-title's tests/files,
/// pr0pz/scene-release-parser's test/ReleaseParser.test.js and jellyfin's tests/Jellyfin.Naming.Tests. Rows marked
/// "seen in" are names those suites assert (names with their fields are facts); the others are made up here for
/// the same class. Each table holds near misses that must not be read that way.
@Suite struct ParserRound5TitleTests {
    /// A season or episode word glued to its number.
    static let gluedNumberWords: [ParserCase] = [
        // seen in FlexGet
        .init(name: "Something - Season2, Episode2", title: "Something", season: 2, episodes: [2]),
        .init(name: "Something - Series3, Episode2", title: "Something", season: 3, episodes: [2]),
        .init(name: "Something - Episode2", title: "Something", season: 1, episodes: [2]),
        // seen in scene-release-parser
        .init(name: "Friends.Saison5.Episode5-8.vo.subtitlefrench.DVDRIP.DivX-RoToTo", title: "Friends", season: 5, episodes: [5, 6, 7, 8]),
        .init(name: "Show.Name.Staffel2.German.720p.WEB.x264-Grp", title: "Show Name", season: 2, fullSeason: true),
        // Near misses: a longer word, a plural or a three-digit number is no season.
        .init(name: "Seasonal.Show.2019.1080p.WEB.x264-Grp", title: "Seasonal Show", year: 2019, season: nil),
        .init(name: "Show.Name.Seasons2.720p", title: "Show Name Seasons2", season: nil),
        .init(name: "Show.Name.Season123.720p", title: "Show Name Season123", season: nil),
    ]

    /// Numbers that follow their marker in brackets, and a spaced "to" range of seasons.
    static let markerForms: [ParserCase] = [
        // seen in parse-torrent-title
        .init(name: "www.1TamilBlasters.art - Sultan of Delhi (2023) S01EP(01-09) [HQ HDRip - x264 - AAC - 1.2GB - ESub]",
              title: "Sultan of Delhi", year: 2023, season: 1, episodes: Array(1...9)),
        .init(name: "Show Name S02E(05) 720p", title: "Show Name", season: 2, episodes: [5]),
        // a shape Sonarr's Parser.cs names: a five-digit episode
        .init(name: "Show.Title.S01E10105.720p-GRP", title: "Show Title", season: 1, episodes: [10105]),
        // seen in parse-torrent-title
        .init(name: "Justified - Season 1 to 6 - Mp4 x264 AC3 1080p", title: "Justified", seasons: Array(1...6)),
        // Near misses: "Season 2 - 05" stays season 2's episode 5; a bracket after a plain word is no episode.
        .init(name: "Show Name Season 2 - 05 [720p]", title: "Show Name", season: 2),
        // A dotted name's ".-." and a season in its own bracket are no range of seasons either.
        .init(name: "[Grp].Anime.Name.(Season.2).-.33.(1280x720).[42A12A76].mkv", title: "Anime Name", season: 2, absolute: [33]),
        .init(name: "Show.Seasons.1.-.3.1080p", title: "Show", seasons: [1, 2, 3]),
        // (Round 6: "S01.05" is season 1's episode 5, as Sonarr's Parser.cs reads "s01.05"; the "06" is no second season.)
        .init(name: "Show.Title.S01.05.06.720p", title: "Show Title", season: 1, episodes: [5], seasons: [1]),
        .init(name: "Shape (2019) 1080p WEB x264-Grp", title: "Shape", year: 2019, episodes: []),
    ]

    /// A lone capital A ends titles ("Plan A"); the other articles still go; a double hyphen ends a title.
    static let trailingLetters: [ParserCase] = [
        // seen in parse-torrent-title
        .init(name: "Athlete.A.2020.1080p.WEB.H264-HUZZAH[TGx]", title: "Athlete A", year: 2020),
        .init(name: "Plan.A.2021.1080p.BluRay.x264-Grp", title: "Plan A", year: 2021),
        // A double hyphen ends the title (guessit files what follows as an alternative title).
        .init(name: "Movie.Title--Subtitle.2010.1080p", title: "Movie Title", year: 2010),
        .init(name: "Some_Film--The_Other_Name.mkv", title: "Some Film"),
        // Tags that end titles: German scene's "Line Dubbed", an edition's first word, a picture label last.
        .init(name: "Sweet.Home.Alabama.SCREENER.Line.Dubbed.German.VCD-TGSC", title: "Sweet Home Alabama"),
        .init(name: "Der.Herr.Der.Ringe.SPECIAL.EXTENDED.EDITION.2001.German.DL.1080p.BluRay.AVC-AVCBD", title: "Der Herr Der Ringe", year: 2001),
        .init(name: "Crouching.Tiger.Hidden.Dragon.UHD.mkv", title: "Crouching Tiger Hidden Dragon"),
        // Near misses: a dangling "The" goes; a lower-case "a" is an article; a hyphenated word stays; "Line" alone stays.
        .init(name: "Series - The Complete Series 720p", title: "Series"),
        .init(name: "Movie.Title.a.2019.1080p", title: "Movie Title", year: 2019),
        .init(name: "Spider-Man.Far.From.Home.2019.1080p", title: "Spider-Man Far From Home", year: 2019),
        .init(name: "Party.Line.2010.1080p", title: "Party Line", year: 2010),
        // A streaming service's code written as a title's word is the title's (issue 14: no false hits from ordinary words).
        .init(name: "Big.Red.2016.720p", title: "Big Red", year: 2016),
        .init(name: "Simply Red - 2016-07-08 Montreux Jazz Festival 720p", title: "Simply Red", airDate: "2016-07-08"),
        .init(name: "Movie.Title.AMZN.2016.720p", title: "Movie Title", year: 2016),
    ]

    /// Library layouts (Plex, Jellyfin, Radarr, Sonarr) and release folders: the folder names the title when the file's
    /// own name is a hash, a DVD's structure, an abbreviation or the same title without its accents or with junk in front.
    static let folderTitles: [ParserCase] = [
        .init(name: "Movies/Some Movie (2010)/3f9a0c1d2e4b5a6978c0d1e2f3a4b5c6.mkv", title: "Some Movie", year: 2010),
        .init(name: "/share/Movies/Some Movie (2013) BRRiP XViD/XD607ebb-BRc59935-5155473f/XD607ebb-BRc59935-5155473f.avi",
              title: "Some Movie", year: 2013, source: .bluray),
        .init(name: "Movies/Inception (2010)/VIDEO_TS/VTS_01_1.VOB", title: "Inception", year: 2010, source: .dvd),
        .init(name: "Movies/Ratatouille/video_ts-ratatouille.srt", title: "Ratatouille", source: .dvd),
        .init(name: "Movies/Amélie (2001)/Amelie.2001.1080p.BluRay.x264-GRP.mkv", title: "Amélie", year: 2001, group: "GRP"),
        .init(name: "Movies/Heat (1995)/2009.heat.1080p.mkv", title: "Heat", year: 1995),
        .init(name: "Movies/Some Movie (2010)/smv-720p.mkv", title: "Some Movie", year: 2010, quality: .p720),
        // seen in SickChill's tests: a scene episode file's abbreviation in its release folder
        .init(name: "MythBusters.S08E16.720p.HDTV.x264-aAF/aaf-mb.s08e16.720p.mkv", title: "MythBusters", season: 8, episodes: [16]),
        .init(name: "Show.Name.S02E05.720p.HDTV.x264-GRP/grp-sn.s02e06.720p.mkv", title: "grp-sn", season: 2, episodes: [6]),
        // jellyfin's tests: a file in a season folder is that season's, even without its number.
        .init(name: "TV/Caprica (2008)/Season 1/Apotheosis_1920x1080.mp4", title: "Caprica", year: 2008, season: 1, episodes: []),
        .init(name: "TV/Show Name/Season 4/Show Name [401] Pilot.avi", title: "Show Name", season: 4, episodes: [1]),
        // Near misses: a genre folder, a show folder without the article, a fansub's long-running number, a
        // readable name glued together, a release folder named like its file.
        .init(name: "Movies/Comedy/some_movie.avi", title: "some movie"),
        .init(name: "Series/Simpsons/Season 12/Simpsons,.The.12x08.Title.avi", title: "The Simpsons", season: 12, episodes: [8]),
        .init(name: "TV/Show Name/Season 1/[Grp] Show Name - 112 [720p].mkv", title: "Show Name", season: 1, episodes: [112]),
        .init(name: "Movies/Movie.2010.1080p.BluRay.x264-GRP/Movie.2010.1080p.BluRay.x264-GRP.mkv", title: "Movie", year: 2010, group: "GRP"),
        .init(name: "Movies/Heat (1995)/Dead.Heat.2002.1080p.mkv", title: "Dead Heat", year: 2002),
    ]

    /// Bare numbers placed where only an episode's number goes.
    static let bareNumbers: [ParserCase] = [
        // seen in FlexGet: a number right before an anime file's CRC32
        .init(name: "Something 63 [560D3414]", title: "Something", absolute: [63]),
        .init(name: "Show Name 07 [ABCD1234].mkv", title: "Show Name", absolute: [7]),
        // seen in jellyfin: in a show's folder, a number right after the show's title
        .init(name: "The Simpsons/The Simpsons 12.avi", title: "The Simpsons", absolute: [12]),
        .init(name: "The Simpsons/The Simpsons - 02 Ep Name.avi", title: "The Simpsons", absolute: [2]),
        // seen in scene-release-parser: a cross that opens the name is the title's when SxxEyy follows
        .init(name: "4x4.Ule.ja.Umber.Autoga.Colombias.S01E09.EE.1080p.WEB.h264-EMX", title: "4x4 Ule ja Umber Autoga Colombias", season: 1, episodes: [9]),
        // Sonarr's Parser.cs: "Title Absolute Episode Number [SubGroup] [Hash]"
        .init(name: "Anime Title 99 [RlsGroup] [ABCD1234]", title: "Anime Title", absolute: [99], group: "RlsGroup"),
        // Issue 14: a long-running anime's four-digit count after a space; a fansub's volume after a spaced dash.
        .init(name: "One Piece 1098 [1080p]", title: "One Piece", absolute: [1098]),
        .init(name: "[Grp] Title - Vol.05 [1080p]", title: "Title", absolute: []),
        // Near misses: a CRC32 that is not last, a film's sequel number, a year, a leading cross alone, a scene
        // name's dotted S10E13, a film's number beyond the years.
        .init(name: "Anime Title 99 [ABCD1234] [720p]", title: "Anime Title 99", absolute: []),
        .init(name: "Show.1013.720p.HDTV-GRP", title: "Show", season: 10, episodes: [13]),
        .init(name: "Blade Runner 2049 [1080p]", title: "Blade Runner 2049", absolute: []),
        .init(name: "Movies/Rocky/Rocky 2.avi", title: "Rocky 2", absolute: []),
        .init(name: "Shows/Show Name/Show Name 2010.avi", title: "Show Name", year: 2010, absolute: []),
        .init(name: "Season 2/2x05 - Episode Title.mkv", title: "", season: 2, episodes: [5]),
    ]

    /// Numbers around an episode marker (seen in Medusa's tests/test_guessit.yml).
    static let aroundMarkers: [ParserCase] = [
        .init(name: "Show Name 313-315 s16e03-05", title: "Show Name", season: 16, episodes: [3, 4, 5], absolute: [313, 314, 315]),
        .init(name: "Show.Name.S01E01.2008.BluRay.VC1.1080P.5.1.WMV-NOVO", title: "Show Name", year: 2008, season: 1, episodes: [1]),
        .init(name: "Show.Name.S03.2005.720p.BluRay.x264-SuperGroup", title: "Show Name", year: 2005, season: 3),
        .init(name: "/somefolder/12.monkeys.Season.1.Complete", title: "12 monkeys", season: 1, absolute: []),
        .init(name: "The Simpsons/02.EpName.avi", title: "The Simpsons", absolute: [2], kind: .episode),
        .init(name: "Show.Name.E02.2010", title: "Show Name", year: 2010, episodes: [2]),
        .init(name: "Show.Name.E02.2010 [rarbg]", title: "Show Name", year: 2010, episodes: [2]),
        .init(name: "Show.Name.S14E00.and.S14E01.(Eng.Subs).SDTV.x264-[Grp].mp4", title: "Show Name", season: 14, episodes: [0, 1]),
        .init(name: "/media/Show_Name-s03-x01.mkv", title: "Show Name", season: 3, episodes: [1]),
        // seen in jellyfin's and SickChill's tests: iTunes' "4-12 - Title", a leading range in a season folder; FlexGet's
        // slashed US date
        .init(name: "Series/4-12 - The Woman.mp4", title: "", season: 4, episodes: [12]),
        .init(name: "TV/Show/Season 1/02-03 - blah.avi", title: "Show", season: 1, episodes: [2, 3]),
        .init(name: "Something 10/25/2010", title: "Something", airDate: "2010-10-25"),
        // Near misses: a lone number before the marker is the title's; a year before an episode title stays unread;
        // a codec after a season is no episode; "and" before a word is the episode title's.
        .init(name: "The.100.S04E13.1080p.BluRay.x264-GRP", title: "The 100", season: 4, episodes: [13]),
        .init(name: "Show Name 313-314 s16e03-05", title: "Show Name 313-314", season: 16, episodes: [3, 4, 5]),
        .init(name: "Show.S01E05.1984.Title.720p", title: "Show", season: 1, episodes: [5], noYear: true),
        .init(name: "Show.Name.S01.x264-Grp", title: "Show Name", season: 1, episodes: [], fullSeason: true),
        // A season's extras glued to its marker read as "S01.Extras" does.
        .init(name: "My.Name.Is.Earl.S01Extras.-.Bad.Karma.DVDRip.XviD.avi", title: "My Name Is Earl", season: 1),
        .init(name: "Show.S02Bonus.720p", title: "Show", season: 2),
        .init(name: "Artist - Album 2010 24/96 FLAC", title: "Artist - Album", album: "Album", kind: .music),
        .init(name: "Show.Name.S01E05.and.Then.There.Were.None.720p", title: "Show Name", season: 1, episodes: [5]),
    ]

    /// Brackets of release metadata between a fansub's group and its title (seen in parse-torrent-title's
    /// "[FFF-Remux][Batch] Accel World 1-24"), and library folders that name no title.
    static let leadingJunk: [ParserCase] = [
        .init(name: "[Grp][Batch] Title Name 01-12 [1080p]", title: "Title Name", absolute: Array(1...12), group: "Grp"),
        .init(name: "[Grp] [BD] Title Name - 05 [1080p]", title: "Title Name", absolute: [5], group: "Grp"),
        .init(name: "[Grp][Batch][Title Name][01-12][1080p]", title: "Title Name", absolute: Array(1...12), group: "Grp"),
        // seen in jellyfin: a Windows drive written with a slash, a film named by a number
        .init(name: "d:/movies/300 (2006).mkv", title: "300", year: 2006, absolute: []),
        .init(name: "Movies/The Doors (1991)/09.03.08.The.Doors.(1991).BDRip.720p.mkv", title: "The Doors", year: 1991),
        // A leading bracket that holds the only title words is the title, not a group.
        .init(name: "[Title Name][11][1080p]", title: "Title Name", absolute: [11], noGroup: true),
        .init(name: "[Movie Title] (2010) [1080p]", title: "Movie Title", year: 2010, noGroup: true),
        // Near misses: a title in a bracket row stays; a word bracket that is no metadata is the title's; a number is a
        // title when an episode follows it.
        .init(name: "[Grp][Title Name][05]", title: "Title Name", absolute: [5], group: "Grp"),
        .init(name: "[Grp] [Oshi] no Ko - 05 [1080p]", title: "[Oshi] no Ko", absolute: [5], group: "Grp"),
        .init(name: "[Grp] 86 - 01 [1080p]", title: "86", absolute: [1], group: "Grp"),
    ]

    /// Dotted names with a space or two of their own still use their dots as spaces.
    static let mixedSeparators: [ParserCase] = [
        // seen in Medusa's tests
        .init(name: "Show.Name.-.Other Name.-.02.(1280x720.HEVC.AAC)", title: "Show Name - Other Name", absolute: [2]),
        .init(name: "Katy.Perry.-.Pepsi & Billboard.Summer.Beats.Concert.2012.1080i.HDTV", title: "Katy Perry - Pepsi & Billboard Summer Beats Concert", year: 2012),
        // Spaces URL-encoded as plus signs.
        .init(name: "Show+Name+S01E01+720p+HDTV+x264-GRP", title: "Show Name", season: 1, episodes: [1], group: "GRP"),
        .init(name: "[Grp]+Anime+Name+(Season+2)+-+33+(1280x720)", title: "Anime Name", season: 2, absolute: [33]),
        // Near misses: abbreviations and decimals keep their dots; a few pluses in a dotted name are the name's.
        .init(name: "Mr. Robot S01E01", title: "Mr. Robot", season: 1, episodes: [1]),
        .init(name: "Vol.1 Something Else 2010", title: "Vol.1 Something Else", year: 2010),
        .init(name: "Underworld.Quadrilogie.VO+VFF+VFQ.1080p", title: "Underworld Quadrilogie"),
    ]

    /// A lone Latin code in a title of another script is no translation of it (Sonarr's Japanese variety shows).
    static let mixedScripts: [ParserCase] = [
        .init(name: "221205 ABC123 17研究所！ #17.ts", title: "ABC123 17研究所！", absolute: [17]),
        // Near misses: a Latin title beside the original is still picked.
        .init(name: "间谍过家家 Spy Family - 05 [1080p]", title: "Spy Family", absolute: [5]),
        .init(name: "进击的巨人 Shingeki - 05 [1080p]", title: "Shingeki", absolute: [5]),
    ]

    // Round 5b: TheBeastLT/parse-torrent-title's test/*.js joined the suites above.

    /// A collection's running number glued before a film's title.
    static let collectionIndex: [ParserCase] = [
        // seen in guessit's tests
        .init(name: "(1)The Girl With The Dragon Tattoo (2009) BRrip 720 AAC x264.mkv", title: "The Girl With The Dragon Tattoo", year: 2009),
        .init(name: "(12)Movie.Title.2010.1080p.BluRay.x264-GRP", title: "Movie Title", year: 2010, group: "GRP"),
        // Near misses: a number spaced or dotted from the title is the title's.
        .init(name: "(500) Days of Summer (2009) 1080p", title: "(500) Days of Summer", year: 2009),
        .init(name: "(500).Days.Of.Summer.(2009).DTS.1080p.BluRay.x264", title: "(500) Days Of Summer", year: 2009),
    ]

    /// A path without a file extension: the file repeats its folder's title.
    static let extensionlessPaths: [ParserCase] = [
        // seen in Medusa's tests
        .init(name: "Kemono.Michi.Rise.Up/Kemono.Michi.Rise.Up.E03.1080p.WEB.x264.1-URANiME-Obfuscated", title: "Kemono Michi Rise Up", episodes: [3]),
        .init(name: "High Score Girl/[Mad le Zisell] High Score Girl 2 - 01 [720p]", title: "High Score Girl 2", absolute: [1], group: "Mad le Zisell"),
        .init(name: "Show Name/Show.Name.S01E02.720p.HDTV.x264-GRP", title: "Show Name", season: 1, episodes: [2], group: "GRP"),
        // Near misses: a slash inside a name, or spaced between two titles.
        .init(name: "AC/DC - Back in Black (1980) [FLAC]", title: "AC/DC - Back in Black", year: 1980),
        .init(name: "Босх: Спадок / Series: Legacy (2023) WEB-DL 1080p", title: "Series: Legacy", year: 2023),
    ]

    /// An underscore joins only the next episode to an SxxEyy marker.
    static let underscoredEpisodes: [ParserCase] = [
        // seen in parse-torrent-title
        .init(name: "Cestovatelé_S02E04_11_27.mkv", title: "Cestovatelé", season: 2, episodes: [4]),
        .init(name: "Show_S03E13_91.avi", title: "Show", season: 3, episodes: [13]),
        // Sonarr's "Series S08E20 50-50 Carla [DVD]", underscored
        .init(name: "Series_S08E20_50-50_Carla [DVD]", title: "Series", season: 8, episodes: [20]),
        // seen in Sonarr's tests: the next episode is a list
        .init(name: "Series's Sonarr - 8x01_02 - Free Falling", title: "Series's Sonarr", season: 8, episodes: [1, 2]),
    ]

    /// A worded air date filling its own bracket.
    static let bracketedDates: [ParserCase] = [
        // seen in Medusa's tests
        .init(name: "Show.Name.S10E06.(18.November.2016).[PDTV.XviD].hdtv.x264", title: "Show Name", season: 10, episodes: [6], airDate: "2016-11-18"),
        // seen in parse-torrent-title
        .init(name: "Indias Best Dramebaaz 2 Ep 19 (13 Feb 2016) HDTV x264-AquoTube", title: "Indias Best Dramebaaz 2", airDate: "2016-02-13"),
        // Near miss: a bracket that says more than the date.
        .init(name: "Show Name (Live 13 Feb 2016) HDTV", title: "Show Name", year: 2016),
    ]

    /// A number before a season word in Portuguese/Spanish or German.
    static let numberBeforeSeasonWord: [ParserCase] = [
        // seen in parse-torrent-title
        .init(name: "Eu, a Patroa e as Crianças  4° Temporada Completa - HDTV - Dublado", title: "Eu, a Patroa e as Crianças", season: 4),
        .init(name: "Beavis and Butt-Head - 1a. Temporada", title: "Beavis and Butt-Head", season: 1),
        .init(name: "Vikings 3 Temporada 720p", title: "Vikings", season: 3),
        .init(name: "Friends.5.Staffel.German.720p.WEB.x264-GRP", title: "Friends", season: 5, group: "GRP"),
        // Near miss: German needs the ordinal's dot.
        .init(name: "Movie 5 Staffel", title: "Movie 5 Staffel", season: nil),
    ]

    /// Chinese fansub rows: the Latin-script title.
    static let latinTitles: [ParserCase] = [
        // seen in Sonarr's tests
        .init(name: "【极影字幕社】 ★04月新番 【巴哈姆特之怒 Virgin Soul】【Anime Series Title】【24】 【END】GB MP4_720P", title: "Anime Series Title", absolute: [24]),
        .init(name: "【动漫国字幕组】★01月新番[Anime Series Title～！][01][1080P][简体][MP4]", title: "Anime Series Title～！", absolute: [1]),
        .init(name: "[喵萌奶茶屋&LoliHouse]玛娜利亚魔法学院/巴哈姆特之怒Anime Series Title - 03 [WebRip 1080p HEVC-10bit AAC][简繁内封字幕]",
              title: "巴哈姆特之怒Anime Series Title", absolute: [3]),
        .init(name: "[Grp][中文标题][Show Name][05][1080p]", title: "Show Name", absolute: [5], group: "Grp"),
    ]

    /// A British "Series N" counts from 1; a file named "Episode Title - Show Title" under its show's folder.
    static let seriesAndFolders: [ParserCase] = [
        // seen in Sonarr's tests
        .init(name: "[hchcsen] Mobile Series 00 S01 [BD Remux Dual Audio 1080p AVC 2xFLAC] (Kidou Senshi Gundam 00 Season 1)", title: "Mobile Series 00", season: 1),
        .init(name: "Doctor.Who.Series.3.720p.BluRay.x264-GRP", title: "Doctor Who", season: 3),
        // seen in guessit's tests
        .init(name: "Mind.Field.S02E06.The.Power.of.Suggestion.1440p.H264.WEBDL.Subtitles/The Power of Suggestion - Mind Field S2 (Ep 6) (English).srt",
              title: "Mind Field", season: 2, episodes: [6]),
        .init(name: "Show Name/Season 1/Show Name - S01E01 - Pilot.mkv", title: "Show Name", season: 1, episodes: [1]),
    ]

    /// Russian trackers' double titles with a marker after each half: the Latin title after the slash.
    static let secondTitles: [ParserCase] = [
        // seen in Sonarr's tests
        .init(name: "Босх: Спадок (S2E1) / Series: Legacy (S2E1) (2023) WEB-DL 1080p Ukr/Eng | sub Eng", title: "Series: Legacy", year: 2023, season: 2, episodes: [1]),
        .init(name: "Босх: Спадок S02E01 / Bosch: Legacy S02E01 (2023) WEB-DL 1080p", title: "Bosch: Legacy", year: 2023, season: 2, episodes: [1]),
        // Near misses: jargon after the slash, a Latin first half.
        .init(name: "Интерны S02E01 / WEB-DL 1080p", title: "Интерны", season: 2, episodes: [1]),
        .init(name: "Show Name S02E01 / Other Name S02E01 720p", title: "Show Name", season: 2, episodes: [1]),
    ]

    /// An ordinal season's batch range, read as "Season 2 - 01 ~ 12" is.
    static let ordinalSeasonRanges: [ParserCase] = [
        // seen in parse-torrent-title
        .init(name: "[Erai-raws] 3D Kanojo - Real Girl 2nd Season - 01 ~ 12 [720p]", title: "3D Kanojo - Real Girl", season: 2, absolute: Array(1...12)),
        .init(name: "[Grp] Title 2nd Season - 01-12 [720p]", title: "Title", season: 2, absolute: Array(1...12)),
        // Near miss: a number opening the episode's title is no range's end.
        .init(name: "[Grp] Title 2nd Season - 05 - 100 Years [720p]", title: "Title", season: 2, absolute: [5]),
    ]

    /// A season marker spaced from a two-digit number: the episode when the number ends the name, a pack of seasons
    /// when the details follow.
    static let spacedSeasonNumbers: [ParserCase] = [
        // seen in parse-torrent-title
        .init(name: "Breaking Bad S02 03.mkv", title: "Breaking Bad", season: 2, episodes: [3]),
        // seen in Sonarr's tests
        .init(name: "Series Title S01 04 (1080p BluRay x265 HEVC 10bit AAC 5.1 Vyndros)", title: "Series Title", season: 1, seasons: [1, 2, 3, 4], fullSeason: true),
        // Near misses: a year is no season; a dotted number before the details is the episode.
        .init(name: "Show S01 2010", title: "Show", year: 2010, season: 1, seasons: [1]),
        .init(name: "Show.S01.07.720p.HDTV", title: "Show", season: 1, episodes: [7]),
    ]

    @Test(arguments: spacedSeasonNumbers) func readsASpacedNumberAfterASeason(_ c: ParserCase) { c.check() }
    @Test(arguments: ordinalSeasonRanges) func readsAnOrdinalSeasonsRange(_ c: ParserCase) { c.check() }
    @Test(arguments: secondTitles) func takesTheLatinTitleAfterAMarkedCyrillicOne(_ c: ParserCase) { c.check() }
    @Test(arguments: collectionIndex) func dropsACollectionIndex(_ c: ParserCase) { c.check() }
    @Test(arguments: extensionlessPaths) func readsExtensionlessPaths(_ c: ParserCase) { c.check() }
    @Test(arguments: underscoredEpisodes) func joinsOnlyTheNextEpisodeByUnderscore(_ c: ParserCase) { c.check() }
    @Test(arguments: bracketedDates) func readsBracketedWordedDates(_ c: ParserCase) { c.check() }
    @Test(arguments: numberBeforeSeasonWord) func readsANumberBeforeASeasonWord(_ c: ParserCase) { c.check() }
    @Test(arguments: latinTitles) func picksLatinTitlesInFansubRows(_ c: ParserCase) { c.check() }
    @Test(arguments: seriesAndFolders) func readsSeriesZeroAndEpisodeTitledFiles(_ c: ParserCase) { c.check() }

    @Test(arguments: mixedScripts) func keepsCodesInTitlesOfOtherScripts(_ c: ParserCase) { c.check() }
    @Test(arguments: mixedSeparators) func undotsMostlyDottedTitles(_ c: ParserCase) { c.check() }
    @Test(arguments: leadingJunk) func skipsLeadingMetadataAndLibraryFolders(_ c: ParserCase) { c.check() }
    @Test(arguments: aroundMarkers) func readsNumbersAroundMarkers(_ c: ParserCase) { c.check() }
    @Test(arguments: bareNumbers) func readsBareNumbersWhereEpisodesGo(_ c: ParserCase) { c.check() }
    @Test(arguments: folderTitles) func takesTheFolderTitleOverAFileThatSaysLess(_ c: ParserCase) { c.check() }
    @Test(arguments: gluedNumberWords) func readsGluedSeasonAndEpisodeWords(_ c: ParserCase) { c.check() }
    @Test(arguments: markerForms) func readsBracketedNumbersAndSeasonRanges(_ c: ParserCase) { c.check() }
    @Test(arguments: trailingLetters) func keepsATrailingLetter(_ c: ParserCase) { c.check() }
}
