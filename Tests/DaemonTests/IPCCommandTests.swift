import Foundation
import Testing
@testable import Daemon
@testable import Core
@testable import Config
@testable import Releases
@testable import Persistence
@testable import Net
@testable import Auth
@testable import Metadata
@testable import Indexers
@testable import Control
@testable import Library

@Suite struct IPCCommandTests {
    let commands = IPCCommands(state: DaemonState(startedAt: Date(timeIntervalSinceNow: -5), schemaVersion: 2), downloads: nil)

    @Test func statusReportsUptimeAndSchema() throws {
        let response = commands.handle(IPCRequest(id: 3, cmd: "status"))
        #expect(response.ok && response.id == 3)
        let status = try #require(response.result).decode(DaemonStatus.self)
        #expect(status.schemaVersion == 2 && status.uptimeSeconds >= 5 && status.version == LCARSVersion.current)
    }

    @Test func unknownCommandsAndVersionsAreErrors() {
        #expect(commands.handle(IPCRequest(id: 1, cmd: "warp")).error?.code == "unknown_command")
        var request = IPCRequest(id: 1, cmd: "ping")
        request.v = 2
        #expect(commands.handle(request).error?.code == "unsupported_version")
    }

    @Test func framingIsBigEndianLengthPrefixed() {
        let framed = IPCFraming.frame(Data("{}".utf8))
        #expect(Array(framed) == [0, 0, 0, 2, 0x7b, 0x7d])
        #expect(IPCFraming.length(ofHeader: Data([0, 1, 0, 0])) == 65536)
    }
}
