import Foundation
import Testing
@testable import FCGIApp

/// GET /api/system/status in-process, with lcarsd down (the stub answers nothing).
@Suite struct SystemRouteTests {
    @Test func statusSaysTheDaemonIsDownAndCountsFromTheTable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-mount-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TestApp(extraTOML: "[[storage.mounts]]\nname = \"lib\"\ntype = \"local\"\npath = \"\(dir)\"\n")
        let answer = t.send("GET", "/api/system/status", token: t.adminToken)
        #expect(answer.status == 200)
        let daemon = try #require(answer.object["daemon"] as? [String: Any])
        #expect(daemon["reachable"] as? Bool == false)
        #expect(answer.object["uptime_seconds"] is NSNull)
        #expect(answer.object["downloads"] as? [String: Any] != nil)
        let mounts = try #require((answer.object["storage"] as? [String: Any])?["mounts"] as? [[String: Any]])
        #expect(mounts.count == 1 && mounts[0]["name"] as? String == "lib" && mounts[0]["available"] as? Bool == true)
        #expect(t.daemon.calls.map(\.cmd) == ["status"])
    }

    @Test func usersAre403() throws {
        let t = try TestApp()
        #expect(t.send("GET", "/api/system/status", token: t.userToken).status == 403)
        #expect(t.send("GET", "/api/system/status").status == 401)
    }
}
