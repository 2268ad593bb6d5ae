import Foundation
import Testing
@testable import Control
@testable import Core
@testable import Library
@testable import FCGIApp

/// GET /api/storage/mounts and POST /api/storage/mounts/:name/test in-process, lcarsd played by the
/// stub: both are lcarsd's answers as they are (it writes the library), its `not_found` is 404, a
/// daemon that is down 503, only admins may ask — and the status page shows lcarsd's mounts too.
@Suite struct StorageRouteTests {
    static let mounts = [
        MountStatus(name: "local", type: "local", enabled: true, available: true, totalBytes: 1000, freeBytes: 400, error: nil),
        MountStatus(name: "nas", type: "smb", enabled: true, available: false, error: "//h/s is not mounted at /mnt/nas"),
    ]

    @Test func theListIsLcarsdsView() throws {
        let t = try TestApp()
        t.daemon.answer(StorageCommand.mounts, with: Self.mounts)
        let answer = t.send("GET", "/api/storage/mounts", token: t.adminToken)
        #expect(answer.status == 200)
        #expect(answer.array.map { $0["name"] as? String } == ["local", "nas"])
        #expect(answer.array[0]["total_bytes"] as? Int == 1000 && answer.array[0]["free_bytes"] as? Int == 400)
        #expect(answer.array[1]["available"] as? Bool == false && answer.array[1]["total_bytes"] == nil)
        #expect(answer.array[1]["error"] as? String == "//h/s is not mounted at /mnt/nas")
    }

    @Test func theTestAsksLcarsdForTheNamedMountAndPassesItsAnswerOn() throws {
        let t = try TestApp()
        t.daemon.answer(StorageCommand.test, with: MountWriteTest(success: false, message: "cannot create a file in /lib: Read-only file system"))
        let answer = t.send("POST", "/api/storage/mounts/local/test", token: t.adminToken)
        #expect(answer.status == 200 && answer.object["success"] as? Bool == false)
        #expect(answer.object["message"] as? String == "cannot create a file in /lib: Read-only file system")
        #expect(answer.object["free_space_bytes"] == nil)
        #expect(try t.daemon.calls.last?.args.decode(StorageCommand.TestArgs.self).name == "local")
    }

    @Test func anUnknownMountIs404AndADaemonThatIsDown503() throws {
        let t = try TestApp()
        #expect(t.send("GET", "/api/storage/mounts", token: t.adminToken).errorCode == "daemon_unavailable")
        #expect(t.send("POST", "/api/storage/mounts/local/test", token: t.adminToken).status == 503)
        t.daemon.fail(StorageCommand.test, code: "not_found", message: "no [[storage.mounts]] is named \"x\" (known: local)")
        let unknown = t.send("POST", "/api/storage/mounts/x/test", token: t.adminToken)
        #expect(unknown.status == 404 && unknown.errorMessage?.hasPrefix("no [[storage.mounts]] is named \"x\"") == true)
    }

    @Test func onlyAdmins() throws {
        let t = try TestApp()
        t.daemon.answer(StorageCommand.mounts, with: Self.mounts)
        #expect(t.send("GET", "/api/storage/mounts", token: t.userToken).status == 403)
        #expect(t.send("POST", "/api/storage/mounts/local/test", token: t.userToken).status == 403)
        #expect(t.send("GET", "/api/storage/mounts").status == 401)
        #expect(t.send("GET", "/api/storage/mounts/local/test", token: t.adminToken).status == 405)
        #expect(t.daemon.calls.isEmpty)
    }

    @Test func theStatusPageShowsLcarsdsMountsWhileItIsUp() throws {
        let t = try TestApp()
        let vpn = VPNState(enabled: false, interface: "", connected: true, addresses: [])
        t.daemon.answer("status", with: DaemonStatus(version: "0", pid: 1, startedAt: "2026-01-01T00:00:00Z", uptimeSeconds: 5,
                                                     schemaVersion: 1, downloads: DownloadCounts(active: 0, queued: 0, seeding: 0), vpn: vpn))
        t.daemon.answer(StorageCommand.mounts, with: Self.mounts)
        let answer = t.send("GET", "/api/system/status", token: t.adminToken)
        let shown = try #require((answer.object["storage"] as? [String: Any])?["mounts"] as? [[String: Any]])
        #expect(shown.map { $0["name"] as? String } == ["local", "nas"] && shown[1]["error"] as? String == "//h/s is not mounted at /mnt/nas")
        #expect(t.daemon.calls.map(\.cmd) == ["status", StorageCommand.mounts])
    }
}
