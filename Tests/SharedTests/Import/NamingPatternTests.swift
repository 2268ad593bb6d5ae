@testable import Core
@testable import Library
import Foundation
import Testing

@Suite struct NamingPatternTests {
    let all = "{title}|{year}|{season:02}|{episode:03}|{episode_title}|{quality}|{source}|{codec}|{group}|{artist}|{album}|{track:02}|{disc:02}|{format}|{ext}"

    @Test func everyPlaceholderRendersWithPadding() throws {
        let pattern = try NamingPattern(all.replacingOccurrences(of: "|", with: "/"), key: "k")
        let values = ["title": "T", "year": "1999", "season": "2", "episode": "7", "episode_title": "Pilot", "quality": "1080p",
                      "source": "bluray", "codec": "x264", "group": "GRP", "artist": "A", "album": "B", "track": "3", "disc": "1",
                      "format": "flac", "ext": "mkv"]
        #expect(pattern.render(values) == "T/1999/02/007/Pilot/1080p/bluray/x264/GRP/A/B/03/01/flac/mkv")
    }

    @Test func defaultPatternsRender() throws {
        let movie = try NamingPattern("movie/{title} ({year})/{title} ({year}) - {quality}.{ext}", key: "m")
        #expect(movie.render(["title": "Face/Off", "year": "1997", "quality": "1080p", "ext": "mkv"])
                == "movie/Face Off (1997)/Face Off (1997) - 1080p.mkv")
        let tv = try NamingPattern("tv/{title}/S{season:02}/{title} - S{season:02}E{episode:02} - {episode_title}.{ext}", key: "t")
        #expect(tv.render(["title": "Show", "season": "1", "episode": "12", "episode_title": "What? Now: Yes", "ext": "mkv"])
                == "tv/Show/S01/Show - S01E12 - What Now - Yes.mkv")
    }

    @Test func emptyValuesLeaveNoDebris() throws {
        let movie = try NamingPattern("movie/{title} ({year})/{title} ({year}) - {quality}.{ext}", key: "m")
        #expect(movie.render(["title": "Untitled", "ext": "mp4"]) == "movie/Untitled/Untitled.mp4")
    }

    @Test func valuesCannotClimbOrSplit() throws {
        let pattern = try NamingPattern("movie/{title}/{title}.{ext}", key: "m")
        #expect(pattern.render(["title": "..", "ext": "mkv"]).hasPrefix("movie/Unknown/"))
        let rendered = pattern.render(["title": "../../etc/passwd", "ext": "mkv"])
        #expect(!rendered.split(separator: "/").contains(".."))
        #expect(rendered.split(separator: "/").count == 3)
    }

    @Test func refusesUnknownOrMalformedPlaceholders() {
        #expect(throws: DomainError.self) { try NamingPattern("{titel}.{ext}", key: "storage.naming.movie_pattern") }
        #expect(throws: DomainError.self) { try NamingPattern("{title.{ext}", key: "k") }
        #expect(throws: DomainError.self) { try NamingPattern("{season:ab}", key: "k") }
        do { _ = try NamingPattern("{titel}", key: "storage.naming.movie_pattern"); Issue.record("accepted") }
        catch let error as DomainError { #expect(error.message.contains("storage.naming.movie_pattern") && error.message.contains("titel")) }
        catch { Issue.record("\(error)") }
    }
}

@Suite struct PathSanitizerTests {
    @Test func forbiddenAndControlCharactersGo() {
        #expect(PathSanitizer.component("a/b\\c*d?e\"f<g>h|i") == "a b c d e f g h i")
        #expect(PathSanitizer.component("Mission: Impossible") == "Mission - Impossible")
        #expect(PathSanitizer.component("bell\u{07}tab\tnl\nend") == "bell tab nl end")
        #expect(PathSanitizer.component("rtl\u{202E}gpj.exe") == "rtl gpj.exe")
    }

    @Test func trailingDotsAndSpacesAndEmptyNames() {
        #expect(PathSanitizer.component("Dir. . ") == "Dir")
        #expect(PathSanitizer.component("   ") == "Unknown")
        #expect(PathSanitizer.component(".") == "Unknown")
        #expect(PathSanitizer.component("..") == "Unknown")
        #expect(PathSanitizer.component("...") == "Unknown")
        #expect(PathSanitizer.component("") == "Unknown")
    }

    @Test func longNamesKeepTheirExtension() {
        let name = PathSanitizer.component(String(repeating: "é", count: 300) + ".mkv")
        #expect(name.utf8.count <= PathSanitizer.maxBytes)
        #expect(name.hasSuffix("é.mkv"))
    }

    @Test func unicodeTitlesStay() {
        #expect(PathSanitizer.component("Amélie (2001)") == "Amélie (2001)")
        #expect(PathSanitizer.component("千と千尋の神隠し") == "千と千尋の神隠し")
    }
}
