import Foundation
import Core

/// The lcarsd control protocol (docs/ipc.md): length-prefixed JSON frames over a Unix socket.
/// A client sends requests; the daemon answers each with a response carrying the same id.
public enum ControlProtocol {
    /// Bumped when a change would break existing clients; the daemon refuses other versions.
    public static let protocolVersion = 1
    /// Frames larger than this are a protocol error (a client sending garbage, most likely).
    /// 16 MiB: room for `downloads.add` with the largest .torrent the API fetches (10 MiB,
    /// base64-encoded), while still bounding what one connection can make lcarsd buffer.
    public static let maxFrameBytes = 16 << 20
}

public struct ControlRequest: Codable, Sendable, Equatable {
    public var v: Int
    public var id: Int64
    public var cmd: String
    public var args: JSONValue
    /// When the client stops waiting, in Unix-epoch milliseconds (both ends share the host's
    /// clock). lcarsd does not start a request after it: what the client reported as failed
    /// must not happen later behind its back. Nil: no deadline (older clients, tools).
    public var deadlineMs: Int64?

    public init(id: Int64, cmd: String, args: JSONValue = .object([:]), deadline: Date? = nil) {
        self.v = ControlProtocol.protocolVersion
        self.id = id
        self.cmd = cmd
        self.args = args
        deadlineMs = deadline.map { Int64(($0.timeIntervalSince1970 * 1000).rounded(.down)) }
    }

    /// Whether the client has stopped waiting by `now`.
    public func isExpired(now: Date = Date()) -> Bool {
        guard let deadlineMs else { return false }
        return Int64((now.timeIntervalSince1970 * 1000).rounded(.down)) >= deadlineMs
    }

    enum CodingKeys: String, CodingKey {
        case v, id, cmd, args
        case deadlineMs = "deadline_ms"
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
/// bound interface is up with an address; `bound` whether the torrent session's listen sockets
/// really are on that interface's addresses (libtorrent's listen alerts). With no interface
/// configured both are true (default routing).
public struct VPNState: Codable, Sendable, Equatable {
    public var enabled: Bool
    public var interface: String
    public var connected: Bool
    public var addresses: [String]
    public var bound: Bool
    public init(enabled: Bool, interface: String, connected: Bool, addresses: [String], bound: Bool = true) {
        self.enabled = enabled
        self.interface = interface
        self.connected = connected
        self.addresses = addresses
        self.bound = bound
    }

    /// An lcarsd from before `bound` existed did not check: read as not bound when a VPN is set.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try c.decode(Bool.self, forKey: .enabled)
        interface = try c.decode(String.self, forKey: .interface)
        connected = try c.decode(Bool.self, forKey: .connected)
        addresses = try c.decode([String].self, forKey: .addresses)
        bound = try c.decodeIfPresent(Bool.self, forKey: .bound) ?? !enabled
    }
}
