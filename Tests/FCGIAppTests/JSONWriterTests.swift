import Foundation
import Testing
@testable import Core
@testable import FCGIApp
@testable import Persistence

/// JSONWriter against JSONEncoder (the encoder every other answer uses): the same bytes for the
/// same value, for each view that writes itself and for strings that need escaping.
@Suite struct JSONWriterTests {
    func written(_ value: some JSONWritable) -> String {
        var writer = JSONWriter()
        value.writeJSON(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try HTTPResponse.jsonEncoder.encode(value), as: UTF8.self)
    }

    static let awkwardTexts = ["", "plain", "quote \" and backslash \\", "slash / stays", "line\nbreak\ttab\rreturn",
                               "bell \u{07} nul \u{00} escape \u{1B} unit \u{1F} del \u{7F}", "backspace \u{08} form feed \u{0C}",
                               "Amélie — 東京物語 🎬", "line separator \u{2028} paragraph \u{2029}", "</script>"]

    static func movie(_ id: Int64, title: String, poster: String? = "https://image.tmdb.org/t/p/w500/p1.jpg") -> MovieSummary {
        MovieSummary(id: id, tmdbID: id + 1000, title: title, year: 1999, posterPath: poster, status: .available,
                     monitored: id % 2 == 0, qualityLimit: "1080p", addedAt: "2026-01-02 03:04:05")
    }

    static func episode(_ n: Int, season: Int, info: MediaFileInfo? = nil, sparse: Bool = false) -> EpisodeRecord {
        EpisodeRecord(id: Int64(season * 100 + n), showID: 7, tmdbID: sparse ? nil : Int64(n), seasonNumber: season, episodeNumber: n,
                      title: sparse ? nil : "Episode \(n) \"the one\"", overview: sparse ? nil : "Over\nview",
                      airDate: sparse ? nil : "2020-01-0\(n % 9 + 1)", runtimeMinutes: sparse ? nil : 44,
                      stillPath: sparse ? nil : "https://image.tmdb.org/t/p/w300/e\(n).jpg",
                      status: n % 2 == 0 ? .available : .missing, monitored: n % 3 != 0,
                      filePath: info == nil ? nil : "/library/tv/e\(n).mkv", fileSize: info == nil ? nil : 1_234_567_890, mediaInfo: info)
    }

    @Test func stringsAreEscapedAsJSONEncoderDoes() throws {
        for text in Self.awkwardTexts {
            let page = MediaPage(items: [Self.movie(1, title: text)], total: 1)
            let written = written(ListPage(page: page, query: MediaListQuery(), write: MovieListItem.write))
            #expect(written == (try encoded(PageView(page, MediaListQuery(), MovieListItem.init))), "title \(text.debugDescription)")
            // And the output is JSON that reads back to the same text.
            let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
            #expect((parsed?["items"] as? [[String: Any]])?.first?["title"] as? String == text)
        }
    }

    @Test func integersAtTheirLimits() throws {
        struct Numbers: Encodable, JSONWritable {
            let a: Int64, b: Int64, c: Int64, d: Int, e: Int?
            func writeJSON(to w: inout JSONWriter) {
                w.object { w in w.field("a", a); w.field("b", b); w.field("c", c); w.field("d", d); w.field("e", e) }
            }
        }
        for value in [Numbers(a: .min, b: .max, c: 0, d: -1, e: nil), Numbers(a: 9, b: 10, c: -10, d: 1_000_000, e: 7)] {
            #expect(written(value) == (try encoded(value)))
        }
    }

    @Test func aMovieListPageIsTheEncodersBytes() throws {
        let page = MediaPage(items: [Self.movie(1, title: "Alien"), Self.movie(2, title: "Brazil", poster: nil),
                                     Self.movie(3, title: "Casablanca", poster: "not a url")], total: 103)
        let query = MediaListQuery(page: 2, limit: 50)
        let view = PageView(page, query, MovieListItem.init)
        let written = written(ListPage(page: page, query: query, write: MovieListItem.write))
        #expect(written == (try encoded(view)))
        #expect(view.pages == 3)
        #expect(written.contains("\"poster_path\":\"/api/images/tmdb/w500/p1.jpg\""))
        #expect(!written.contains("overview"))   // lists carry the card's fields only
    }

    @Test func anEmptyPageIsTheEncodersBytes() throws {
        let page = MediaPage<MovieSummary>(items: [], total: 0)
        let written = written(ListPage(page: page, query: MediaListQuery(), write: MovieListItem.write))
        #expect(written == (try encoded(PageView(page, MediaListQuery(), MovieListItem.init))))
        #expect(written == #"{"items":[],"page":1,"pages":0,"total":0}"#)
    }

    @Test func aShowListPageIsTheEncodersBytes() throws {
        let shows = [ShowSummary(id: 4, tmdbID: 44, title: "Firefly", yearStart: 2002, yearEnd: 2003, posterPath: nil,
                                 status: .ended, monitored: true, qualityLimit: "720p", addedAt: "2026-01-02 03:04:05"),
                     ShowSummary(id: 5, tmdbID: 55, title: "Lost", yearStart: nil, yearEnd: nil,
                                 posterPath: "https://image.tmdb.org/t/p/w500/s5.png", status: .continuing, monitored: false,
                                 qualityLimit: "1080p", addedAt: "odd")]
        let page = MediaPage(items: shows, total: 2)
        #expect(written(ListPage(page: page, query: MediaListQuery(), write: ShowListItem.write))
                == (try encoded(PageView(page, MediaListQuery(), ShowListItem.init))))
    }

    @Test func aShowWithItsSeasonsIsTheEncodersBytes() throws {
        let info = MediaFileInfo(durationSeconds: 2640, videoCodec: "h264", audioCodec: nil, width: 1920, height: 1080, container: "matroska")
        let records = [Self.episode(1, season: 0, sparse: true), Self.episode(1, season: 1, info: info), Self.episode(2, season: 1),
                       Self.episode(3, season: 2)]
        let record = ShowRecord(id: 7, tmdbID: 77, imdbID: "tt0000007", title: "Star \"Trek\"", originalTitle: nil, yearStart: 1966,
                                yearEnd: 1969, overview: "Space.", posterPath: "https://image.tmdb.org/t/p/w500/s7.jpg",
                                backdropPath: "https://image.tmdb.org/t/p/w1280/b7.jpg", status: .ended, monitored: true,
                                qualityLimit: "1080p", addedAt: "2026-01-02 03:04:05")
        let full = ShowView(record, seasons: SeasonView.group(records.map(EpisodeView.init)))
        #expect(written(ShowDetailView(show: record, episodes: records)) == (try encoded(full)))
        #expect(written(info) == (try encoded(info)))
    }

    /// The list routes write pages straight from the summaries (`ListPage`): the bytes of
    /// `PageView` of the item views, for awkward titles, posters and times too.
    @Test func listPagesWrittenFromSummariesAreTheViewsBytes() throws {
        let posters: [String?] = [nil, "https://image.tmdb.org/t/p/w500/p1.jpg", "not a url", "https://image.tmdb.org/t/p/w500/p%201.jpg",
                                  "https://image.tmdb.org/t/p/w500/p1.jpg?x=1", "https://image.tmdb.org/t/p/huge/p1.jpg",
                                  "http://127.0.0.1:9/t/p//w92//a-b_c.png", "https://image.tmdb.org/t/p/original/\"q\".jpg"]
        let times = ["2026-01-02 03:04:05", "odd", "2026-01-02T03:04:05", "2026-01-02 03:04 05", "2026-01-02 03:04:0\"",
                     "2026-01-02 03:04:0\u{01}", "2026-01-02 03:04:0é", ""]
        var movies: [MovieSummary] = []
        for (index, text) in Self.awkwardTexts.enumerated() {
            let m = Self.movie(Int64(index), title: text, poster: posters[index % posters.count])
            movies.append(MovieSummary(id: m.id, tmdbID: m.tmdbID, title: m.title, year: m.year, posterPath: m.posterPath,
                                       status: m.status, monitored: m.monitored, qualityLimit: m.qualityLimit,
                                       addedAt: times[index % times.count]))
        }
        let page = MediaPage(items: movies, total: 1234)
        let query = MediaListQuery(page: 3, limit: 10)
        #expect(written(ListPage(page: page, query: query, write: MovieListItem.write)) == (try encoded(PageView(page, query, MovieListItem.init))))
        let empty = MediaPage<MovieSummary>(items: [], total: 0)
        #expect(written(ListPage(page: empty, query: MediaListQuery(), write: MovieListItem.write)) == #"{"items":[],"page":1,"pages":0,"total":0}"#)

        let shows = movies.map { m in
            ShowSummary(id: m.id, tmdbID: m.tmdbID, title: m.title, yearStart: m.id % 2 == 0 ? nil : 1999, yearEnd: m.id % 3 == 0 ? nil : 2004,
                        posterPath: m.posterPath, status: m.id % 2 == 0 ? .ended : .continuing, monitored: m.monitored,
                        qualityLimit: m.qualityLimit, addedAt: m.addedAt)
        }
        let showPage = MediaPage(items: shows, total: 7)
        #expect(written(ListPage(page: showPage, query: MediaListQuery(), write: ShowListItem.write))
                == (try encoded(PageView(showPage, MediaListQuery(), ShowListItem.init))))
    }

    /// `GET /api/tv/:id` writes the show from its records (`ShowDetailView`): the bytes of
    /// `ShowView` with `SeasonView.group`, ordered or not, with or without episodes.
    @Test func showsWrittenFromRecordsAreTheViewsBytes() throws {
        let info = MediaFileInfo(durationSeconds: 60, videoCodec: nil, audioCodec: "aac", width: nil, height: nil, container: "mp4")
        let record = ShowRecord(id: 7, tmdbID: 77, imdbID: nil, title: "Lost \"Boys\"", originalTitle: "Lost\nBoys", yearStart: nil,
                                yearEnd: nil, overview: nil, posterPath: "not a url", backdropPath: "https://image.tmdb.org/t/p/w1280/b7.jpg",
                                status: .continuing, monitored: false, qualityLimit: "2160p", addedAt: "odd \" time")
        let ordered = [Self.episode(1, season: 0, sparse: true), Self.episode(2, season: 0), Self.episode(1, season: 1, info: info),
                       Self.episode(2, season: 1), Self.episode(3, season: 1), Self.episode(1, season: 3)]
        let interleaved = [Self.episode(1, season: 2), Self.episode(1, season: 1), Self.episode(2, season: 2), Self.episode(2, season: 1)]
        for episodes in [ordered, interleaved, [], [Self.episode(4, season: 9, sparse: true)]] {
            let detail = ShowDetailView(show: record, episodes: episodes)
            let expected = try encoded(ShowView(record, seasons: SeasonView.group(episodes.map(EpisodeView.init))))
            #expect(written(detail) == expected)
            #expect(try encoded(detail) == expected)
        }
        #expect(written(ShowDetailView(show: record, episodes: [])).contains(#""seasons":[]"#))
    }
}

