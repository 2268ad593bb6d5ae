import Core
import Testing

/// Group and source shapes from issue 14's sixth parser round. Rows marked "guessit" are names guessit's movies.yml or
/// episodes.yml assert (the tuning part holds them); "Sonarr/Radarr vocabulary" marks words their production parsers
/// (QualityParser.cs, ReleaseGroupParser.cs) list; the rest are made up here for the same class. Each table holds near misses.
@Suite struct ParserRound6GroupTests {
    /// A group that styles its name in mixed case ("EuReKA", "NovaRip") signs without a hyphen right after the jargon.
    static let styledGroups: [ParserCase] = [
        // guessit
        .init(name: "Street.Kings.2008.BluRay.1080p.DTS.x264.dxva EuReKA.mkv", title: "Street Kings", year: 2008, group: "EuReKA"),
        .init(name: "Zootopia.2016.HDRip.1.46Gb.Dub.MegaPeer", title: "Zootopia", year: 2016, source: .webrip, group: "MegaPeer"),
        .init(name: "Show Name 3x18 Un Tuffo Nel Passato ITA HDTVMux x264 NovaRip", title: "Show Name", season: 3, episodes: [18],
              source: .hdtv, group: "NovaRip"),
        .init(name: "Movie.Title.2019.1080p.WEB-DL.x264.MacGyver", title: "Movie Title", year: 2019, source: .webdl, group: "MacGyver"),
        // Near misses: a word in capitals after an episode's jargon stays no group (Sonarr); a plain word before the jargon, or a
        // styled word of the title, stays the title's; a styled word in brackets or after a hyphen is read as before.
        .init(name: "Series Title S01E14 HDTV XviD LOL", title: "Series Title", season: 1, episodes: [14], noGroup: true),
        .init(name: "Series Title S01E14 Pilot Episode HDTV XviD Freedom", title: "Series Title", season: 1, episodes: [14], noGroup: true),
        .init(name: "Series Title S01E01 HDTV x264 GoodFellas Return", title: "Series Title", season: 1, episodes: [1], noGroup: true),
        .init(name: "Some.Show.S01E01.The.MacGuffin.720p.HDTV.x264-GRP", title: "Some Show", season: 1, episodes: [1], group: "GRP"),
        .init(name: "The.Walking.Dead.S05E03.720p.HDTV.x264-ASAP", title: "The Walking Dead", season: 5, episodes: [3], group: "ASAP"),
    ]

    /// "-GRP [TGx] [1080p]": a distributor's tag, then a bracket of details; the group stays and the details are read.
    static let detailsAfterTags: [ParserCase] = [
        .init(name: "Some Movie 2019 1080p WEBRip x264-GRP [TGx] [1080p]", title: "Some Movie", year: 2019, quality: .p1080, source: .webrip,
              group: "GRP"),
        .init(name: "Some.Movie.2019.WEB-DL.x264-GRP [TGx] [1080p]", title: "Some Movie", year: 2019, quality: .p1080, source: .webdl, group: "GRP"),
        .init(name: "Some.Show.S01E01.WEB.x264-GRP [eztv] (720p x264)", title: "Some Show", season: 1, episodes: [1], quality: .p720, group: "GRP"),
        .init(name: "Some.Movie.2019.1080p.WEB-DL.x264-GRP [TGx] [5.1]", title: "Some Movie", year: 2019, group: "GRP"),
        // Near misses: the details first and the tag last were read before; a bracket that is no distributor's is no tag.
        .init(name: "Movie.2019.1080p.WEB-DL.x264-GRP [1080p] [eztv]", title: "Movie", year: 2019, quality: .p1080, group: "GRP"),
        .init(name: "Some Movie 2019 WEBRip x264-GRP [TGx]", title: "Some Movie", year: 2019, source: .webrip, group: "GRP"),
        .init(name: "Movie.2019.WEB-DL.x264-Title [Final] [1080p]", title: "Movie", year: 2019, noGroup: true),
    ]

    /// A revision or scene flag after "-GROUP" ("-GRP-Proper") is no second part of the group.
    static let flagsAfterGroup: [ParserCase] = [
        .init(name: "Some.Movie.2019.1080p.BluRay.x264-GRP-Proper", title: "Some Movie", year: 2019, group: "GRP"),
        .init(name: "Some.Show.S01E02.720p.HDTV.x264-GRP-REPACK", title: "Some Show", season: 1, episodes: [2], group: "GRP"),
        .init(name: "Some.Show.S01E02.720p.HDTV.x264-GRP-iNTERNAL", title: "Some Show", season: 1, episodes: [2], group: "GRP"),
        // Near misses: a two-part group keeps both parts (Radarr's "-VH-PROD"); a flag right after the codec is no group.
        .init(name: "SomeMovie.1080p.BluRay.DTS.x264.-VH-PROD.mkv", title: "SomeMovie", group: "VH-PROD"),
        .init(name: "Movie.2019.1080p.BluRay.x264-REPACK", title: "Movie", year: 2019, noGroup: true),
    ]

    /// Around "-GROUP": a group named "-HD" as Sonarr's and Radarr's ReleaseGroupRegex read it, a reposter's tag after a spaced
    /// dash or an underscore (Sonarr's CleanReleaseGroupRegex list), a bit rate before the hyphen (guessit's "448kbps-ALANiS").
    static let aroundTheGroup: [ParserCase] = [
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-GRP-HD", title: "Movie Title", year: 2019, group: "GRP-HD"),
        .init(name: "Series Title S01E01 1080p WEB-DL DD5.1 H264-GRP - Obfuscated", title: "Series Title", season: 1, episodes: [1], group: "GRP"),
        .init(name: "Series.Title.S01E01.1080p.WEB-DL.DD5.1.H264-GRP_postbot", title: "Series Title", season: 1, episodes: [1], group: "GRP"),
        .init(name: "Hotel.Hell.S01E01.DD5.1.720p.448kbps-ALANiS", title: "Hotel Hell", season: 1, episodes: [1], group: "ALANiS"),
        // Near misses: "DTS-HD" and "WEB-HD" stay jargon; "-HD" right after the codec is no group; an underscored group keeps its
        // second word.
        .init(name: "Movie.Title.2019.1080p.BluRay.x264.DTS-HD", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "Movie.Title.2019.1080p.WEB-HD.x264-GRP", title: "Movie Title", year: 2019, source: .webdl, group: "GRP"),
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-HD", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "Bee.and.Puppycat.S01.1080p.VRV.WEB-DL.x264-Bernd_Lauert", title: "Bee and Puppycat", season: 1, group: "Bernd_Lauert"),
    ]

    /// In a name that opens with a fansub's "[Group]", a hyphen with no release jargon before it joins an episode name's words
    /// (Sonarr reads the leading bracket as the group); "10bits" is jargon like "10bit". (The first two names are Sonarr's test
    /// names, which assert only their titles.)
    static let fansubLed: [ParserCase] = [
        .init(name: "[RlsGrp] Series Title - S01E27 - 24-Hour", title: "Series Title", season: 1, episodes: [27], group: "RlsGrp"),
        .init(name: "[Mystic Z-Team] Series Title Super - Episode 013 VF - Non-censuré [720p].mp4", title: "Series Title Super",
              group: "Mystic Z-Team"),
        .init(name: "[Onii-ChanSub] The.Series - 02 vostfr (FHD 1080p 10bits).mkv", title: "The Series", group: "Onii-ChanSub"),
        // Near misses: after jargon the "-GROUP" is still read; without a leading bracket the hyphen is read as before.
        .init(name: "[BD]Movie.Title.2008.2023.1080p.COMPLETE.BLURAY-RlsGrp", title: "Movie Title 2008", year: 2023, group: "RlsGrp"),
        .init(name: "[Dolby Vision] Movie.Title.S07.MULTi.UHD.BLURAY.REMUX.DV-NoTag", title: "Movie Title", season: 7, group: "NoTag"),
        .init(name: "Series.Title.S01E01.720p.HDTV.x264-GRP", title: "Series Title", season: 1, episodes: [1], group: "GRP"),
    ]

    /// A lower-case scene file with its group in front ("grp-the.title.2016.1080p..."), the shape guessit's release_group.py
    /// documents; "blow-..." names are in guessit's movies.yml and ProfChaos/torrent-name-parser's parser_test.go.
    static let sceneGroupPrefixes: [ParserCase] = [
        .init(name: "blow-how.to.be.single.2016.1080p.bluray.x264.mkv", title: "how to be single", year: 2016, source: .bluray, group: "blow"),
        .init(name: "blow-action.point.2018.1080p.bluray.x264.mp4", title: "action point", year: 2018, group: "blow"),
        .init(name: "grp-show.name.s01e01.720p.hdtv.x264.mkv", title: "show name", season: 1, episodes: [1], group: "grp"),
        .init(name: "sprinter-the.title.2019.1080p.web-dl.dd5.1.h264.mkv", title: "the title", year: 2019, source: .webdl, group: "sprinter"),
        // Near misses: a hyphenated title word with one word after it, a group at the end, capitals, a one-letter first part,
        // hyphens everywhere (Sonarr's "7s-Series-s02e01-720p", no group).
        .init(name: "spider-man.2002.720p.bluray.x264.mkv", title: "spider-man", year: 2002, noGroup: true),
        .init(name: "ant-man.and.the.wasp.2018.720p.bluray.x264-sparks.mkv", title: "ant-man and the wasp", year: 2018, group: "sparks"),
        .init(name: "Ant-Man.and.the.Wasp.2018.720p.BluRay.x264.mkv", title: "Ant-Man and the Wasp", year: 2018, noGroup: true),
        .init(name: "t-rex.the.movie.2019.1080p.bluray.x264", title: "t-rex the movie", year: 2019, noGroup: true),
        // A hyphenated title word of several dotted words after it, no group anywhere: the title's ("Spider-Man", "She-Hulk").
        .init(name: "spider-man.no.way.home.2021.1080p.bluray.x264.mkv", title: "spider-man no way home", year: 2021, noGroup: true),
        .init(name: "ant-man.and.the.wasp.2018.720p.bluray.x264.mkv", title: "ant-man and the wasp", year: 2018, noGroup: true),
        .init(name: "she-hulk.attorney.at.law.s01e01.1080p.web.h264.mkv", title: "she-hulk attorney at law", season: 1, episodes: [1], noGroup: true),
        .init(name: "7s-Series-s02e01-720p.mkv", title: "7s-Series", season: 2, episodes: [1], noGroup: true),
        // Near miss: a lower-case music name with an audio format only is an artist and album.
        .init(name: "artist-album.name.2018.flac", title: "artist - album name", artist: "artist", noGroup: true),
    ]

    /// A web address after "-GROUP", credited ("par-www...") or not, is the site's (guessit's movies.yml for the first).
    static let siteTails: [ParserCase] = [
        .init(name: "Movies/Comme une Image (2004)/Comme.Une.Image.FRENCH.DVDRiP.XViD-NTK.par-www.divx-overnet.com.avi",
              title: "Comme Une Image", year: 2004, source: .dvd, group: "NTK"),
        .init(name: "Movie.Title.2019.720p.BluRay.x264-GRP.www.Site.org", title: "Movie Title", year: 2019, group: "GRP"),
        .init(name: "Movie.Title.2019.720p.BluRay.x264-GRP - www.Site.org", title: "Movie Title", year: 2019, group: "GRP"),
        // Near misses: no group before the address; an advert in front.
        .init(name: "Movie.Title.2019.720p.BluRay.x264 - www.Site.org", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "www.Site.org - Movie.Title.2019.720p.BluRay.x264-GRP", title: "Movie Title", year: 2019, group: "GRP"),
    ]

    /// guessit's video_codec.py vocabulary: codecs not read before, and a codec's profile ("AVC.HP", "XviD-MP-...") that is no
    /// group's first part (guessit's movies.yml: "XviD-MP-AceBot" is the group AceBot).
    static let codecs: [ParserCase] = [
        .init(name: "Movie.Title.2019.DVDivX-GRP", title: "Movie Title", year: 2019, codec: "DivX", group: "GRP"),
        .init(name: "Movie.Title.2019.1080p.AVCHD-GRP", title: "Movie Title", year: 2019, codec: "x264", group: "GRP"),
        .init(name: "Movie.Title.2019.720p.VP8-GRP", title: "Movie Title", year: 2019, codec: "VP8", group: "GRP"),
        .init(name: "Movie.Title.2019.720p.H.262-GRP", title: "Movie Title", year: 2019, codec: "MPEG2", group: "GRP"),
        .init(name: "Movie.Title.2019.1080p.BluRay.AVC.HP-GRP", title: "Movie Title", year: 2019, codec: "x264", group: "GRP"),
        .init(name: "movies/La Science des Rêves (2006)/La.Science.Des.Reves.FRENCH.DVDRip.XviD-MP-AceBot.avi", title: "La Science des Rêves",
              year: 2006, group: "AceBot"),
        .init(name: "Movie.Title.2019.1080p.HEVC.YUV420P10-GRP", title: "Movie Title", year: 2019, codec: "x265", group: "GRP"),
        // Near misses: a two-part group after a codec stays whole (Radarr's "-VH-PROD" above; guessit's "-0SEC-pia").
        .init(name: "Show.Name.S05E07.720p.DUBLADO.HDTV.x264-0SEC-pia.mkv", title: "Show Name", season: 5, episodes: [7], group: "0SEC-pia"),
    ]

    /// A leading bracket that holds only digits is a part's number or a year, no fansub group.
    static let numberedBrackets: [ParserCase] = [
        .init(name: "[06] Documentary - Title of Part.mkv", title: "Documentary - Title of Part", noGroup: true),
        .init(name: "[2019] Documentary Title.mkv", title: "Documentary Title", noGroup: true),
        // Near misses: a fansub group with digits in its name stays a group.
        .init(name: "[A4VF] Anime Title - 05 [720p].mkv", title: "Anime Title", absolute: [5], group: "A4VF"),
        .init(name: "[HorribleSubs] Anime Title - 05 [720p].mkv", title: "Anime Title", absolute: [5], group: "HorribleSubs"),
    ]

    /// Source words of Sonarr's and Radarr's QualityParser.cs not read before, and their near misses.
    static let sources: [ParserCase] = [
        // Sonarr/Radarr vocabulary
        .init(name: "Show.Name.S01E01.1080p.Raw.HD.x264-GRP", title: "Show Name", season: 1, episodes: [1], source: .hdtv, group: "GRP"),
        .init(name: "Movie.Title.2019.FullBluray-GRP", title: "Movie Title", year: 2019, source: .bluray, group: "GRP"),
        .init(name: "Movie.Title.2019.1080p.UHD.BD.ISO-GRP", title: "Movie Title", year: 2019, source: .bluray, group: "GRP"),
        .init(name: "Movie.Title.2019.BRip.x264-GRP", title: "Movie Title", year: 2019, source: .bluray, group: "GRP"),
        .init(name: "Movie.Title.2019.WEBHDRip.x264-GRP", title: "Movie Title", year: 2019, source: .webrip, group: "GRP"),
        .init(name: "Movie.Title.2019.WEBSCR.x264-GRP", title: "Movie Title", year: 2019, source: .dvd, group: "GRP"),
        // guessit's source.py vocabulary
        .init(name: "Movie.Title.2019.TVHDRip.x264-GRP", title: "Movie Title", year: 2019, source: .hdtv, group: "GRP"),
        .init(name: "Movie.Title.2019.PD-TV.x264-GRP", title: "Movie Title", year: 2019, source: .hdtv, group: "GRP"),
        .init(name: "Movie.Title.2019.UHD-TV.x265-GRP", title: "Movie Title", year: 2019, source: .hdtv, group: "GRP"),
        .init(name: "Movie.Title.2019.DLWEB.x264-GRP", title: "Movie Title", year: 2019, source: .webdl, group: "GRP"),
        .init(name: "Movie.Title.2019.UltraBluray.x265-GRP", title: "Movie Title", year: 2019, source: .bluray, group: "GRP"),
        .init(name: "Movie.Title.2019.HDTelesync.x264-GRP", title: "Movie Title", year: 2019, source: .cam, group: "GRP"),
        .init(name: "Movie.Title.2019.WEB-DL-Rip.x264-GRP", title: "Movie Title", year: 2019, source: .webrip, group: "GRP"),
        .init(name: "Movie.Title.2019.BR-Mux.x264-GRP", title: "Movie Title", year: 2019, source: .bluray, group: "GRP"),
        .init(name: "Movie.Title.2019.WEB1080p.x264-GRP", title: "Movie Title", year: 2019, quality: .p1080, source: .webdl, group: "GRP"),
        // Named cuts (guessit's "Alternative Cut"; International and Producers cuts) end a title without a year.
        .init(name: "Movie.Name.International.Cut.1080p.BluRay.x264-GRP", title: "Movie Name", group: "GRP", edition: "International Cut"),
        .init(name: "Movie.Name.Alternative.Cut.1080p.BluRay.x264-GRP", title: "Movie Name", group: "GRP"),
        .init(name: "Show.Name.S01E01.FASTSUB.VOSTFR.720p.HDTV.x264-GRP", title: "Show Name", season: 1, episodes: [1], group: "GRP"),
        // Near misses: the words in a title stay the title's; "International" without "Cut" is a title's word.
        .init(name: "Raw.HD.Stories.S01E01.720p.HDTV.x264-GRP", title: "Raw HD Stories", season: 1, episodes: [1], source: .hdtv, group: "GRP"),
        .init(name: "ISO.Standards.2019.1080p.BluRay.x264-GRP", title: "ISO Standards", year: 2019, group: "GRP"),
        .init(name: "International.Velvet.1978.1080p.BluRay.x264-GRP", title: "International Velvet", year: 1978, group: "GRP"),
        .init(name: "Movie.Title.2019.1080p.WEB-DL.x264-GRP", title: "Movie Title", year: 2019, source: .webdl, group: "GRP"),
    ]

    /// After the two helpers' passes: a fansub's details bracket names no group; a track tag ("HebSubs", "DualAudio") is no
    /// group and counts as jargon before one; a fansub named "Name-Remux"; "1920x800" is a frame size (tinyMediaManager's
    /// ParserUtilsTest has "Gemma.Bovery.2014.[1920x800]"; the LoliHouse shape is in ProfChaos/torrent-name-parser's tests).
    static let leadPass: [ParserCase] = [
        .init(name: "[LoliHouse] Title - 01 [WebRip 1080p HEVC-10bit AAC SRTx2]", title: "Title", absolute: [1], group: "LoliHouse"),
        .init(name: "Movie.Title.2019.720p.BluRay.x264.HebSubs", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "Movie.Title.2019.1080p.WEB-DL.x264.DualAudio", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "Movie.Title.2019.1080p.BluRay.x264.NLSubs.GRP", title: "Movie Title", year: 2019, group: "GRP"),
        .init(name: "[TMS-Remux].Series.Title.X.21.720p.[76EA1C53].mkv", title: "Series Title X", absolute: [21], group: "TMS-Remux"),
        .init(name: "[FFF-Remux][Batch] Accel World 1-24", title: "Accel World", absolute: Array(1...24), group: "FFF-Remux"),
        .init(name: "Gemma.Bovery.2014.[1920x800].24.000fps.1080p.BRRip.x264.JYK.mkv", title: "Gemma Bovery", year: 2014, quality: .p1080),
        .init(name: "Movie Title (2010) 1920x816 BluRay x264", title: "Movie Title", year: 2010, quality: .p1080, source: .bluray),
        // Near misses: a styled group after the jargon stays; "[BD-Remux]" and "[HD-720p]" are jargon, not a group;
        // Sonarr's "Series - 2016x231" and tinyMediaManager's "Looney Tunes - 1960x05" are seasons and episodes.
        .init(name: "Street.Kings.2008.BluRay.1080p.DTS.x264.dxva EuReKA.mkv", title: "Street Kings", year: 2008, group: "EuReKA"),
        .init(name: "[BD-Remux] Show - 05", title: "Show", absolute: [5], source: .bluray, remux: true, noGroup: true),
        .init(name: "[HD-720p] Show - 05", title: "Show", absolute: [5], noGroup: true),
        .init(name: "Series - 2016x231", title: "Series", season: 2016, episodes: [231]),
        .init(name: "Looney Tunes - 1960x05 - Episodename", title: "Looney Tunes", season: 1960, episodes: [5]),
    ]

    @Test(arguments: styledGroups) func styledGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: detailsAfterTags) func detailsAfterTag(_ c: ParserCase) { c.check() }
    @Test(arguments: flagsAfterGroup) func flagAfterGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: numberedBrackets) func numberedBracket(_ c: ParserCase) { c.check() }
    @Test(arguments: aroundTheGroup) func aroundGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: fansubLed) func fansubLedName(_ c: ParserCase) { c.check() }
    @Test(arguments: sceneGroupPrefixes) func sceneGroupPrefix(_ c: ParserCase) { c.check() }
    @Test(arguments: siteTails) func siteTail(_ c: ParserCase) { c.check() }
    @Test(arguments: codecs) func codec(_ c: ParserCase) { c.check() }
    @Test(arguments: sources) func source(_ c: ParserCase) { c.check() }
    @Test(arguments: leadPass) func leadPassShapes(_ c: ParserCase) { c.check() }
}
