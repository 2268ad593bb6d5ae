@testable import Core
@testable import Releases
@testable import Indexers
import Foundation
import Testing

/// The pure parsers over fixtures in each site's format, plus challenge, malformed and empty answers.
@Suite struct ProviderParsingTests {
    let trackers = ["udp://tracker.one:1337/announce", "http://tracker.two/announce"]

    // MARK: Torznab

    @Test func torznabResultsWithMagnetAndAttributes() throws {
        let results = try FeedParser.parse(try Fixture.data("torznab/search.xml"), indexer: "jackett", trackers: trackers)
        #expect(results.count == 2)
        let first = results[0]
        #expect(first.title == "The.Matrix.1999.1080p.BluRay.x264-GRP")
        #expect(first.seeders == 245 && first.leechers == 15)   // peers 260 − seeders 245
        #expect(first.infoHash == "aabbccddeeff00112233445566778899aabbccdd")
        #expect(first.magnet?.hasPrefix("magnet:?xt=urn:btih:AABBCCDDEEFF") == true)   // the indexer's own magnet is kept
        #expect(first.sizeBytes == 9_126_805_504)
        #expect(first.categories == [2000, 100001])
        #expect(first.uploadedAt == "2021-10-05T12:34:56Z")
        #expect(first.detailsURL == "https://site.example/torrent/123")
        // CDATA title with "&"; magnet in <link>, hash read from it.
        #expect(results[1].title == "The Matrix (1999) 2160p UHD BluRay REMUX HDR HEVC & TrueHD-GRP2")
        #expect(results[1].infoHash == "0123456789abcdef0123456789abcdef01234567")
    }

    /// An item with a hash but no magnet: with no .torrent link, a magnet is built from the hash with
    /// the indexer's trackers; with a link (a private tracker's shape) the link is kept and no magnet
    /// with public trackers is invented.
    @Test func torznabWithoutMagnetBuildsOneFromTheHashOnlyWhenThereIsNoTorrentLink() throws {
        let results = try FeedParser.parse(try Fixture.data("torznab/search-no-magnet.xml"), indexer: "prowlarr", trackers: trackers)
        #expect(results.count == 2)
        #expect(results[0].magnet == nil && results[0].infoHash == "ffeeddccbbaa99887766554433221100ffeeddcc")
        #expect(results[0].downloadURL?.hasPrefix("http://127.0.0.1:9696/1/download") == true)
        #expect(results[0].categories == [5040] && results[0].sizeBytes == 734_003_200)
        // No hash and no magnet: only the .torrent link remains, never an invented magnet.
        #expect(results[1].magnet == nil && results[1].infoHash == nil && results[1].downloadURL != nil)

        let hashOnly = Data("""
            <rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed"><channel><item>
              <title>Series.Title.S01E02.720p.HDTV.x264-GRP</title>
              <torznab:attr name="infohash" value="ffeeddccbbaa99887766554433221100ffeeddcc" /></item></channel></rss>
            """.utf8)
        let built = try #require(try FeedParser.parse(hashOnly, indexer: "prowlarr", trackers: trackers).first?.magnet)
        #expect(Magnet.infoHash(of: built) == "ffeeddccbbaa99887766554433221100ffeeddcc")
        #expect(Magnet.trackers(of: built) == trackers)
    }

    @Test(arguments: [("torznab/error-100.xml", 100, "API key"), ("torznab/error-203.xml", 203, "function not available")])
    func torznabErrorCodesBecomeMessages(_ file: String, _ code: Int, _ words: String) throws {
        #expect {
            try FeedParser.parse(try Fixture.data(file), indexer: "jackett")
        } throws: { error in
            guard case let .torznab(c, message) = error as? ProviderError else { return false }
            return c == code && message.localizedCaseInsensitiveContains(words)
        }
    }

    @Test func malformedXMLNamesTheLine() throws {
        do {
            _ = try FeedParser.parse(try Fixture.data("torznab/malformed.xml"), indexer: "jackett")
            Issue.record("malformed XML parsed")
        } catch let ProviderError.malformedXML(site, line, _, _) {
            #expect(site == "jackett" && line >= 5)
            #expect("\(ProviderError.malformedXML(site: site, line: line, column: 1, detail: "x"))".contains("malformed XML at line"))
        }
    }

    @Test func emptyFeedIsNoResultsAndNonFeedIsAnError() throws {
        #expect(try FeedParser.parse(try Fixture.data("torznab/empty.xml"), indexer: "jackett").isEmpty)
        #expect(throws: ProviderError.self) { try FeedParser.parse(Data("<html><body>hi</body></html>".utf8), indexer: "jackett") }
        #expect(throws: ProviderError.self) { try FeedParser.parse(Data(), indexer: "jackett") }
    }

    @Test func torznabCaps() throws {
        let caps = try TorznabCaps.parse(try Fixture.data("torznab/caps.xml"), indexer: "jackett")
        #expect(caps.supports("tv-search", param: "tvdbid") && caps.supports("movie-search", param: "tmdbid"))
        #expect(!caps.supports("book-search") && caps.musicMode == "music-search")
        #expect(caps.categories[2040] == "Movies/HD" && caps.categories.count == 8)
        #expect(throws: ProviderError.self) { try TorznabCaps.parse(try Fixture.data("torznab/error-100.xml"), indexer: "jackett") }
    }

    @Test func torznabQueryUsesWhatCapsAllow() throws {
        let caps = try TorznabCaps.parse(try Fixture.data("torznab/caps.xml"), indexer: "jackett")
        let tv = TorznabQuery.parameters(for: SearchQuery(query: "The Office", mediaType: .tv, imdbId: "tt0386676", tvdbId: 73244, season: 3, episode: 5), caps: caps)
        #expect(tv["t"] == "tvsearch" && tv["imdbid"] == "0386676" && tv["tvdbid"] == "73244" && tv["season"] == "3" && tv["ep"] == "5")
        #expect(tv["q"] == nil && tv["cat"] == "5000,5040")
        let movie = TorznabQuery.parameters(for: SearchQuery(query: "Inception", mediaType: .movie, imdbId: "tt1375666", tmdbId: 27205, year: 2010), caps: caps)
        #expect(movie["t"] == "movie" && movie["tmdbid"] == "27205" && movie["year"] == nil)   // year is not in this indexer's caps
        let music = TorznabQuery.parameters(for: SearchQuery(query: "Abbey Road", mediaType: .music, artist: "The Beatles", album: "Abbey Road"), caps: caps)
        #expect(music["t"] == "music" && music["artist"] == "The Beatles" && music["q"] == "Abbey Road")
        var noTV = caps
        noTV.searchModes["tv-search"] = nil
        let fallback = TorznabQuery.parameters(for: SearchQuery(query: "The Office", mediaType: .tv, imdbId: "tt0386676", season: 3, episode: 5), caps: noTV)
        #expect(fallback["t"] == "search" && fallback["q"] == "The Office S03E05" && fallback["imdbid"] == nil)
    }

    // MARK: RSS

    @Test func genericRSS() throws {
        let results = try FeedParser.parse(try Fixture.data("rss/feed.xml"), indexer: "showrss", trackers: trackers)
        #expect(results.map(\.title) == ["Series Title S02E05 1080p WEB H264-GRP", "Series Title S02E04 1080p WEB H264-GRP"])
        #expect(results[0].infoHash == String(repeating: "1", count: 40) && results[0].magnet?.contains("tracker.example") == true)
        #expect(results[1].magnet == nil && results[1].downloadURL == "https://feed.example/torrents/222.torrent")
        #expect(results[1].sizeBytes == 1_288_490_188)
    }

    // MARK: YTS

    @Test func ytsJSON() throws {
        let results = try YTSParser.parse(try Fixture.data("yts/list_movies.json"), indexer: "YTS", trackers: trackers)
        #expect(results.count == 3)
        #expect(results[1].title == "Inception (2010) [1080p] [BluRay] [x264] [YTS]")
        #expect(results[1].seeders == 1022 && results[1].leechers == 170 && results[1].sizeBytes == 1_986_422_374)
        #expect(results[1].infoHash == "9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b")
        let magnet = try #require(results[1].magnet)
        #expect(Magnet.trackers(of: magnet) == trackers && Magnet.infoHash(of: magnet) == results[1].infoHash)
        let parsed = ReleaseNameParser.parse(results[2].title)
        #expect(parsed.title == "Inception" && parsed.year == 2010 && parsed.quality == .p2160 && parsed.source == .webrip && parsed.codec == "x265")
        #expect(try YTSParser.parse(try Fixture.data("yts/empty.json"), indexer: "YTS", trackers: []).isEmpty)
    }

    @Test func ytsErrorsAndMalformedJSON() throws {
        #expect { try YTSParser.parse(try Fixture.data("yts/error.json"), indexer: "YTS", trackers: []) } throws: { error in
            "\(error)".contains("limit must be between")
        }
        #expect { try YTSParser.parse(try Fixture.data("yts/malformed.json"), indexer: "YTS", trackers: []) } throws: { error in
            if case .malformedJSON = error as? ProviderError { return true } else { return false }
        }
    }

    // MARK: EZTV

    @Test func eztvJSONWithNumbersAsStrings() throws {
        let all = try EZTVParser.parse(try Fixture.data("eztv/get-torrents.json"), indexer: "EZTV", trackers: trackers)
        #expect(all.count == 3)
        #expect(all[0].title == "The Walking Dead S11E24 720p WEB H264-CAKES")   // EZTV's own suffix removed
        #expect(all[0].sizeBytes == 1_363_148_800 && all[0].seeders == 331)
        #expect(all[1].seeders == 512 && all[1].infoHash == "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef")
        #expect(all[1].magnet.map(Magnet.trackers) == trackers)   // empty magnet_url: built from the hash
        let e24 = try EZTVParser.parse(try Fixture.data("eztv/get-torrents.json"), indexer: "EZTV", trackers: trackers, season: 11, episode: 24)
        #expect(e24.count == 2)
        #expect(try EZTVParser.parse(try Fixture.data("eztv/empty.json"), indexer: "EZTV", trackers: []).isEmpty)
        #expect(throws: ProviderError.self) { try EZTVParser.parse(Data("{\"torrents\": [".utf8), indexer: "EZTV", trackers: []) }
    }

    // MARK: 1337x

    @Test func x1337SearchPage() throws {
        let results = try X1337Parser.parseSearch(try Fixture.data("1337x/search.html"), indexer: "1337x", baseURL: URL(string: "https://1337x.example/")!)
        #expect(results.map(\.title) == ["The.Matrix.1999.1080p.BluRay.x264-GRP", "The Matrix (1999) 720p BrRip x264 - YIFY",
                                         "The Matrix Resurrections 2021 2160p WEB-DL DDP5 1 Atmos HEVC-GRP & more"])
        #expect(results.map(\.seeders) == [1847, 903, 0] && results.map(\.leechers) == [211, 44, 3])
        #expect(results[0].sizeBytes == Int64(8.5 * 1_073_741_824) && results[1].sizeBytes == Int64(700.1 * 1_048_576))
        #expect(results[2].sizeBytes == Int64(1.2 * 1_073_741_824))   // "1,2 GB"
        #expect(results[0].detailsURL == "https://1337x.example/torrent/4563125/The-Matrix-1999-1080p-BluRay-x264-GRP/")
        #expect(results.allSatisfy { $0.magnet == nil })
    }

    @Test func x1337DetailPageMagnet() throws {
        let magnet = try X1337Parser.parseDetail(try Fixture.data("1337x/detail.html"), indexer: "1337x")
        #expect(Magnet.infoHash(of: magnet) == "aabbccddeeff00112233445566778899aabbccdd")
        #expect(Magnet.trackers(of: magnet).count == 2)
        #expect(throws: ProviderError.self) { try X1337Parser.parseDetail(try Fixture.data("1337x/search.html"), indexer: "1337x") }
    }

    @Test func x1337EmptyAndChangedPages() throws {
        let base = URL(string: "https://1337x.example/")!
        #expect(try X1337Parser.parseSearch(try Fixture.data("1337x/no-results.html"), indexer: "1337x", baseURL: base).isEmpty)
        #expect { try X1337Parser.parseSearch(try Fixture.data("1337x/changed-layout.html"), indexer: "1337x", baseURL: base) } throws: { error in
            "\(error)".contains("no results table")
        }
    }

    // MARK: Rutracker

    @Test func rutrackerSearchInWindows1251() throws {
        let results = try RutrackerParser.parseSearch(try Fixture.data("rutracker/search.html"), indexer: "Rutracker", baseURL: URL(string: "https://rutracker.example/")!)
        #expect(results.count == 2)
        #expect(results[0].title == "The Beatles - Abbey Road (1969) [FLAC 24bit/96kHz]")
        #expect(results[1].title == "(Rock) The Beatles - Дискография (1963-1970) [MP3, 320 kbps]")   // Cyrillic decoded
        #expect(results.map(\.seeders) == [57, 12] && results.map(\.leechers) == [3, 0])
        #expect(results[0].sizeBytes == 1_503_238_553)
        #expect(results[0].detailsURL == "https://rutracker.example/forum/viewtopic.php?t=5841234")
    }

    @Test func rutrackerTopicMagnetAndLoginForm() throws {
        let magnet = try RutrackerParser.parseTopic(try Fixture.data("rutracker/topic.html"), indexer: "Rutracker")
        #expect(Magnet.infoHash(of: magnet) == "1234567890abcdef1234567890abcdef12345678")
        #expect { try RutrackerParser.parseSearch(try Fixture.data("rutracker/login.html"), indexer: "Rutracker", baseURL: URL(string: "https://r.example/")!) } throws: { error in
            if case .loginRequired = error as? ProviderError { return true } else { return false }
        }
        #expect(!PageInspector.isLoginForm(try Fixture.data("rutracker/search.html")))
    }

    // MARK: challenge pages, everywhere

    @Test func everyParserRecognisesAChallengePage() throws {
        let page = try Fixture.data("common/cloudflare.html")
        let base = URL(string: "https://site.example/")!
        let attempts: [() throws -> Any] = [
            { try FeedParser.parse(page, indexer: "s") }, { try TorznabCaps.parse(page, indexer: "s") },
            { try YTSParser.parse(page, indexer: "s", trackers: []) }, { try EZTVParser.parse(page, indexer: "s", trackers: []) },
            { try X1337Parser.parseSearch(page, indexer: "s", baseURL: base) }, { try X1337Parser.parseDetail(page, indexer: "s") },
            { try RutrackerParser.parseSearch(page, indexer: "s", baseURL: base) }, { try RutrackerParser.parseTopic(page, indexer: "s") },
        ]
        for attempt in attempts {
            #expect { _ = try attempt() } throws: { error in
                "\(error)" == "s: challenge page (Cloudflare) — cannot read results"
            }
        }
    }

    @Test func magnetHelpers() {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        let built = Magnet.build(infoHash: hex.uppercased(), name: "A & B", trackers: ["udp://t:1/a?b=c"])
        #expect(built == "magnet:?xt=urn:btih:\(hex)&dn=A%20%26%20B&tr=udp%3A%2F%2Ft%3A1%2Fa%3Fb%3Dc")
        #expect(Magnet.infoHash(of: built) == hex && Magnet.trackers(of: built) == ["udp://t:1/a?b=c"])
        // Base32 hashes (32 characters) are converted to hex.
        #expect(Magnet.normalizeHash("AERUKZ4JVPG66AJDIVTYTK6N54ASGRLH") == hex)
        #expect(Magnet.normalizeHash("nothex") == nil && Magnet.infoHash(of: "http://x") == nil)
    }

    @Test func sizesAsSitesPrintThem() {
        #expect(SizeText.bytes("1.4 GB") == Int64(1.4 * 1_073_741_824))
        #expect(SizeText.bytes("700 MB") == 734_003_200)
        #expect(SizeText.bytes("4,7 ГБ") == Int64(4.7 * 1_073_741_824))
        #expect(SizeText.bytes("12\u{A0}KB") == 12_288)
        #expect(SizeText.bytes("lots") == nil && SizeText.bytes("") == nil)
        #expect(SizeText.bytes("99999999999999999999999 TB") == nil)   // no overflow trap on a hostile page
    }
}
