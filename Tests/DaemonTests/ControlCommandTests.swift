import Foundation
import Testing
@testable import Daemon
@testable import Core
@testable import Control

@Suite struct ControlCommandTests {
    let commands = ControlCommands.lcarsd(state: DaemonState(startedAt: Date(timeIntervalSinceNow: -5), schemaVersion: 2), downloads: nil)

    @Test func statusReportsUptimeAndSchema() async throws {
        let response = await commands.handle(ControlRequest(id: 3, cmd: "status"))
        #expect(response.ok && response.id == 3)
        let status = try #require(response.result).decode(DaemonStatus.self)
        #expect(status.schemaVersion == 2 && status.uptimeSeconds >= 5 && status.version == LCARSVersion.current)
    }

    @Test func unknownCommandsAndVersionsAreErrors() async {
        #expect(await commands.handle(ControlRequest(id: 1, cmd: "warp")).error?.code == "unknown_command")
        var request = ControlRequest(id: 1, cmd: "ping")
        request.v = 2
        #expect(await commands.handle(request).error?.code == "unsupported_version")
    }

    @Test func argumentsOfTheWrongShapeAreInvalid() async {
        let table = ControlCommands(["get": ControlCommand(.immediately) { try JSONValue(encoding: try ControlCommands.args($0, DownloadCommand.IDArgs.self).id) }])
        #expect(await table.handle(ControlRequest(id: 1, cmd: "get", args: .object(["id": .string("seven")]))).error?.code == "invalid_argument")
        #expect(await table.handle(ControlRequest(id: 1, cmd: "get", args: .object(["id": .number(7)]))).result == .number(7))
    }

    @Test func statusReadsTheDownloadSnapshot() async throws {
        let vpn = VPNState(enabled: true, interface: "wg0", connected: false, addresses: [])
        let snapshot = SystemSnapshot(vpn: vpn)
        #expect(snapshot.update(vpn: vpn, counts: DownloadCounts(active: 0, queued: 0, seeding: 0)))   // the first is news
        #expect(snapshot.update(vpn: vpn, counts: DownloadCounts(active: 1, queued: 2, seeding: 3)))
        #expect(!snapshot.update(vpn: vpn, counts: DownloadCounts(active: 1, queued: 2, seeding: 3)))
        let status = DaemonState(startedAt: Date(), schemaVersion: 6).status(system: snapshot.current)
        #expect(status.downloads == DownloadCounts(active: 1, queued: 2, seeding: 3) && status.vpn == vpn)
    }

    /// The one mapping of domain errors onto the wire codes of docs/ipc.md.
    @Test func domainErrorsMapOntoTheWireCodes() {
        #expect(ControlErrorCode(.notFound("download 3 does not exist")) == .notFound)
        #expect(ControlErrorCode(.conflict("already", code: "duplicate")) == .duplicate)
        #expect(ControlErrorCode(.conflict("not now")) == .conflict)
        #expect(ControlErrorCode(.invalidTransition(of: "download 3", from: "completed", to: "queued", allowed: [])) == .conflict)
        #expect(ControlErrorCode(.badRequest("bad magnet", code: "invalid_magnet")) == .invalidMagnet)
        #expect(ControlErrorCode(.badRequest("two sources")) == .invalidArgument)
        #expect(ControlErrorCode(.validation("negative", field: "seed_ratio_limit")) == .invalidArgument)
        let body = ControlErrorBody(DomainError.conflict("already", code: "duplicate", details: .object(["id": .number(1)])))
        #expect(body == ControlErrorBody(code: "duplicate", message: "already", details: .object(["id": .number(1)])))
        #expect(DownloadCommand.ErrorCode.notFound == "not_found" && DownloadCommand.ErrorCode.invalidMagnet == "invalid_magnet")
    }

    @Test func framingIsBigEndianLengthPrefixed() {
        let framed = ControlFraming.frame(Data("{}".utf8))
        #expect(Array(framed) == [0, 0, 0, 2, 0x7b, 0x7d])
        #expect(ControlFraming.length(ofHeader: Data([0, 1, 0, 0])) == 65536)
    }
}
