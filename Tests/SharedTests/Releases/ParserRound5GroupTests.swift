import Core
import Testing

/// Group and source shapes from issue 14's fifth parser round. Group names marked "Sonarr/Radarr list" are the
/// groups their production parsers (ReleaseGroupParser.cs) list as signing without "-GROUP"; rows marked "seen in"
/// are names other public suites assert (platelminto/parse-torrent-title tests/files, pymedusa/Medusa
/// tests/test_guessit.yml, Flexget tests); the rest are made up here for the same class. Each table holds near misses.
@Suite struct ParserRound5GroupTests {
    /// Groups known to sign without "-GROUP", at the end of a name after release jargon.
    static let knownGroups: [ParserCase] = [
        // Sonarr/Radarr list: names of several words, with dots or hyphens of their own, or all digits.
        .init(name: "Series Title (2019) S01E02 (1080p BluRay x265 10bit AAC 2.0 Anime Time)", title: "Series Title", year: 2019,
              season: 1, episodes: [2], group: "Anime Time"),
        .init(name: "Movie Title (2020) [1080p BluRay x265 HEVC 10bit AAC 5.1 Project Angel]", title: "Movie Title", year: 2020, group: "Project Angel"),
        .init(name: "Movie.Title.2019.1080p.BluRay.Remux.AVC.TrueHD.7.1-E.N.D", title: "Movie Title", year: 2019, group: "E.N.D"),
        .init(name: "Movie Title (2024) (1080p BluRay x265 SDR DDP 5.1 English -BEN THE MEN", title: "Movie Title", year: 2024, group: "BEN THE MEN"),
        .init(name: "Movie Title 2023 1080p WEB-DL H265 DDP 5.1-126811", title: "Movie Title", year: 2023, source: .webdl, group: "126811"),
        // seen in guessit's shapes: YTS's domain and D-Z0N3 written with a space are still theirs
        .init(name: "Movie.Title.2018.720p.H.264.YTS.LT.mp4", title: "Movie Title", year: 2018, group: "YTS.LT"),
        .init(name: "Movie.Title.2010.1080p.BluRay.DTS.x264.D Z0N3.mkv", title: "Movie Title", year: 2010, group: "D Z0N3"),
        // Sonarr/Radarr list: a name that closes a bracket, even one whose opening bracket was lost.
        .init(name: "Movie.Title.2021.1080p.BluRay.x265.10bit.Tigole)", title: "Movie Title", year: 2021, group: "Tigole"),
        .init(name: "Movie Title (2017) (1080p BluRay x265 10bit Joy)", title: "Movie Title", year: 2017, group: "Joy"),
        .init(name: "Movie Title (2015) (1080p BluRay x265 HEVC 10bit AAC 5.1 -ZR-)", title: "Movie Title", year: 2015, group: "-ZR-"),
        // Near misses: without the closing bracket a dotted "...10bit.Tigole" has no group (Radarr), nor a spaced episode name
        // (Sonarr); the words are titles before the jargon; "-ZR-" not closing a bracket is the plain group "ZR".
        .init(name: "Movie.Title.2021.1080p.BluRay.x265.10bit.Tigole", title: "Movie Title", year: 2021, noGroup: true),
        .init(name: "Series Title S01E01 1080p WEB H264 Tigole", title: "Series Title", season: 1, episodes: [1], noGroup: true),
        .init(name: "Ghost (1990) 1080p BluRay x264-GRP", title: "Ghost", year: 1990, group: "GRP"),
        .init(name: "Joy.2015.1080p.BluRay.x264-SPARKS", title: "Joy", year: 2015, group: "SPARKS"),
        .init(name: "Kappa Mikey S01E01 720p HDTV x264-GRP", title: "Kappa Mikey", season: 1, episodes: [1], group: "GRP"),
        .init(name: "Series Title S01 REMUX Dual Audio AVC 1080p 8-Bit-ZR-", title: "Series Title", season: 1, group: "ZR"),
    ]

    /// A two-part "-A-B" group right after a closing bracket or a channel layout; never a size as its first part.
    static let twoPartGroups: [ParserCase] = [
        // seen in platelminto/parse-torrent-title
        .init(name: "Kami no Tou - 12 (720p)(Multiple Subtitle)-Erai-raws[TGx]", title: "Kami no Tou", absolute: [12], group: "Erai-raws"),
        .init(name: "Show Name - 03 (1080p)(HEVC)(Multiple Subtitle)-Erai-raws", title: "Show Name", absolute: [3], group: "Erai-raws"),
        // seen in platelminto/parse-torrent-title
        .init(name: "Bolt.2008.MULTI.BluRay.3D.1080p.AVC.DTS-HD.MA.DD.EX.5.1-SnOoP-UPR.iso", title: "Bolt", year: 2008, group: "SnOoP-UPR"),
        // Near misses: after a codec the second part may be a tag (guessit: "H.264-SC-SDH" is SDH); a size is no group's part
        // (seen in Medusa); a hyphenated title word before a bracket stays the title's.
        .init(name: "Total.Divas.S05E01.720p.HDTV.AAC2.0.H.264-SC-SDH", title: "Total Divas", season: 5, episodes: [1], group: "SDH"),
        .init(name: "Show.Name.S01E10.480p.HDTV.x264.160MB-Micromkv", title: "Show Name", season: 1, episodes: [10], group: "Micromkv"),
        // seen in platelminto/parse-torrent-title: an underscore joins a group's words in a dotted name.
        .init(name: "Bee.and.Puppycat.S01.1080p.VRV.WEB-DL.x264-Bernd_Lauert", title: "Bee and Puppycat", season: 1, group: "Bernd_Lauert"),
        // Near miss: in a name written with underscores, the underscore separates.
        .init(name: "Show_Name_S01E01_720p_HDTV_x264-GRP_proof", title: "Show Name", season: 1, episodes: [1], group: "GRP"),
    ]

    /// Languages after a group's spaced dash ("- Dual Audio - Dublado") are no group.
    static let languageTails: [ParserCase] = [
        // seen in guessit's and Medusa's suites
        .init(name: "Show.Name.S02E03.720p.HDTV.x264-Belex.-.Dual.Audio.-.Dublado", title: "Show Name", season: 2, episodes: [3], group: "Belex"),
        .init(name: "Show.Name.S05.1080p.BluRay.x264-Belex.-.Dual.Audio.+.Legendas", title: "Show Name", season: 5, group: "Belex"),
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-GROUP.-.Dual.Audio", title: "Movie Title", year: 2019, group: "GROUP"),
        .init(name: "Movie.Title.2019.1080p.WEB-DL.DDP5.1.H.264-GRP (Spanish)", title: "Movie Title", year: 2019, group: "GRP"),
        // A reposter's tag after the file's extension.
        .init(name: "Series.Title.S01E01.1080p.WEB.h264-GRP.mkv-xpost", title: "Series Title", season: 1, episodes: [1], group: "GRP"),
        // Near misses: a bracketed language alone, or a dual-audio tag, without a group before it names none.
        .init(name: "Movie.Title.2019.1080p.WEB-DL.DDP5.1.H.264 (Spanish)", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "Movie.Title.2019.1080p.BluRay.x264.-.Dual.Audio", title: "Movie Title", year: 2019, noGroup: true),
    ]

    /// Radarr's parser refuses these after the last hyphen: a language code and an IMDb id.
    static let notGroups: [ParserCase] = [
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-JAP", title: "Movie Title", year: 2019, noGroup: true),
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-tt1234567", title: "Movie Title", year: 2019, noGroup: true),
        // Near misses: a group that starts with "tt" or holds "jap" is a group.
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-ttGRP", title: "Movie Title", year: 2019, group: "ttGRP"),
        .init(name: "Movie.Title.2019.1080p.BluRay.x264-JAPHD", title: "Movie Title", year: 2019, group: "JAPHD"),
    ]

    /// A closing bracket of words apart is a note; one word is a tag.
    static let closingBrackets: [ParserCase] = [
        .init(name: "Movie Name (2017) [2160p REMUX] [HEVC DV HDR10+ TrueHD Atmos 7 1 Audio English] [Data Lass]", title: "Movie Name",
              year: 2017, noGroup: true),
        .init(name: "Show.S01E01.720p.HDTV.x264-GRP[cttv]", title: "Show", season: 1, episodes: [1], group: "GRP"),
        // A distributor's tag after a hyphen is dropped as its bracketed form is; alone it is the group (RARBG's own encodes).
        .init(name: "Show.S01E01.1080p.WEB.H264-GRP-RARBG", title: "Show", season: 1, episodes: [1], group: "GRP"),
        .init(name: "Movie.2019.1080p.WEBRip.x264-RARBG", title: "Movie", year: 2019, group: "RARBG"),
        // Near miss: one word in the closing bracket is the group (Sonarr's "[-._ ]\[group\]$").
        .init(name: "Movie Name (2017) [1080p BluRay x264] [Grp]", title: "Movie Name", year: 2017, group: "Grp"),
    ]

    /// Rarer sources, and jargon a "-GROUP" would otherwise cut.
    static let sources: [ParserCase] = [
        // seen in platelminto/parse-torrent-title
        .init(name: "Penguin (2020) [Tam+Tel+Mal - 720p - WEB HDRip - x264 - DD 5.1 - MSub - 2GB] - MAZE", title: "Penguin", year: 2020, source: .webrip),
        .init(name: "Gangs.Of.London.S01E01.Episodio.01.ITA.ENG.1080p.AHDTVMux.x264-Morpheus", title: "Gangs Of London", season: 1,
              episodes: [1], source: .hdtv, group: "Morpheus"),
        // seen in Medusa
        .init(name: "Show.Name.BD9.720p", title: "Show Name", source: .bluray),
        // seen in Medusa: "BD" right before a resolution is the Blu-ray, and no title word
        .init(name: "Show.Name.BD.720p", title: "Show Name", quality: .p720, source: .bluray),
        .init(name: "Show.Name.BRRipMux.720p", title: "Show Name", quality: .p720, source: .bluray),
        .init(name: "Movie Title 2019 BD 1080p x264-GRP", title: "Movie Title", year: 2019, quality: .p1080, source: .bluray, group: "GRP"),
        .init(name: "[Grp] Movie Title BD x265 FLAC", title: "Movie Title", source: .bluray, codec: "x265", group: "Grp"),
        .init(name: "Show.Name.DVD.XviD-GRP", title: "Show Name", quality: .p480, source: .dvd, codec: "XviD", group: "GRP"),
        .init(name: "Movie.Title.UHD.x265-GRP", title: "Movie Title", quality: .p2160, codec: "x265", group: "GRP"),
        .init(name: "Movie Title 2009 3D BD", title: "Movie Title", year: 2009, source: .bluray),
        .init(name: "Movie.Title.2007.VIDEO_TS", title: "Movie Title", year: 2007, source: .dvd),
        // Near misses: "BD" opening a title before words stays the title's, as do "Video" and "TS" apart.
        .init(name: "Home.Video.TS.2019", title: "Home Video TS", year: 2019),
        .init(name: "BD.Wong.Story.2019.1080p", title: "BD Wong Story", year: 2019, quality: .p1080),
        .init(name: "Movie.Title.2019.SDTVRip.XviD", title: "Movie Title", year: 2019, source: .hdtv),
        .init(name: "Movie.Title.2019.PAL.DVD-R", title: "Movie Title", year: 2019, source: .dvd, noGroup: true),
        .init(name: "Movie.Title.2019.WEB-Cap", title: "Movie Title", year: 2019, source: .webrip, noGroup: true),
        // Jargon of two words in a closing bracket is no group tag: the source stays.
        .init(name: "[Grp] Show Name - 01 [Blu-ray]", title: "Show Name", absolute: [1], source: .bluray, group: "Grp"),
        .init(name: "Movie Title 2019 720p [Web-DL]", title: "Movie Title", year: 2019, source: .webdl, noGroup: true),
        .init(name: "Movie.Title.2019.DTVRip.XviD", title: "Movie Title", year: 2019, source: .hdtv),
        // Radarr's QualityParser.cs vocabulary: "X-vid", multi-disc DVD images, DVD regions.
        .init(name: "Movie.Title.2019.DVDRip.X-vid-GRP", title: "Movie Title", year: 2019, source: .dvd, codec: "XviD", group: "GRP"),
        .init(name: "Movie.Title.2019.MDVDR", title: "Movie Title", year: 2019, source: .dvd),
        .init(name: "Movie.Title.2019.R3.x264-GRP", title: "Movie Title", year: 2019, source: .dvd, group: "GRP"),
        // Near miss: a region's word inside the title is the title's.
        .init(name: "Star.Wars.R2.D2.2019.1080p", title: "Star Wars R2 D2", year: 2019, quality: .p1080),
        // seen in platelminto/parse-torrent-title: a frame size that keeps the height's "p"
        .init(name: "Movie Title (2018) (1280x720p HD, 50fps, soft Eng subs)", title: "Movie Title", year: 2018, quality: .p720),
        // German scene remuxes name the disc's codec and no "Remux" (the shape Radarr's QualityParser.cs documents).
        .init(name: "Movie.Title.1991.German.DL.1080p.BluRay.AVC-GRP", title: "Movie Title", year: 1991, source: .bluray, remux: true),
        .init(name: "Movie.Title.2019.German.ML.2160p.BluRay.HEVC-GRP", title: "Movie Title", year: 2019, source: .bluray, remux: true),
        // Near misses: an encode names its encoder; a web source or a title's "German" makes no remux.
        .init(name: "Movie.Title.2019.German.DL.1080p.BluRay.x264-GRP", title: "Movie Title", year: 2019, source: .bluray, remux: false),
        .init(name: "Movie.Title.2019.German.DL.1080p.WEB.AVC-GRP", title: "Movie Title", year: 2019, source: .webdl, remux: false),
        .init(name: "The.German.2006.1080p.BluRay.AVC-GRP", title: "The German", year: 2006, source: .bluray, remux: false),
        // seen in Medusa: an episode title's "tc" gives way to the source stated after it
        .init(name: "Show.Name.S02E01.eps2.0.unm4sk-pt1.tc.1080p.WEB-DL.DD5.1.H264-GROUP", title: "Show Name", season: 2, episodes: [1],
              source: .webdl, group: "GROUP"),
        // Near misses: a bare camera tag alone stays; a named camera copy beats a later tag; "WEB" alone is a web download.
        .init(name: "Movie.Title.2019.TS.x264", title: "Movie Title", year: 2019, source: .cam),
        .init(name: "Movie.Title.2019.HDCAM.WEB-DL", title: "Movie Title", year: 2019, source: .cam),
        .init(name: "Movie.Title.2019.1080p.WEB.x264-GRP", title: "Movie Title", year: 2019, source: .webdl, group: "GRP"),
    ]

    /// A music release's year written in front of the artist.
    static let musicYears: [ParserCase] = [
        .init(name: "(2019) Artist Name - Album Title [FLAC 24-96]", title: "Artist Name - Album Title", year: 2019, artist: "Artist Name",
              album: "Album Title", format: .flac),
        .init(name: "[2019] Artist Name - Album Title (FLAC)", title: "Artist Name - Album Title", year: 2019, artist: "Artist Name",
              album: "Album Title", format: .flac),
        // Near misses: a year after the album wins; a genre in front is no year.
        .init(name: "(2001) Artist Name - Album Title (2019) [FLAC]", title: "Artist Name - Album Title", year: 2019, artist: "Artist Name",
              album: "Album Title", format: .flac),
        .init(name: "(Heavy Metal) Artist Name - Album Title [FLAC]", title: "Artist Name - Album Title", artist: "Artist Name",
              album: "Album Title", format: .flac, noYear: true),
    ]

    /// A scene WEB music release names its format only when it is not MP3.
    static let sceneMusicFormats: [ParserCase] = [
        .init(name: "Artist_Name-Album_Title-WEB-2022-GRP", title: "Artist Name - Album Title", year: 2022, artist: "Artist Name",
              album: "Album Title", format: .mp3, hint: .music),
        // Near miss: a stated format wins.
        .init(name: "Artist_Name-Album_Title-WEB-FLAC-2022-GRP", title: "Artist Name - Album Title", year: 2022, artist: "Artist Name",
              album: "Album Title", format: .flac, hint: .music),
    ]

    /// Release details bracketed after "-GROUP" keep the group and are read too; a site's bracket before or after a fansub
    /// group's is neither group nor title (made up here for the shapes the round's helpers reported open).
    static let bracketsAroundGroups: [ParserCase] = [
        .init(name: "Movie.Title.2010.BluRay.x264-GRP [1080p]", title: "Movie Title", year: 2010, quality: .p1080, source: .bluray,
              codec: "x264", group: "GRP"),
        .init(name: "Show Name S01E05 HEVC-PSA [720p x265]", title: "Show Name", season: 1, episodes: [5], quality: .p720, codec: "x265",
              group: "PSA"),
        .init(name: "[ Site.org ] [Grp] Title - 05 [720p].mkv", title: "Title", absolute: [5], quality: .p720, group: "Grp"),
        .init(name: "[Site.to] [Grp] Title - 05 [720p]", title: "Title", absolute: [5], quality: .p720, group: "Grp"),
        .init(name: "[Z-Team][DBSuper.pw] Title - 05 [720p]", title: "Title", absolute: [5], quality: .p720, group: "Z-Team"),
        // Near misses: details after jargon with no "-GROUP" give no group; a hyphenated title with details after it has no
        // group; a site bracket alone is followed by the title, not taken as a group.
        .init(name: "Movie.Title.2010.BluRay.x264 [1080p]", title: "Movie Title", year: 2010, quality: .p1080, noGroup: true),
        .init(name: "Show-Name [1080p]", title: "Show-Name", quality: .p1080, noGroup: true),
        .init(name: "[www.site.com] Title (2010) 1080p", title: "Title", year: 2010, quality: .p1080, noGroup: true),
    ]

    /// Round 5b: what sits between the jargon and the group, or after the group, and is neither the group nor its part.
    static let aroundTheGroup: [ParserCase] = [
        // Details bracketed after the group, then a distributor's tag (the shape round 5 left open).
        .init(name: "Show.Name.S01E01.720p.HDTV.x264-GRP [1080p] [eztv]", title: "Show Name", season: 1, episodes: [1], quality: .p720,
              group: "GRP"),
        .init(name: "Movie.Title.2010.BluRay.x264-GRP [1080p] [rarbg]", title: "Movie Title", year: 2010, group: "GRP"),
        // Weak jargon bracketed after "codec-GROUP" is details too; a title's hyphenated word before it is no group.
        .init(name: "Movie.2019.1080p.BluRay.x264-GRP [REPACK]", title: "Movie", year: 2019, group: "GRP", repack: true),
        .init(name: "Movie.2019.1080p.BluRay.x265-GRP [10bit]", title: "Movie", year: 2019, group: "GRP"),
        .init(name: "X-Men 2000 [Remastered]", title: "X-Men", year: 2000, noGroup: true),
        // Near miss: details and a distributor's tag with no "-GROUP" give no group.
        .init(name: "Movie.Title.2010.BluRay.x264 [1080p] [rarbg]", title: "Movie Title", year: 2010, noGroup: true),
        // Which disc of a multi-disc release this is (guessit names "CD1.DVDRip.XviD.AC3-WAF" the same way), and Video CD
        // formats (pr0pz/scene-release-parser: "DVDRip.SVCD.READ.NFO-c0nFuSed").
        .init(name: "Movie.Title.2001.DVDRip.XviD.CD2-GRP.avi", title: "Movie Title", year: 2001, source: .dvd, codec: "XviD", group: "GRP"),
        .init(name: "Movie.Title.2001.XviD.Disc1-GRP", title: "Movie Title", year: 2001, group: "GRP"),
        .init(name: "Movie.Title.2001.DVDRip.SVCD-GRP", title: "Movie Title", year: 2001, source: .dvd, group: "GRP"),
        .init(name: "Movie.Title.2001.VCD-GRP", title: "Movie Title", year: 2001, group: "GRP"),
        // A subtitle or dub tag before the hyphen (seen in Medusa's test_guessit.yml: "X264.RoSubbed-Grp").
        .init(name: "Show.Name.S02E11.720p.HDTV.X264.RoSubbed-Grp", title: "Show Name", season: 2, episodes: [11], group: "Grp"),
        .init(name: "Movie.Title.2001.DVDRip.XviD.HebSubs-GRP", title: "Movie Title", year: 2001, group: "GRP"),
        // Near misses: two-part groups after a bracket or a channel layout stay whole.
        .init(name: "Show Name - 03 (1080p)(HEVC)(Multiple Subtitle)-Erai-raws", title: "Show Name", absolute: [3], group: "Erai-raws"),
        .init(name: "Movie.2008.BluRay.DTS-HD.MA.5.1-SnOoP-UPR", title: "Movie", year: 2008, group: "SnOoP-UPR"),
        // A reposter that signs after the encoder (PTT and parse-torrent-title names), also after a spaced dash; alone it is the group.
        .init(name: "Kadakh 2020 Hindi 1080p WEBRip x264 AC3 ESubs - LOKiHD - Telly", title: "Kadakh", year: 2020, source: .webrip, group: "LOKiHD"),
        .init(name: "Avengers.Endgame.2019.4K.UHD.ITUNES.DL.H265.Dolby.ATMOS.MSUBS-Deflate.Telly", title: "Avengers Endgame", year: 2019,
              group: "Deflate"),
        .init(name: "Kasganj 2019 Hindi 1080p Zee5 WebDL AVC AAC 2.0 ESub - Telly.mkv", title: "Kasganj", year: 2019, group: "Telly"),
        // A dotted bracket of words after the group (Sonarr's "-VARYG (Blue Lock, Multi-Subs)" written with dots).
        .init(name: "Series.Title.S01E09.1080p.DSNP.WEB-DL.DDP2.0.H.264-VARYG.(Blue.Lock, Multi-Subs)", title: "Series Title", season: 1,
              episodes: [9], group: "VARYG"),
        // A group named like a source, after a name that already stated its source (guessit's episodes.yml).
        .init(name: "Goof.Troop.1x24.Waste.Makes.Haste.720p.HDTV.x264.CZ-SDTV", title: "Goof Troop", season: 1, episodes: [24],
              source: .hdtv, group: "SDTV"),
        .init(name: "Marvels.Daredevil.S02E11.German.DL.DUBBED.2160p.WebUHD.x264-UHDTV", title: "Marvels Daredevil", season: 2,
              episodes: [11], source: .webdl, group: "UHDTV"),
        // Near misses: the only source word is the source; a hyphenated source pair ends no group.
        .init(name: "Movie.2019.XviD-DVDRip", title: "Movie", year: 2019, source: .dvd, noGroup: true),
        .init(name: "Show.S01E01.720p.WEB-DL", title: "Show", season: 1, episodes: [1], source: .webdl, noGroup: true),
        // A usenet post's subject after the file's name (Medusa's test_guessit.yml): the group is before the file's extension.
        .init(name: "Show.Name.S01E08.Episode.Title.720p.WEBRip.HEVC.x265-GROUP.mkv.par2.-.02.of.11.(1/1)", title: "Show Name", season: 1,
              episodes: [8], group: "GROUP"),
        .init(name: "Show.Name.S01E01.720p.HDTV.x264-GRP.part01.rar yEnc", title: "Show Name", season: 1, episodes: [1], group: "GRP"),
        // Near miss: an extension after jargon with no "-GROUP" names nobody.
        .init(name: "Movie.2019.1080p.BluRay.x264.mkv.GRP", title: "Movie", year: 2019, noGroup: true),
        // The release's languages after the group's own hyphen (guessit's "X264-HiS@SiLUHD-English.[sharethefiles.com]").
        .init(name: "Movie.2019.1080p.BluRay.x264-GRP-Sub", title: "Movie", year: 2019, group: "GRP"),
        .init(name: "The.Doors.(1991).BDRip.720p.AC3.X264-GRP-English.[sharethefiles.com]", title: "The Doors", year: 1991, group: "GRP"),
        .init(name: "The.Doors.(1991).BDRip.720p.AC3.X264-HiS@SiLUHD-English", title: "The Doors", year: 1991, group: "HiS@SiLUHD"),
        // Near misses: languages right after the codec name no group.
        .init(name: "Title.2019.1080p.BluRay.x264-ITA-ENG", title: "Title", year: 2019, noGroup: true),
        .init(name: "Movie.2019.1080p.BluRay.x264-GER", title: "Movie", year: 2019, noGroup: true),
        // A date a renamer bracketed after the group (guessit's episodes.yml: "... x264 AC3 - IMMERSE - [2011-09-19].mkv").
        .init(name: "Show Name - S01E01 - HDTV-720p Proper - x264 AC3 - IMMERSE - [2011-09-19].mkv", title: "Show Name", season: 1,
              episodes: [1], airDate: "2011-09-19", group: "IMMERSE"),
        .init(name: "Show.S01E01.720p.HDTV.x264-GRP.[2011-09-19]", title: "Show", season: 1, episodes: [1], group: "GRP"),
        // Near miss: a hyphenated title before a date names no group.
        .init(name: "Show-Name [2011-09-19]", title: "Show-Name", noGroup: true),
        // A frame rate is no group (guessit: "[HorribleSubs] Overlord II - 01 [1080p] 19.1mbits - 120fps").
        .init(name: "[HorribleSubs].Overlord.II.-.01.[1080p].19.1mbits.-.120fps.mkv", title: "Overlord II", absolute: [1], group: "HorribleSubs"),
        .init(name: "Movie.2010.1080p.BluRay.x264-60fps", title: "Movie", year: 2010, noGroup: true),
    ]

    /// A release credited with "by" right after its jargon (guessit's movies.yml and episodes.yml, PTT and
    /// parse-torrent-title's Italian names); a bracket or a posting crew after the name is not theirs.
    static let creditedGroups: [ParserCase] = [
        .init(name: "Movies/El Dia de la Bestia (1995)/El.dia.de.la.bestia.DVDrip.Spanish.DivX.by.Artik[SEDG].avi", title: "El dia de la bestia",
              year: 1995, group: "Artik"),
        .init(name: "Movie Title (2012) - 720p H264 Ita Eng DTS 5.1 Sub Ita Eng by SnakeSPL MIRCrew", title: "Movie Title", year: 2012,
              group: "SnakeSPL"),
        .init(name: "Show Name S01e10[Mux - 1080p - H264 - Ita Eng Ac3 - Sub Ita Eng]DLMux By GiuseppeTnT Littlelinx", title: "Show Name",
              season: 1, episodes: [10], group: "GiuseppeTnT Littlelinx"),
        .init(name: "Show Name (2014) S02e23 [Mux - XviD - Ita Eng Mp3 - Sub Ita Eng] DLMux By Pir8 [CURA] Supereroi SEASON FINALE",
              title: "Show Name", season: 2, episodes: [23], group: "Pir8"),
        .init(name: "Show Name S06e07 [Mux - H264 - Ita Eng Aac - Sub Ita Eng] DLMux by sp_54321", title: "Show Name", season: 6,
              episodes: [7], group: "sp_54321"),
        // Near misses: "by" inside a title, before any jargon, credits nobody.
        .init(name: "Stand.by.Me.1986.1080p.BluRay.x264-GRP", title: "Stand by Me", year: 1986, group: "GRP"),
        .init(name: "Stand by Me 1986 1080p BluRay x264", title: "Stand by Me", year: 1986, noGroup: true),
    ]

    /// Scene music release types end the album (pr0pz/scene-release-parser: "Meschino_-_Romeo-SINGLE-WEB-IT-2023-UOVA" is the
    /// song "Romeo"); as a title's ordinary word they stay.
    static let musicReleaseTypes: [ParserCase] = [
        .init(name: "Meschino_-_Romeo-SINGLE-WEB-IT-2023-UOVA", title: "Meschino - Romeo", year: 2023, group: "UOVA", artist: "Meschino",
              album: "Romeo"),
        .init(name: "Artist_Name-Song_Title-Single-WEB-2020-GRP", title: "Artist Name - Song Title", year: 2020, artist: "Artist Name",
              album: "Song Title"),
        .init(name: "Artist-Title-VLS-2001-GRP", title: "Artist - Title", year: 2001, artist: "Artist", album: "Title"),
        // Near miss: "Single" inside the title, joined by underscores, is the title's.
        .init(name: "Beyonce-Single_Ladies-WEB-2008-GRP", title: "Beyonce - Single Ladies", year: 2008, artist: "Beyonce", album: "Single Ladies"),
    ]

    /// Rarer source words (Medusa's test_guessit.yml): a broadcast dub written with a hyphen, a DVD set's disc number.
    static let rareSources: [ParserCase] = [
        .init(name: "[MK-Pn8].Dimension.W.-.05.[720p][Hi10][Dual][TV-Dub][EDA6E7F1]", title: "Dimension W", absolute: [5], source: .hdtv,
              group: "MK-Pn8"),
        .init(name: "Show.Name.S01.DVD2.NLsubs-QoQ", title: "Show Name", season: 1, source: .dvd, group: "QoQ"),
        // Near misses: "TV" and "Dub" apart are no source; a disc format stays a format.
        .init(name: "Show Name S01E01 TV Dub 720p", title: "Show Name", season: 1, episodes: [1], quality: .p720, source: .unknown),
        .init(name: "Movie.Title.2001.DVD9-GRP", title: "Movie Title", year: 2001, source: .dvd, group: "GRP"),
    ]

    @Test(arguments: rareSources) func rareSource(_ c: ParserCase) { c.check() }
    @Test(arguments: musicReleaseTypes) func musicReleaseType(_ c: ParserCase) { c.check() }
    @Test(arguments: aroundTheGroup) func aroundGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: creditedGroups) func creditedGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: bracketsAroundGroups) func bracketAroundGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: musicYears) func musicYear(_ c: ParserCase) { c.check() }
    @Test(arguments: sceneMusicFormats) func sceneMusicFormat(_ c: ParserCase) { c.check() }
    @Test(arguments: knownGroups) func knownGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: twoPartGroups) func twoPartGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: languageTails) func languageTail(_ c: ParserCase) { c.check() }
    @Test(arguments: notGroups) func notGroup(_ c: ParserCase) { c.check() }
    @Test(arguments: closingBrackets) func closingBracket(_ c: ParserCase) { c.check() }
    @Test(arguments: sources) func source(_ c: ParserCase) { c.check() }
}
