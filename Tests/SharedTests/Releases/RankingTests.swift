import Testing
@testable import Core
@testable import Releases

@Suite struct RankingTests {
    static let gb: Int64 = 1 << 30
    static let mb: Int64 = 1 << 20

    func candidate(_ title: String, seeders: Int = 50, size: Int64? = nil, hash: String? = nil) -> ReleaseCandidate {
        ReleaseCandidate(title: title, indexer: "test", magnet: "magnet:?xt=urn:btih:" + (hash ?? "0"), infoHash: hash, sizeBytes: size, seeders: seeders)
    }

    var movie: RankingTarget {
        var t = RankingTarget(kind: .movie, title: "The Matrix", year: 1999)
        t.videoLimit = .p1080
        return t
    }

    func codes(_ r: RankedRelease) -> [Rejection.Code] { r.rejections.map(\.code) }

    // MARK: limits and order

    @Test func prefersTheHighestQualityWithinTheLimit() {
        let ranked = ReleaseRanker.rank([
            candidate("The.Matrix.1999.720p.BluRay.x264-A", seeders: 900),
            candidate("The.Matrix.1999.2160p.UHD.BluRay.x265-B", seeders: 900),
            candidate("The.Matrix.1999.1080p.WEB-DL.x264-C", seeders: 5),
            candidate("The.Matrix.1999.1080p.BluRay.x264-D", seeders: 5),
        ], for: movie)
        #expect(ranked.map(\.candidate.title) == [
            "The.Matrix.1999.1080p.BluRay.x264-D", "The.Matrix.1999.1080p.WEB-DL.x264-C",
            "The.Matrix.1999.720p.BluRay.x264-A", "The.Matrix.1999.2160p.UHD.BluRay.x265-B",
        ])
        #expect(codes(ranked[3]) == [.overQualityLimit])
        #expect(ranked[3].rejections[0].message.contains("2160p") && ranked[3].rejections[0].message.contains("1080p"))
    }

    @Test(arguments: [VideoQuality.p480, .p720, .p1080, .p2160])
    func theLimitIsACeiling(_ limit: VideoQuality) {
        var target = movie
        target.videoLimit = limit
        for q in [VideoQuality.p480, .p720, .p1080, .p2160] {
            let r = ReleaseRanker.rank([candidate("The.Matrix.1999.\(q.rawValue).BluRay.x264-GRP")], for: target)[0]
            #expect(r.rejected == (q > limit), "\(q) under limit \(limit)")
        }
        let best = ReleaseRanker.best([480, 720, 1080, 2160].map { candidate("The.Matrix.1999.\($0)p.BluRay.x264-GRP") }, for: target)
        #expect(best?.parsed.quality == limit)
    }

    @Test func sourceThenRevisionThenSeedersOrderEqualResolutions() {
        let ranked = ReleaseRanker.rank([
            candidate("The.Matrix.1999.1080p.HDTV.x264-A", seeders: 5000),
            candidate("The.Matrix.1999.1080p.WEBRip.x264-B", seeders: 10),
            candidate("The.Matrix.1999.1080p.WEBRip.x264.PROPER-C", seeders: 1),
            candidate("The.Matrix.1999.1080p.WEBRip.x264-D", seeders: 500),
        ], for: movie)
        #expect(ranked.map { $0.candidate.title.suffix(1) } == ["C", "D", "B", "A"])
        #expect(ranked[0].reasons.contains { $0.contains("PROPER") })
    }

    @Test func tiesGoToSeedersThenSmallerSizeThenTitle() {
        let ranked = ReleaseRanker.rank([
            candidate("The.Matrix.1999.1080p.BluRay.x264-B", seeders: 100, size: 8 * Self.gb),
            candidate("The.Matrix.1999.1080p.BluRay.x264-A", seeders: 100, size: 8 * Self.gb),
            candidate("The.Matrix.1999.1080p.BluRay.x264-C", seeders: 100, size: 6 * Self.gb),
            candidate("The.Matrix.1999.1080p.BluRay.x264-D", seeders: 101, size: 9 * Self.gb),
        ], for: movie)
        #expect(Set(ranked.map(\.score)).count == 1)   // 100 and 101 seeders earn the same bonus
        #expect(ranked.map { $0.candidate.title.suffix(1) } == ["D", "C", "A", "B"])
    }

    @Test func seedersBonusIsCappedBelowOneSourceStep() {
        #expect(ReleaseScorer.seedersBonus(nil) == 0 && ReleaseScorer.seedersBonus(0) == 0)
        #expect(ReleaseScorer.seedersBonus(9) == 10 && ReleaseScorer.seedersBonus(99) == 20)
        #expect(ReleaseScorer.seedersBonus(10_000_000) == 49)
    }

    // MARK: every rejection reason

    @Test func wrongTitleAndYear() {
        let ranked = ReleaseRanker.rank([
            candidate("The.Matrix.Reloaded.2003.1080p.BluRay.x264-A"),
            candidate("The.Matrix.2021.1080p.BluRay.x264-B"),
            candidate("Matrix.1999.1080p.BluRay.x264-C"),
            candidate("The.Matrix.2000.1080p.BluRay.x264-D"),
        ], for: movie)
        let byGroup = Dictionary(uniqueKeysWithValues: ranked.map { ($0.parsed.group ?? "", codes($0)) })
        #expect(byGroup["A"] == [.wrongTitle, .wrongYear])
        #expect(byGroup["B"] == [.wrongYear])
        #expect(byGroup["C"] == [])   // "The" does not count
        #expect(byGroup["D"] == [])   // a year off is tolerated (release dates differ by country)
    }

    @Test func cameraCopiesAreRejectedForMovies() {
        for name in ["The.Matrix.1999.CAM.x264-A", "The.Matrix.1999.HDTS.x264-A", "The.Matrix.1999.TC.XviD-A", "The Matrix 1999 HDCAM"] {
            let r = ReleaseRanker.rank([candidate(name)], for: movie)[0]
            #expect(codes(r) == [.camera], "\(name)")
        }
    }

    @Test func episodesMustMatchSeasonAndEpisode() {
        var target = RankingTarget(kind: .episode, title: "The Office", season: 3, episode: 5)
        target.videoLimit = .p1080
        let ranked = ReleaseRanker.rank([
            candidate("The.Office.US.S03E05.720p.HDTV.x264-A"),
            candidate("The.Office.US.S03E06.720p.HDTV.x264-B"),
            candidate("The.Office.US.S02E05.720p.HDTV.x264-C"),
            candidate("The.Office.US.S03.720p.BluRay.x264-D"),
            candidate("The.Office.US.S03E04E05.720p.HDTV.x264-E"),
        ], for: target)
        let byGroup = Dictionary(uniqueKeysWithValues: ranked.map { ($0.parsed.group ?? "", $0) })
        #expect(codes(byGroup["A"]!) == [])
        #expect(codes(byGroup["B"]!) == [.wrongEpisode])
        #expect(codes(byGroup["C"]!) == [.wrongSeason])
        #expect(codes(byGroup["D"]!) == [] && byGroup["D"]!.reasons.contains { $0.contains("season pack") })
        #expect(codes(byGroup["E"]!) == [])
        // The pack is accepted but ranked below every single-episode release of its resolution.
        #expect(ranked.filter { !$0.rejected }.last?.parsed.group == "D")
    }

    @Test func seasonSearchesWantPacks() {
        let target = RankingTarget(kind: .season, title: "Breaking Bad", season: 2)
        let ranked = ReleaseRanker.rank([
            candidate("Breaking.Bad.S02.1080p.BluRay.x264-A"),
            candidate("Breaking.Bad.S02E01.1080p.BluRay.x264-B"),
            candidate("Breaking.Bad.S01-S05.1080p.BluRay.x264-C", size: 200 * Self.gb),
        ], for: target)
        let byGroup = Dictionary(uniqueKeysWithValues: ranked.map { ($0.parsed.group ?? "", codes($0)) })
        #expect(byGroup["A"] == [] && byGroup["C"] == [])
        #expect(byGroup["B"] == [.wrongEpisode])
    }

    @Test func tooFewSeeders() {
        var target = movie
        target.minSeeders = 3
        let ranked = ReleaseRanker.rank([candidate("The.Matrix.1999.1080p.BluRay.x264-A", seeders: 2),
                                         candidate("The.Matrix.1999.720p.BluRay.x264-B", seeders: 3)], for: target)
        #expect(codes(ranked[1]) == [.tooFewSeeders] && ranked[1].rejections[0].message.contains("2 seeders"))
        #expect(ranked[0].parsed.group == "B")
    }

    @Test func implausibleSizes() {
        var target = movie
        target.runtimeMinutes = 136
        let ranked = ReleaseRanker.rank([
            candidate("The.Matrix.1999.1080p.BluRay.x264-SMALL", size: 200 * Self.mb),
            candidate("The.Matrix.1999.720p.BluRay.x264-HUGE", size: 80 * Self.gb),
            candidate("The.Matrix.1999.1080p.BluRay.x264-OK", size: 9 * Self.gb),
            candidate("The.Matrix.1999.1080p.BluRay.x264-NOSIZE"),
        ], for: target)
        let byGroup = Dictionary(uniqueKeysWithValues: ranked.map { ($0.parsed.group ?? "", $0) })
        #expect(codes(byGroup["SMALL"]!) == [.implausibleSize] && byGroup["SMALL"]!.rejections[0].message.contains("too small"))
        #expect(codes(byGroup["HUGE"]!) == [.implausibleSize] && byGroup["HUGE"]!.rejections[0].message.contains("too large"))
        #expect(codes(byGroup["OK"]!) == [] && codes(byGroup["NOSIZE"]!) == [])
    }

    @Test func blocklistedByHashOrTitle() {
        var target = movie
        target.blockedHashes = [String(repeating: "ab", count: 20)]
        target.blockedTitles = ["The.Matrix.1999.1080p.BluRay.x264-BAD"]
        let ranked = ReleaseRanker.rank([
            candidate("The.Matrix.1999.1080p.BluRay.x264-A", hash: String(repeating: "AB", count: 20)),
            candidate("The.Matrix.1999.1080p.BluRay.x264-BAD"),
            candidate("The.Matrix.1999.720p.BluRay.x264-C"),
        ], for: target)
        #expect(ranked[0].parsed.group == "C")
        #expect(ranked.dropFirst().allSatisfy { codes($0) == [.blocklisted] })
    }

    // MARK: music

    var album: RankingTarget {
        var t = RankingTarget(kind: .album, title: "Abbey Road", year: 1969, artist: "The Beatles")
        t.musicLimit = .flac
        return t
    }

    @Test func musicFollowsTheLadder() {
        let formats = ["MP3 128", "MP3 192", "MP3 256", "MP3 V0", "MP3 320", "ALAC", "FLAC"]
        let ranked = ReleaseRanker.rank(formats.map { candidate("The Beatles - Abbey Road (1969) [\($0)]") }, for: album)
        #expect(ranked.map { MusicQuality($0.parsed) } == [.flac, .alac, .mp3_320, .v0, .kbps256, .kbps192, .kbps128])
        #expect(ranked.allSatisfy { !$0.rejected })
    }

    @Test func bitDepthAndSampleRateOrderLosslessOnly() {
        let ranked = ReleaseRanker.rank([
            candidate("The Beatles - Abbey Road (1969) [FLAC 16-44]"),
            candidate("The Beatles - Abbey Road (1969) [FLAC 24-96]"),
            candidate("The Beatles - Abbey Road (1969) [FLAC 24-192]"),
            candidate("The Beatles - Abbey Road (1969) [FLAC]"),
            candidate("The Beatles - Abbey Road (1969) [ALAC 24-192]"),
        ], for: album)
        #expect(ranked.map { "\($0.parsed.audioFormat!.rawValue) \($0.parsed.bitDepth ?? 0)/\($0.parsed.sampleRate ?? 0)" } == [
            "flac 24/192000", "flac 24/96000", "flac 16/44100", "flac 0/0", "alac 24/192000",
        ])
    }

    @Test(arguments: [(MusicQuality.mp3_320, MusicQuality.mp3_320), (.v0, .v0), (.alac, .alac), (.kbps128, .kbps128)])
    func musicLimitIsACeiling(_ limit: MusicQuality, _ expectedBest: MusicQuality) {
        var target = album
        target.musicLimit = limit
        let names = ["FLAC", "ALAC", "MP3 320", "MP3 V0", "MP3 128"].map { candidate("The Beatles - Abbey Road (1969) [\($0)]") }
        let ranked = ReleaseRanker.rank(names, for: target)
        #expect(ranked.first.map { MusicQuality($0.parsed) } == expectedBest)
        for r in ranked { #expect(r.rejected == (MusicQuality(r.parsed) > limit)) }
    }

    @Test func karaokeTributeCoverAndVariousArtistsAreNotTheAlbum() {
        let ranked = ReleaseRanker.rank([
            candidate("The Beatles - Abbey Road (Karaoke Version) (2010) [MP3 320]"),
            candidate("Abbey Road Tribute - A Tribute to The Beatles (2012) [FLAC]"),
            candidate("The Beatles - Abbey Road Covers (2019) [FLAC]"),
            candidate("VA - Abbey Road (2019) [FLAC]"),
            candidate("The Beatles - Abbey Road (1969) [FLAC]"),
        ], for: album)
        #expect(ranked[0].candidate.title == "The Beatles - Abbey Road (1969) [FLAC]" && !ranked[0].rejected)
        for r in ranked.dropFirst() { #expect(codes(r).contains(.unwantedVariant), "\(r.candidate.title)") }
    }

    @Test func wrongArtistOrAlbum() {
        let ranked = ReleaseRanker.rank([
            candidate("The Rolling Stones - Abbey Road (1969) [FLAC]"),
            candidate("The Beatles - Let It Be (1970) [FLAC]"),
        ], for: album)
        #expect(ranked.allSatisfy { codes($0) == [.wrongTitle] })
    }

    @Test func musicSizesAreChecked() {
        let ranked = ReleaseRanker.rank([
            candidate("The Beatles - Abbey Road (1969) [FLAC]", size: 10 * Self.mb),
            candidate("The Beatles - Abbey Road (1969) [MP3 320]", size: 100 * Self.mb),
        ], for: album)
        #expect(ranked.map { codes($0) } == [[], [.implausibleSize]])
    }

    @Test func everyRejectionCodeIsExercised() {
        // Guards the list above: a new code needs a test and a line in docs/ranking.md.
        #expect(Rejection.Code.allCases.count == 10)
    }
}
