import Foundation
import Control
import Core
import Library

/// GET /api/storage/mounts and POST /api/storage/mounts/:name/test (admin, as the spec's System
/// section): both asked of lcarsd. statvfs alone could be read here, but "available" means "LCARS
/// can place files there", and the process that places them is lcarsd: under systemd only its
/// sandbox has the library paths writable (ProtectSystem=strict plus its ReadWritePaths), so a
/// responder's own check would call a healthy library read-only. 503 while lcarsd is down.
enum StorageRoutes {
    static let routes = [
        Route("GET", "/api/storage/mounts", .admin, list),
        Route("POST", "/api/storage/mounts/:name/test", .admin, test),
    ]

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(try mounts(ctx))
    }

    /// lcarsd writes, reads back and deletes a probe file on the mount: `{success, message?,
    /// free_space_bytes?}`; a mount that cannot be written is `success: false` with the reason; 404
    /// for a name no mount has.
    static func test(_ ctx: RequestContext) throws -> HTTPResponse {
        let name = ctx.params["name"] ?? ""
        let result = try DaemonCall.run(ctx, StorageCommand.test, StorageCommand.TestArgs(name: name)).decode(MountWriteTest.self)
        return try .json(result)
    }

    /// Every configured mount as lcarsd sees it (also what `GET /api/system/status` shows).
    static func mounts(_ ctx: RequestContext) throws -> [MountStatus] {
        try DaemonCall.run(ctx, StorageCommand.mounts, [String: String]()).decode([MountStatus].self)
    }
}
