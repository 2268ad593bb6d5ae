import Testing
@testable import Core

/// Fansub names: a "[Group]" in front, absolute episode numbers, CRC tags, batches.
@Suite struct AnimeNameTests {
    static let cases: [ParserCase] = [
        .init(name: "[SubsPlease] Jujutsu Kaisen - 24 (1080p) [ABCD1234].mkv", title: "Jujutsu Kaisen", absolute: [24], quality: .p1080, group: "SubsPlease", kind: .episode),
        .init(name: "[HorribleSubs] One Piece - 1045 [1080p].mkv", title: "One Piece", absolute: [1045], group: "HorribleSubs"),
        .init(name: "[Erai-raws] Boku no Hero Academia - 05v2 [720p][Multiple Subtitle].mkv", title: "Boku no Hero Academia", absolute: [5], quality: .p720, group: "Erai-raws"),
        .init(name: "[Judas] Attack on Titan - S04E28 [1080p][HEVC x265 10bit][Eng-Subs]", title: "Attack on Titan", season: 4, episodes: [28], codec: "x265", group: "Judas"),
        .init(name: "Naruto Shippuden - 001-100 [Batch] [480p]", title: "Naruto Shippuden", absolute: Array(1...100)),
        .init(name: "Dragon Ball Z - 123 - The Episode Title [DVD]", title: "Dragon Ball Z", absolute: [123], source: .dvd, noGroup: true),
        .init(name: "[Group] Title Name 07 [720p]", title: "Title Name", absolute: [7], group: "Group"),
        .init(name: "[Group] Title Name - 07 [BD 1080p FLAC]", title: "Title Name", absolute: [7], quality: .p1080, audio: "FLAC"),
        .init(name: "[Group]_Title_Name_-_12_[720p][C0FFEE12].mkv", title: "Title Name", absolute: [12], group: "Group"),
        .init(name: "[Group] Title Name - 01 ~ 12 [1080p]", title: "Title Name", absolute: Array(1...12)),
        .init(name: "[Group] Title Name (2019) - 05 [1080p]", title: "Title Name", year: 2019),
        .init(name: "One.Piece.E1045.1080p.WEB.H264-GRP", title: "One Piece", episodes: [1045]),
        .init(name: "[Group] Title S2 - 05 [1080p]", title: "Title", season: 2),
        .init(name: "[Group] Title Name - 1000 [1080p]", title: "Title Name", absolute: [1000]),
        .init(name: "[Group] Title Name - 12 END [720p]", title: "Title Name", absolute: [12]),
        .init(name: "【Group】Title Name - 03 【1080p】", title: "Title Name", absolute: [3], group: "Group"),
        .init(name: "Title Name - 03 [Group][720p]", title: "Title Name", absolute: [3]),
        .init(name: "[Grp]_Show_One_07_(1280x720_x264-AAC)_[6B7FD717]", title: "Show One", absolute: [7], quality: .p720, group: "Grp"),
        .init(name: "[Grp]_Show!!_-_06_[848x480_H.264_AAC][859EEAFA]", title: "Show!!", absolute: [6]),
        .init(name: "[Grp].Some.Show.8.Go!.31.[1280x720].[C65D4B1F].mkv", title: "Some Show 8 Go!", absolute: [31]),
        .init(name: "[Grp] Some Show 214", title: "Some Show", absolute: [214]),
        .init(name: "[Grp]Some Show 01 Role Play [Fansub] [9C57891E].mkv", title: "Some Show", absolute: [1]),
        .init(name: "[Grp] Some Show S3 - 12 [720p][D07C91FC]", title: "Some Show", season: 3, absolute: [12], fullSeason: false),
        .init(name: "[Grp].Series.Title.-.09.1280x720.10bit.AAC.[24CCE81D]", title: "Series Title", absolute: [9]),
        .init(name: "[Grp]Series_Title-01[1280x720][122E6EF8]", title: "Series Title", absolute: [1]),
        .init(name: "[Grp]_Series_Title_-_11_-_511_Name_[6C70C4E4].mkv", title: "Series Title", absolute: [11]),
        .init(name: "[Grp] Series! 3 - 11 (1080p AAC)[C34B2B3B].mkv", title: "Series! 3", absolute: [11]),
        .init(name: "[Grp] Series Title #957 (NBN 1280x720 x264 AAC).mp4", title: "Series Title", absolute: [957]),
        .init(name: "Series Title EP06 720p x265.mp4", title: "Series Title", episodes: [6], absolute: [6]),
        .init(name: "[Grp]_SeriesTitle_26-27_[F224EF26].avi", title: "SeriesTitle", absolute: [26, 27]),
        .init(name: "Some Anime Show 1-13 (English Dub) [720p]", title: "Some Anime Show", absolute: Array(1...13)),
        .init(name: "Series.Title.Ep01-12.Complete.English.AC3.DL.1080p.BluRay.x264", title: "Series Title", episodes: Array(1...12)),
        .init(name: "[Grp] Some Show 01 - 119 [1080p] [Batch]", title: "Some Show", absolute: Array(1...119)),
        .init(name: "[Grp] 86 - 01 [1080p][D40A9E55].mkv", title: "86", absolute: [1]),
        .init(name: "[Grp] Some Show S01 [Web][MKV][h264 10-bit][1080p][AAC 2.0]", title: "Some Show", season: 1, fullSeason: true, kind: .season),
        .init(name: "[Grp] Series Title - The Final Season - 01 [1080p][Multiple Subtitle].mkv", title: "Series Title - The Final Season", absolute: [1], group: "Grp"),
        .init(name: "[Grp] Series Title Season 2 - 05 [720p]", title: "Series Title", season: 2, absolute: [5], seasons: [2]),
        .init(name: "[Grp] Series Title Part 2 - 05 [1080p]", title: "Series Title Part 2", absolute: [5]),
        // A row of brackets: the Latin-script title, the number-only bracket.
        .init(name: "[SubGroup][我的番剧][My Show][07][1080p][CHS]", title: "My Show", absolute: [7], quality: .p1080, group: "SubGroup"),
        .init(name: "【字幕组】★7月新番★[番剧名/Other Show][12END][720p]", title: "Other Show", absolute: [12], quality: .p720, group: "字幕组"),
        .init(name: "[Grp] Some Title S2 [05][1080p]", title: "Some Title", season: 2, absolute: [5]),
        .init(name: "[DeadGrp] 03 - Show Name [BD][720p].mkv", title: "Show Name", absolute: [3], source: .bluray, group: "DeadGrp"),
        .init(name: "Show_Name_2_[04]_[Grp_TV]_[WEBRip_1080p]", title: "Show Name 2", absolute: [4]),
    ]

    @Test(arguments: cases) func parses(_ c: ParserCase) { c.check() }
}
