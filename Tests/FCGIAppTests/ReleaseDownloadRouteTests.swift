import Foundation
import GRDB
import Testing
@testable import Control
@testable import Core
@testable import FCGIApp
@testable import Library
@testable import Persistence
@testable import Releases

/// POST …/download in-process: the release cache and blocklist checks, lcarsd stood in, and the
/// item's status move (checked before lcarsd is asked).
@Suite struct ReleaseDownloadRouteTests {
    /// A movie searched for, lcarsd answering `downloads.add` with download 7 linked to it.
    struct Grab {
        let t: TestApp
        let movie: Int64
        let releases: [[String: Any]]
        var media: MediaReference { MediaReference(type: .movie, id: movie) }
        var magnetRelease: String { releases.first { $0["info_hash"] as? String == TestApp.feedHash }?["id"] as? String ?? "" }
        var torrentRelease: String { releases.first { $0["download_url"] is String }?["id"] as? String ?? "" }

        init(status: MediaStatus = .missing) throws {
            t = try TestApp(extraTOML: TestApp.releaseTOML)
            try t.standInFeed()
            movie = try t.addMovie(status: status)
            releases = t.send("POST", "/api/movies/\(movie)/search", token: t.userToken).array
            let movie = movie
            t.daemon.on(DownloadCommand.add) { _ in
                .object(["id": .number(7), "info_hash": .string(TestApp.feedHash), "media_type": .string("movie"), "media_id": .number(Double(movie))])
            }
        }

        func download(_ body: [String: Any]) -> TestResponse {
            t.send("POST", "/api/movies/\(movie)/download", json: body, token: t.userToken)
        }

        func grabRows() throws -> Int {
            try t.db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM activity WHERE event_type = 'release_grabbed'") } ?? 0
        }
    }

    @Test func aReleaseIsHandedToLcarsdAndTheMovieIsDownloading() throws {
        let g = try Grab()
        let r = g.download(["release_id": g.magnetRelease])
        #expect(r.status == 201 && r.object["id"] as? Int == 7 && r.object["media_id"] as? Int == Int(g.movie))
        #expect(try g.t.status(g.media) == "downloading")
        let call = try #require(g.t.daemon.calls.last)
        let args = try call.args.decode(DownloadCommand.AddArgs.self)
        #expect(call.cmd == DownloadCommand.add && args.media == g.media && args.magnet?.contains(TestApp.feedHash) == true)
        let row = try #require(try g.t.db.read { try Row.fetchOne($0, sql: "SELECT media_type, media_id, download_id, user_id FROM activity WHERE event_type = 'release_grabbed'") })
        #expect(row[0] == "movie" && row[1] == g.movie && row[2] == 7 as Int64 && (row[3] as Int64?) != nil)
    }

    @Test func aTorrentLinkIsFetchedAndHandedOverAsTheFile() throws {
        let g = try Grab()
        g.t.services.answer("/torrents/222.torrent", json: "d4:infod4:name3:abcee", headers: ["content-type": "application/x-bittorrent"])
        let r = g.download(["release_id": g.torrentRelease])
        #expect(r.status == 201)
        let args = try #require(try g.t.daemon.calls.last?.args.decode(DownloadCommand.AddArgs.self))
        #expect(args.torrent == Data("d4:infod4:name3:abcee".utf8).base64EncodedString() && args.magnet == nil)
    }

    @Test func aTorrentLinkThatFailsIs502AndNothingIsAdded() throws {
        let g = try Grab()
        g.t.services.answer("/torrents/222.torrent", status: 500, json: "{}")
        let r = g.download(["release_id": g.torrentRelease])
        #expect(r.status == 502 && r.errorCode == "upstream_failed")
        #expect(g.t.daemon.calls.isEmpty)
        #expect(try g.t.status(g.media) == "missing")
    }

    @Test func anAvailableMovieMayBeGrabbedAgainAsAnUpgrade() throws {
        let g = try Grab(status: .available)
        #expect(g.download(["magnet": "magnet:?xt=urn:btih:\(String(repeating: "2", count: 40))"]).status == 201)
        #expect(try g.t.status(g.media) == "downloading")
        #expect(try g.grabRows() == 1)
    }

    @Test func aMovieBeingProcessedIs409AndLcarsdIsNotAsked() throws {
        let g = try Grab(status: .processing)
        let r = g.download(["release_id": g.magnetRelease])
        #expect(r.status == 409 && r.errorCode == "invalid_transition")
        #expect(r.errorMessage?.contains("processing") == true && r.errorMessage?.contains("downloading") == true)
        #expect(g.t.daemon.calls.isEmpty)
        #expect(try g.t.status(g.media) == "processing")
        #expect(try g.grabRows() == 0)
    }

    @Test func unknownAndExpiredReleases() throws {
        let g = try Grab()
        let unknown = g.download(["release_id": String(repeating: "ab", count: 16)])
        #expect(unknown.status == 404)
        #expect(g.download(["release_id": "../etc"]).status == 404)
        try g.t.db.write { try $0.execute(sql: "UPDATE release_cache SET expires_at = '2000-01-01 00:00:00' WHERE id = ?", arguments: [g.magnetRelease]) }
        let expired = g.download(["release_id": g.magnetRelease])
        #expect(expired.status == 410 && expired.errorCode == "release_expired" && expired.errorMessage?.contains("search again") == true)
        #expect(g.t.daemon.calls.isEmpty)
        #expect(try g.t.status(g.media) == "missing")
    }

    @Test func blocklistedReleasesAre409() throws {
        let g = try Grab()
        try g.t.database.blocklist.add(BlocklistEntry(infoHash: TestApp.feedHash, title: "whatever", reason: "fake release"))
        let r = g.download(["release_id": g.magnetRelease])
        #expect(r.status == 409 && r.errorCode == "blocklisted" && r.errorMessage?.contains("fake release") == true)
        let byMagnet = g.download(["magnet": "magnet:?xt=urn:btih:\(TestApp.feedHash)"])
        #expect(byMagnet.status == 409 && byMagnet.errorCode == "blocklisted")
        #expect(g.t.daemon.calls.isEmpty)
        #expect(try g.t.status(g.media) == "missing")
    }

    @Test func aReleaseFoundForAnotherItemIs422() throws {
        let g = try Grab()
        let other = try g.t.addMovie("Other")
        let r = g.t.send("POST", "/api/movies/\(other)/download", json: ["release_id": g.magnetRelease], token: g.t.userToken)
        #expect(r.status == 422 && r.errorMessage?.contains("movie \(g.movie)") == true)
    }

    @Test func badBodiesAndUnknownItems() throws {
        let g = try Grab()
        #expect(g.download([:]).status == 400)
        #expect(g.download(["release_id": g.magnetRelease, "magnet": "magnet:?xt=urn:btih:\(String(repeating: "6", count: 40))"]).status == 400)
        #expect(g.download(["release_id": 5]).status == 422)
        let ghost = g.t.send("POST", "/api/movies/999/download", json: ["release_id": g.magnetRelease], token: g.t.userToken)
        #expect(ghost.status == 404 && ghost.errorMessage == "no movie with id 999")
        #expect(g.t.send("POST", "/api/tv/999/season/1/episode/1/download", json: ["magnet": "x"], token: g.t.userToken).status == 404)
        #expect(g.t.daemon.calls.isEmpty)
    }

    @Test func lcarsdDownIs503AndNothingChanges() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        let movie = try t.addMovie()
        let r = t.send("POST", "/api/movies/\(movie)/download", json: ["magnet": "magnet:?xt=urn:btih:\(TestApp.feedHash)"], token: t.userToken)
        #expect(r.status == 503 && r.errorCode == "daemon_unavailable")
        #expect(try t.status(MediaReference(type: .movie, id: movie)) == "missing")
    }

    @Test func lcarsdRefusingADuplicateIs409WithTheDownload() throws {
        let g = try Grab()
        g.t.daemon.fail(DownloadCommand.add, code: "duplicate", message: "already a download", details: .object(["info_hash": .string(TestApp.feedHash)]))
        let r = g.download(["release_id": g.magnetRelease])
        #expect(r.status == 409 && r.errorCode == "duplicate")
        #expect(((r.object["error"] as? [String: Any])?["details"] as? [String: Any])?["info_hash"] as? String == TestApp.feedHash)
        #expect(try g.t.status(g.media) == "missing")
    }

    @Test func anEpisodeIsGrabbedByShowSeasonAndNumber() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        let (show, episode) = try t.addEpisode()
        t.daemon.answer(DownloadCommand.add, with: JSONValue.object(["id": .number(3)]))
        let r = t.send("POST", "/api/tv/\(show)/season/1/episode/2/download", json: ["magnet": "magnet:?xt=urn:btih:\(TestApp.feedHash)"], token: t.userToken)
        #expect(r.status == 201)
        #expect(try t.status(MediaReference(type: .episode, id: episode)) == "downloading")
        #expect(t.send("POST", "/api/tv/\(show)/season/3/episode/2/download", json: ["magnet": "x"], token: t.userToken).status == 404)
    }

    @Test func aPageReleaseWhoseIndexerIsGoneIs502AndNothingIsAdded() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        let movie = try t.addMovie()
        let media = MediaReference(type: .movie, id: movie)
        let page = ReleaseCandidate(title: "Series.Title.2020.1080p.WEB-DL-GRP", indexer: "Gone", detailsURL: "https://gone.test/torrent/1")
        let id = try #require(try t.database.releaseCache.remember(ReleaseRanker.rank([page], for: RankingTarget(kind: .movie)), foundFor: media).first)
        let r = t.send("POST", "/api/movies/\(movie)/download", json: ["release_id": id], token: t.userToken)
        #expect(r.status == 502 && r.errorCode == "upstream_failed")
        #expect(r.errorMessage == "cannot get the magnet: the indexer \"Gone\" no longer exists; search again")
        #expect(t.daemon.calls.isEmpty)
        #expect(try t.status(media) == "missing")
    }
}
