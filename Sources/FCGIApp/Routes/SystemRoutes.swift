import Foundation
import Control
import Core
import Library
import Persistence

/// GET /api/system/status (admin). docs/api.md lists which fields later issues fill in. The
/// scheduler's routes (`/api/system/jobs…`) are in JobRoutes and registered with these.
enum SystemRoutes {
    static let routes = [
        Route("GET", "/api/system/status", .admin, status),
    ] + JobRoutes.routes

    struct DaemonView: Encodable {
        let reachable: Bool
        let version: String?
        let uptime_seconds: Int64?
        let error: String?
    }

    struct VPNView: Encodable {
        let enabled: Bool
        let interface: String
        /// From lcarsd's kill switch; null when lcarsd is down (unknown, never a guess).
        let connected: Bool?
        let addresses: [String]?
        /// Whether the torrent session really listens only on the interface (lcarsd checks
        /// libtorrent's listen sockets); null when lcarsd is down.
        let bound: Bool?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(enabled, forKey: .enabled)
            try c.encode(interface, forKey: .interface)
            try c.encode(connected, forKey: .connected)   // explicit null: "not known"
            try c.encode(addresses, forKey: .addresses)
            try c.encode(bound, forKey: .bound)
        }
        enum CodingKeys: String, CodingKey { case enabled, interface, connected, addresses, bound }
    }

    struct StatusView: Encodable {
        let version: String
        let uptime_seconds: Int64?
        let database_size_bytes: Int64
        let schema_version: Int
        let daemon: DaemonView
        let downloads: DownloadCounts
        let storage: [String: [MountStatus]]
        let vpn: VPNView

        /// Synthesized encoding drops nil; a client must see `uptime_seconds: null` when lcarsd is down.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(version, forKey: .version)
            try c.encode(uptime_seconds, forKey: .uptime_seconds)
            try c.encode(database_size_bytes, forKey: .database_size_bytes)
            try c.encode(schema_version, forKey: .schema_version)
            try c.encode(daemon, forKey: .daemon)
            try c.encode(downloads, forKey: .downloads)
            try c.encode(storage, forKey: .storage)
            try c.encode(vpn, forKey: .vpn)
        }
        enum CodingKeys: String, CodingKey {
            case version, uptime_seconds, database_size_bytes, schema_version, daemon, downloads, storage, vpn
        }
    }

    static func status(_ ctx: RequestContext) throws -> HTTPResponse {
        let app = ctx.app
        let (daemon, live) = daemonView(app.daemon)
        let counts = try live?.downloads ?? app.database.downloads.counts()
        let torrent = app.config.torrent
        let view = StatusView(
            version: LCARSVersion.current,
            uptime_seconds: daemon.uptime_seconds,
            database_size_bytes: AppDatabase.sizeOnDisk(path: app.config.database.path),
            schema_version: Migrations.latestVersion,
            daemon: daemon,
            downloads: counts,
            storage: ["mounts": storageMounts(ctx, daemonReachable: live != nil)],
            vpn: VPNView(enabled: !torrent.bindInterface.isEmpty, interface: torrent.bindInterface,
                         connected: live?.vpn.connected, addresses: live?.vpn.addresses, bound: live?.vpn.bound))
        return try .json(view)
    }

    /// lcarsd's view of the mounts (the one `GET /api/storage/mounts` gives: lcarsd is what writes
    /// there); while it is down, or busy past the IPC deadline, the responder's own statvfs check,
    /// so the status page still shows sizes (its `available` may differ under systemd's sandbox).
    static func storageMounts(_ ctx: RequestContext, daemonReachable: Bool) -> [MountStatus] {
        if daemonReachable, let mounts = try? StorageRoutes.mounts(ctx) { return mounts }
        return ctx.app.config.storage.mounts.map(MountProbe.status)
    }

    /// The API keeps answering when lcarsd is down; it says so instead.
    static func daemonView(_ client: any DaemonChannel) -> (DaemonView, DaemonStatus?) {
        do {
            let status = try client.call("status", args: .object([:])).decode(DaemonStatus.self)
            return (DaemonView(reachable: true, version: status.version, uptime_seconds: status.uptimeSeconds, error: nil), status)
        } catch {
            return (DaemonView(reachable: false, version: nil, uptime_seconds: nil, error: "\(error)"), nil)
        }
    }
}
