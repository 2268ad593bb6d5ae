import Testing
@testable import Core
@testable import FCGIApp
@testable import Metadata

/// The quick conversion answers exactly what `ImageLinks.tmdb` answers.
@Suite struct ViewFormattingTests {
    static let stored = [
        "https://image.tmdb.org/t/p/w500/abc.jpg", "http://image.tmdb.org/t/p/w1280/B-x_1.png", "https://h/w92/a.jpg",
        "https://image.tmdb.org/t/p/original/x.jpg", "https://image.tmdb.org:443/t/p/w500/x.jpg",
        "https://image.tmdb.org/t/p//w500//x.jpg", "https://image.tmdb.org/t/p/w500/x.jpg/",
        // refused by both: unknown size, bad names, no path, not http
        "https://image.tmdb.org/t/p/w501/x.jpg", "https://image.tmdb.org/t/p/w500/x.gif", "https://image.tmdb.org/t/p/w500/.jpg",
        "https://image.tmdb.org/t/p/w500/a.b.jpg", "https://image.tmdb.org/t/p/w500/" + String(repeating: "a", count: 101) + ".jpg",
        "https://image.tmdb.org/t/p/w500/" + String(repeating: "a", count: 100) + ".jpg",
        "https://w500/x.jpg", "https:///w500/x.jpg", "http://:80/w500/x.jpg", "https://h:/w500/x.jpg", "https://h:99999999/w500/x.jpg",
        "https://h:8080/w500/x.jpg", "https://a:b:c/w500/x.jpg", "https://h/w500/x.jpg//", "https://h//x.jpg", "https://h/x.jpg",
        "https://h/w500/.png", "https://h/w500/a.jpg.png", "https://h/w500/a.jpeg", "https://h/w500/a.jp", "https://h/w500/jpg", "https://", "", "w500/x.jpg", "/w500/x.jpg", "ftp://h/w500/x.jpg",
        // what only the slow path reads: queries, fragments, escapes, spaces, non-ASCII
        "https://h/w500/x.jpg?size=1", "https://h/w500/x.jpg#top", "https://h/w500/x%2Ejpg", "https://h/w500/x y.jpg",
        "https://h/w500/é.jpg", "https://h/w500/../x.jpg", "https://h/w500/x.JPG", "HTTPS://h/w500/x.jpg",
    ]

    @Test func tmdbAddressesAreImageLinks() {
        for text in Self.stored {
            #expect(ViewFormatting.tmdbImage(text) == ImageLinks.tmdb(text), "\(text.debugDescription)")
        }
        #expect(ViewFormatting.tmdbImage(nil) == nil)
        #expect(ViewFormatting.quickTMDB("https://image.tmdb.org/t/p/w500/abc.jpg") == "/api/images/tmdb/w500/abc.jpg")
        #expect(ViewFormatting.quickTMDB("https://image.tmdb.org/t/p/w500/x.jpg?size=1") == nil)   // left to ImageLinks
    }
}
