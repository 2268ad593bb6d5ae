import Foundation
import Testing
@testable import Control
@testable import Core
@testable import FCGIApp
@testable import Library
@testable import Persistence

/// Grabbing what Jackett/Prowlarr return for private trackers: items with a guid, a comments URL
/// and only a .torrent link (no magnet, no info hash). The link is fetched (following redirects, a
/// redirect to a magnet being the magnet), the torrent's hash checked against the blocklist, and
/// the file or magnet handed to lcarsd; the details page is never read for such items.
@Suite struct PrivateTrackerGrabTests {
    static let feedTitle = "Series Title S02E05 1080p WEB H264-GRP"
    /// A v1 .torrent: its info dictionary's SHA-1 is `v1Hash` (computed with Python's hashlib).
    static let v1Info = Data("d6:lengthi5e4:name5:a.txt12:piece lengthi16384e6:pieces20:".utf8) + Data(repeating: 0x30, count: 20) + Data("e".utf8)
    static let v1Hash = "826315f58c684f76eb945229ae5c0082f7c9bf1a"
    static var v1Torrent: Data { Data("d8:announce35:https://tracker.example/announce/ab4:info".utf8) + v1Info + Data("e".utf8) }
    static let magnetHash = String(repeating: "5", count: 40)

    /// A movie searched for on a Prowlarr-shaped feed; lcarsd answers `downloads.add` with download 9.
    struct Private {
        let t: TestApp
        let movie: Int64
        let release: String

        /// `infoHash`: the item also lists its hash (Prowlarr does for some private trackers).
        init(infoHash: String? = nil) throws {
            t = try TestApp(extraTOML: TestApp.releaseTOML)
            let hashAttribute = infoHash.map { "<torznab:attr name=\"infohash\" value=\"\($0)\" />" } ?? ""
            try t.standInFeed()
            t.services.answer("/rss", json: """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed"><channel><title>Prowlarr</title>
                  <item><title>\(PrivateTrackerGrabTests.feedTitle)</title>
                    <guid>https://private.example/torrents/4711</guid>
                    <comments>https://private.example/torrents/4711</comments>
                    <link>http://prowlarr.test/3/download?apikey=abcdefghijklmnopqrstu&amp;link=xyz</link>
                    <enclosure url="http://prowlarr.test/3/download?apikey=abcdefghijklmnopqrstu&amp;link=xyz" length="5" type="application/x-bittorrent" />
                    <torznab:attr name="seeders" value="12" />\(hashAttribute)</item>
                </channel></rss>
                """, headers: ["content-type": "application/rss+xml"])
            movie = try t.addMovie()
            let found = t.send("POST", "/api/movies/\(movie)/search", token: t.userToken).array
            release = found.first?["id"] as? String ?? ""
            t.daemon.on(DownloadCommand.add) { _ in .object(["id": .number(9)]) }
        }

        func grab() -> TestResponse { t.send("POST", "/api/movies/\(movie)/download", json: ["release_id": release], token: t.userToken) }
        var added: DownloadCommand.AddArgs? { try? t.daemon.calls.last?.args.decode(DownloadCommand.AddArgs.self) }
        var pagesRead: Int { t.services.requests.filter { $0.url.host == "private.example" }.count }
    }

    @Test func aTorrentLinkWithGuidAndCommentsIsFetchedAndAdded() throws {
        let p = try Private()
        p.t.services.answer("/3/download", json: String(decoding: Self.v1Torrent, as: UTF8.self), headers: ["content-type": "application/x-bittorrent"])
        let r = p.grab()
        #expect(r.status == 201)
        #expect(p.added?.torrent == Self.v1Torrent.base64EncodedString() && p.added?.magnet == nil)
        #expect(p.pagesRead == 0)
        #expect(try p.t.status(MediaReference(type: .movie, id: p.movie)) == "downloading")
    }

    /// A hash magnet would get the public default trackers, which never know a private torrent.
    @Test func anItemWithHashAndLinkIsAddedFromItsOwnTorrent() throws {
        let p = try Private(infoHash: Self.v1Hash)
        p.t.services.answer("/3/download", json: String(decoding: Self.v1Torrent, as: UTF8.self))
        #expect(p.grab().status == 201)
        #expect(p.added?.torrent == Self.v1Torrent.base64EncodedString() && p.added?.magnet == nil)
    }

    @Test func anItemWithHashWhoseLinkFailsIsAddedByItsHash() throws {
        let p = try Private(infoHash: Self.magnetHash)
        p.t.services.answer("/3/download", status: 503, json: "")
        #expect(p.grab().status == 201)
        #expect(p.added?.torrent == nil && p.added?.magnet?.contains("btih:\(Self.magnetHash)") == true)
    }

    @Test func aBlocklistedTorrentIsRefusedBeforeLcarsdIsAsked() throws {
        let p = try Private()
        p.t.services.answer("/3/download", json: String(decoding: Self.v1Torrent, as: UTF8.self))
        try p.t.database.blocklist.add(BlocklistEntry(infoHash: Self.v1Hash, title: "another name", reason: "fake"))
        let r = p.grab()
        #expect(r.status == 409 && r.errorCode == "blocklisted" && r.errorMessage?.contains("fake") == true)
        #expect(p.t.daemon.calls.isEmpty)
        #expect(try p.t.status(MediaReference(type: .movie, id: p.movie)) == "missing")
    }

    @Test func aRedirectToAMagnetIsTheMagnet() throws {
        let p = try Private()
        let magnet = "magnet:?xt=urn:btih:\(Self.magnetHash)&dn=x&tr=https%3A%2F%2Ftracker.example%2Fannounce"
        p.t.services.answer("/3/download", status: 302, json: "", headers: ["location": magnet])
        #expect(p.grab().status == 201)
        #expect(p.added?.magnet == magnet && p.added?.torrent == nil)
        let request = try #require(p.t.services.requests.last { $0.url.path == "/3/download" })
        #expect(request.followsRedirects == false)
    }

    @Test func aBlocklistedMagnetBehindARedirectIsRefused() throws {
        let p = try Private()
        p.t.services.answer("/3/download", status: 301, json: "", headers: ["location": "magnet:?xt=urn:btih:\(Self.magnetHash)"])
        try p.t.database.blocklist.add(BlocklistEntry(infoHash: Self.magnetHash, title: "x", reason: "fake"))
        #expect(p.grab().errorCode == "blocklisted")
        #expect(p.t.daemon.calls.isEmpty)
    }

    @Test func anHTTPRedirectIsFollowedToTheTorrent() throws {
        let p = try Private()
        p.t.services.answer("/3/download", status: 302, json: "", headers: ["location": "/files/a.torrent"])
        p.t.services.answer("/files/a.torrent", json: String(decoding: Self.v1Torrent, as: UTF8.self))
        #expect(p.grab().status == 201)
        #expect(p.added?.torrent == Self.v1Torrent.base64EncodedString())
        #expect(p.t.services.requests.last?.url.absoluteString == "http://prowlarr.test/files/a.torrent")
    }

    @Test(arguments: [
        (302, ["location": "ftp://files.example/a.torrent"], "is not an http(s) address or a magnet"),
        (302, ["location": "magnet:?dn=no-hash"], "redirects to a magnet without an info hash"),
        (200, ["content-type": "text/html"], "not a .torrent (text/html)"),
        (404, [:], "HTTP 404 for the .torrent"),
    ] as [(Int, [String: String], String)])
    func aLinkThatGivesNoTorrentIs502AndNothingIsAdded(_ status: Int, _ headers: [String: String], _ message: String) throws {
        let p = try Private()
        p.t.services.answer("/3/download", status: status, json: status == 200 ? "<html>log in</html>" : "", headers: headers)
        let r = p.grab()
        #expect(r.status == 502 && r.errorCode == "upstream_failed")
        #expect(r.errorMessage?.contains(message) == true, "\(r.errorMessage ?? "")")
        #expect(r.errorMessage?.contains("abcdefghijklmnopqrstu") == false)
        #expect(p.t.daemon.calls.isEmpty && p.pagesRead == 0)
    }

    @Test func aRedirectLoopEnds() throws {
        let p = try Private()
        p.t.services.answer("/3/download", status: 302, json: "", headers: ["location": "/3/download?again=1"])
        let r = p.grab()
        #expect(r.status == 502 && r.errorMessage?.contains("redirects more than 5 times") == true)
        #expect(p.t.services.requests.filter { $0.url.path == "/3/download" }.count == 6)
    }
}

/// The hash a fetched .torrent is checked by: v1 for v1 and hybrid torrents, v2 for v2-only ones
/// (the key lcarsd gives them). Expected values computed with Python's hashlib.
@Suite struct TorrentInfoHashTests {
    static func torrent(_ info: String) -> Data { Data("d7:comment1:x4:info\(info)e".utf8) }

    @Test func v1() throws {
        #expect(try TorrentInfoHash.of(PrivateTrackerGrabTests.v1Torrent) == PrivateTrackerGrabTests.v1Hash)
    }

    @Test func hybridIsKeyedByItsV1Hash() throws {
        let info = "d9:file treed5:a.txtd0:d6:lengthi5eeee6:lengthi5e12:meta versioni2e4:name5:a.txt12:piece lengthi16384e6:pieces20:"
            + String(repeating: "0", count: 20) + "e"
        #expect(try TorrentInfoHash.of(Self.torrent(info)) == "57e17f3b99cc8386e4727ed9b54a34b46c4850ef")
    }

    @Test func v2OnlyIsKeyedByItsV2Hash() throws {
        let info = "d9:file treed5:a.txtd0:d6:lengthi5eeee12:meta versioni2e4:name5:a.txt12:piece lengthi16384ee"
        #expect(try TorrentInfoHash.of(Self.torrent(info)) == "f849c85c19a1fc85ddea8c7d59b58582c7a4b43b9f3108601936ab0f4914f59a")
    }

    @Test(arguments: ["", "<html>", "d4:name1:xe", "d4:infod4:name", "d4:infod1:x" + String(repeating: "l", count: 200), "d99999:x"])
    func malformedFilesAreRefused(_ text: String) {
        #expect(throws: TorrentInfoHash.Malformed.self) { try TorrentInfoHash.of(Data(text.utf8)) }
    }
}
