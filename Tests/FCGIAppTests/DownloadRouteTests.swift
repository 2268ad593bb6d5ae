import Foundation
import GRDB
import Testing
@testable import Control
@testable import Core
@testable import FCGIApp
@testable import Persistence

/// /api/downloads in-process: reads from the rows lcarsd keeps, commands to lcarsd (stood in),
/// and lcarsd's error codes mapped in one place (DaemonCall).
@Suite struct DownloadRouteTests {
    func addRow(_ t: TestApp, _ digit: Character, status: DownloadStatus) throws -> Int64 {
        try t.db.write { db in
            var row = DownloadRecord(infoHash: String(repeating: digit, count: 40), name: "Release \(digit)", magnet: "magnet:?xt=urn:btih:\(digit)",
                                     media: nil, savePath: "/tmp", sizeBytes: 100, torrentFile: nil)
            row.status = status
            try row.insert(db)
            return row.id!
        }
    }

    @Test func listingIsNewestFirstAndFiltersByStatus() throws {
        let t = try TestApp()
        let first = try addRow(t, "1", status: .downloading), second = try addRow(t, "2", status: .seeding)
        let all = t.send("GET", "/api/downloads", token: t.userToken)
        #expect(all.status == 200 && all.array.compactMap { $0["id"] as? Int } == [Int(second), Int(first)])
        let seeding = t.send("GET", "/api/downloads", query: ["status": "seeding"], token: t.userToken)
        #expect(seeding.array.compactMap { $0["id"] as? Int } == [Int(second)])
        let bad = t.send("GET", "/api/downloads", query: ["status": "sleeping"], token: t.userToken)
        #expect(bad.status == 400 && bad.errorMessage?.contains("sleeping") == true)
        // An unknown parameter is refused, as on every other list (a typo must not widen the answer).
        let unknown = t.send("GET", "/api/downloads", query: ["stauts": "seeding"], token: t.userToken)
        #expect(unknown.status == 400 && unknown.errorMessage?.contains("stauts") == true)
        #expect(t.daemon.calls.isEmpty)   // reads never ask lcarsd
    }

    @Test func oneDownloadOr404() throws {
        let t = try TestApp()
        let id = try addRow(t, "3", status: .paused)
        let r = t.send("GET", "/api/downloads/\(id)", token: t.userToken)
        #expect(r.status == 200 && r.object["info_hash"] as? String == String(repeating: "3", count: 40) && r.object["status"] as? String == "paused")
        let missing = t.send("GET", "/api/downloads/999", token: t.userToken)
        #expect(missing.status == 404 && missing.errorMessage == "download 999 does not exist")
    }

    @Test func commandsGoToLcarsdWithTheID() throws {
        let t = try TestApp()
        for cmd in [DownloadCommand.pause, DownloadCommand.resume, DownloadCommand.retry] {
            t.daemon.answer(cmd, with: JSONValue.object(["id": .number(5), "status": .string("queued")]))
        }
        for (path, cmd) in [("pause", DownloadCommand.pause), ("resume", DownloadCommand.resume), ("retry", DownloadCommand.retry)] {
            let r = t.send("POST", "/api/downloads/5/\(path)", token: t.userToken)
            #expect(r.status == 200 && r.object["id"] as? Int == 5)
            #expect(t.daemon.calls.last?.cmd == cmd)
            #expect(try t.daemon.calls.last?.args.decode(DownloadCommand.IDArgs.self).id == 5)
        }
    }

    @Test(arguments: [("not_found", 404, "not_found"), ("conflict", 409, "conflict"), ("duplicate", 409, "duplicate"),
                      ("invalid_argument", 400, "invalid_argument"), ("engine_failed", 502, "daemon_error")])
    func lcarsdErrorCodesBecomeStatuses(_ code: String, _ status: Int, _ apiCode: String) throws {
        let t = try TestApp()
        t.daemon.fail(DownloadCommand.retry, code: code, message: "download 5: no")
        let r = t.send("POST", "/api/downloads/5/retry", token: t.userToken)
        #expect(r.status == status && r.errorCode == apiCode && r.errorMessage?.contains("download 5: no") == true)
    }

    /// Ids travel to lcarsd as JSON numbers (doubles): above 2^53 − 1 they would arrive changed, so
    /// they are refused here with a message that says so (lcarsd's own answer was a DecodingError dump).
    @Test func idsLcarsdCannotReadAreRefusedClearly() throws {
        let t = try TestApp()
        let tooLarge = "9007199254740993"
        for (method, path) in [("POST", "/api/downloads/\(tooLarge)/pause"), ("GET", "/api/downloads/\(tooLarge)/files"),
                               ("DELETE", "/api/downloads/\(tooLarge)")] {
            let r = t.send(method, path, token: t.adminToken)
            #expect(r.status == 400 && r.errorCode == "invalid_argument", "\(method) \(path)")
            #expect(r.errorMessage == "download id \(tooLarge) is above 9007199254740991 (2^53 - 1), the largest lcarsd can be sent")
        }
        let add = t.send("POST", "/api/downloads", json: ["magnet": "magnet:?xt=urn:btih:\(String(repeating: "4", count: 40))",
                                                          "media_type": "movie", "media_id": 9_007_199_254_740_993 as Int64], token: t.userToken)
        #expect(add.status == 400 && add.errorCode == "invalid_argument" && add.errorMessage?.contains("media_id") == true)
        #expect(t.daemon.calls.isEmpty)
    }

    @Test func lcarsdDownIs503() throws {
        let t = try TestApp()
        let r = t.send("POST", "/api/downloads/5/pause", token: t.userToken)
        #expect(r.status == 503 && r.errorCode == "daemon_unavailable")
    }

    @Test func addingByHandLinksTheMediaAndChecksTheBody() throws {
        let t = try TestApp()
        t.daemon.answer(DownloadCommand.add, with: JSONValue.object(["id": .number(9)]))
        let r = t.send("POST", "/api/downloads", json: ["magnet": "magnet:?xt=urn:btih:\(String(repeating: "4", count: 40))",
                                                        "media_type": "movie", "media_id": 3], token: t.userToken)
        #expect(r.status == 201 && r.object["id"] as? Int == 9)
        #expect(try t.daemon.calls.last?.args.decode(DownloadCommand.AddArgs.self).media == MediaReference(type: .movie, id: 3))
        #expect(t.send("POST", "/api/downloads", json: ["magnet": "m", "media_type": "movie"], token: t.userToken).status == 422)
        #expect(t.send("POST", "/api/downloads", json: ["magnet": "m", "media_type": "book", "media_id": 1], token: t.userToken).status == 422)
        #expect(t.daemon.calls.count == 1)
    }

    @Test func deletingIsForAdminsAndPassesDeleteFiles() throws {
        let t = try TestApp()
        t.daemon.answer(DownloadCommand.remove, with: DownloadCommand.RemoveResult(success: true, deleted_files: true))
        #expect(t.send("DELETE", "/api/downloads/5", token: t.userToken).status == 403)
        #expect(t.send("DELETE", "/api/downloads/5", query: ["delete_files": "maybe"], token: t.adminToken).status == 400)
        let r = t.send("DELETE", "/api/downloads/5", query: ["delete_files": "true"], token: t.adminToken)
        #expect(r.status == 200 && r.object["deleted_files"] as? Bool == true)
        let args = try #require(try t.daemon.calls.last?.args.decode(DownloadCommand.IDArgs.self))
        #expect(args.id == 5 && args.delete_files == true && t.daemon.calls.count == 1)
    }

    @Test func filesComeFromLcarsd() throws {
        let t = try TestApp()
        t.daemon.fail(DownloadCommand.files, code: "conflict", message: "download 5 is not in the session")
        #expect(t.send("GET", "/api/downloads/5/files", token: t.userToken).status == 409)
    }
}
