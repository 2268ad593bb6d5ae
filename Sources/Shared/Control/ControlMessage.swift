import Foundation
import Core

/// The lcarsd control protocol (docs/ipc.md): length-prefixed JSON frames over a Unix socket.
/// A client sends requests; the daemon answers each with a response carrying the same id.
public enum ControlProtocol {
    /// Bumped when a change would break existing clients; the daemon refuses other versions.
    public static let protocolVersion = 1
    /// Frames larger than this are a protocol error (a client sending garbage, most likely).
    public static let maxFrameBytes = 1 << 20
}

public struct ControlRequest: Codable, Sendable, Equatable {
    public var v: Int
    public var id: Int64
    public var cmd: String
    public var args: JSONValue

    public init(id: Int64, cmd: String, args: JSONValue = .object([:])) {
        self.v = ControlProtocol.protocolVersion
        self.id = id
        self.cmd = cmd
        self.args = args
    }
}

public struct ControlErrorBody: Codable, Sendable, Equatable, Error {
    public var code: String
    public var message: String
    /// Structured facts about the failure, e.g. the existing download for `duplicate`.
    public var details: JSONValue?
    public init(code: String, message: String, details: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.details = details
    }
}

public struct ControlResponse: Codable, Sendable, Equatable {
    public var v: Int
    public var id: Int64
    public var ok: Bool
    public var result: JSONValue?
    public var error: ControlErrorBody?

    public static func success(id: Int64, _ result: JSONValue) -> ControlResponse {
        ControlResponse(v: ControlProtocol.protocolVersion, id: id, ok: true, result: result, error: nil)
    }

    public static func failure(id: Int64, code: String, message: String, details: JSONValue? = nil) -> ControlResponse {
        ControlResponse(v: ControlProtocol.protocolVersion, id: id, ok: false, result: nil,
                    error: ControlErrorBody(code: code, message: message, details: details))
    }
}

/// `ping` and `status` results.
public struct DaemonStatus: Codable, Sendable, Equatable {
    public var version: String
    public var pid: Int32
    public var startedAt: String
    public var uptimeSeconds: Int64
    public var schemaVersion: Int
    public var downloads: DownloadCounts
    public var vpn: VPNState

    public init(version: String, pid: Int32, startedAt: String, uptimeSeconds: Int64, schemaVersion: Int,
                downloads: DownloadCounts, vpn: VPNState) {
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.schemaVersion = schemaVersion
        self.downloads = downloads
        self.vpn = vpn
    }

    enum CodingKeys: String, CodingKey {
        case version, pid, downloads, vpn
        case startedAt = "started_at"
        case uptimeSeconds = "uptime_seconds"
        case schemaVersion = "schema_version"
    }
}

/// The VPN kill switch as lcarsd sees it (spec: SystemStatus.vpn). `connected` is whether the
/// bound interface is up with an address; with no interface configured it is true (default routing).
public struct VPNState: Codable, Sendable, Equatable {
    public var enabled: Bool
    public var interface: String
    public var connected: Bool
    public var addresses: [String]
    public init(enabled: Bool, interface: String, connected: Bool, addresses: [String]) {
        self.enabled = enabled
        self.interface = interface
        self.connected = connected
        self.addresses = addresses
    }
}
