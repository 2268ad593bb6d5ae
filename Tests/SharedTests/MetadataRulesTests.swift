@testable import Core
@testable import Persistence
@testable import Net
@testable import Metadata
@testable import Library
import Foundation
import Testing

@Suite struct LuceneQueryTests {
    @Test func specialCharactersAreEscaped() {
        #expect(LuceneQuery.escape(#"AC/DC (live) +"x"~ a:b*?\"#) == #"AC\/DC \(live\) \+\"x\"\~ a\:b\*\?\\"#)
        #expect(LuceneQuery.escape("rock && roll || !punk [1-2] {3} ^4") == #"rock \&\& roll \|\| \!punk \[1\-2\] \{3\} \^4"#)
    }

    @Test func operatorsBecomeWordsAndSpacesCollapse() {
        #expect(LuceneQuery.escape("  Simon   AND Garfunkel OR NOT  ") == "Simon and Garfunkel or not")
        #expect(LuceneQuery.field("artist", "Sigur Rós") == "artist:(Sigur Rós)")
    }
}

@Suite struct CanonicalReleaseTests {
    func release(_ id: String, _ status: String?, _ date: String?, tracks: [Int]) -> MBRelease {
        MBRelease(id: id, title: "t", status: status, date: date, country: nil,
                  media: tracks.enumerated().map { MBMedium(position: $0.offset + 1, format: "CD", trackCount: $0.element, tracks: nil) })
    }

    @Test func officialBeatsAnEarlierBootleg() {
        let chosen = CanonicalRelease.choose([release("a", "Bootleg", "1990", tracks: [10]), release("b", "Official", "1995-01-01", tracks: [10])])
        #expect(chosen?.id == "b")
    }

    @Test func earliestDateThenMostCommonTrackCount() {
        let releases = [release("d", "Official", "2001-05-01", tracks: [6]), release("c", "Official", "2001-05-01", tracks: [3, 2]),
                        release("e", "Official", "2003", tracks: [5]), release("f", "Official", nil, tracks: [1])]
        #expect(CanonicalRelease.choose(releases)?.id == "c")   // 5 tracks twice (c, e), 6 once
        #expect(CanonicalRelease.choose(Array(releases.suffix(2)))?.id == "e")   // undated comes last
    }

    @Test func partialDatesCountAsTheEndOfTheirPeriod() {
        #expect(CanonicalRelease.sortableDate("1997") == "1997-99-99")
        #expect(CanonicalRelease.sortableDate("1997-05") == "1997-05-99")
        let chosen = CanonicalRelease.choose([release("y", "Official", "1997", tracks: [9]), release("x", "Official", "1997-12-31", tracks: [9])])
        #expect(chosen?.id == "x")
    }

    @Test func withoutOfficialReleasesAllCountAndNoneGivesNil() {
        #expect(CanonicalRelease.choose([release("p", "Promotion", "2000", tracks: [1]), release("q", nil, "1999", tracks: [1])])?.id == "q")
        #expect(CanonicalRelease.choose([]) == nil)
    }
}

@Suite struct SmallRulesTests {
    @Test func ftsTermsArePrefixesOfWordsOnly() {
        #expect(FTSQuery.prefixTerms("Star tre") == #""star"* "tre"*"#)
        #expect(FTSQuery.prefixTerms(#"NEAR("x" OR y)*"#) == #""near"* "x"* "or"* "y"*"#)
        #expect(FTSQuery.prefixTerms(" -- ") == nil)
    }

    @Test func mbidsAreUUIDs() {
        #expect(MBID.isValid("a1a1a1a1-0000-4000-8000-000000000001"))
        #expect(!MBID.isValid("a1a1a1a1-0000-4000-8000-00000000000"))
        #expect(!MBID.isValid("../../etc/passwd"))
        #expect(throws: MetadataError.self) { try MBID.require("x", field: "mbid") }
    }

    @Test func tmdbShowStatusMapsOntoTheSpec() {
        #expect(ShowLibrary.status("Returning Series") == .continuing)
        #expect(ShowLibrary.status("Ended") == .ended)
        #expect(ShowLibrary.status("Canceled") == .canceled)
        #expect(ShowLibrary.status("In Production") == .upcoming)
        #expect(ShowLibrary.status(nil) == .continuing)
    }

    @Test func urlsEncodeSegmentsAndQueriesStrictly() throws {
        let url = try URLBuilder.url("http://h/ws/2/", ["release group", "a/b"], query: [("query", "a+b & c=d"), ("fmt", "json")])
        #expect(url.absoluteString == "http://h/ws/2/release%20group/a%2Fb?query=a%2Bb%20%26%20c%3Dd&fmt=json")
    }
}
