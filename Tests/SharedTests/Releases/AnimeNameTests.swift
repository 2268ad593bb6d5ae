import Testing
@testable import Shared

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
    ]

    @Test(arguments: cases) func parses(_ c: ParserCase) { c.check() }
}
