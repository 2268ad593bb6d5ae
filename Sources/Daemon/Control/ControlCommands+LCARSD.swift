import Foundation
import Control
import Core

/// lcarsd's command table. `ping` and `status` answer at once from facts at hand (no database,
/// no queue), so they stay quick while the download manager is busy; every `downloads.*`
/// command is handed to the download manager's queue.
extension ControlCommands {
    static func lcarsd(state: DaemonState, downloads: DownloadManager?) -> ControlCommands {
        var table: [String: ControlCommand] = [
            "ping": { _ in .object(["pong": .bool(true), "version": .string(LCARSVersion.current),
                                    "protocol": .number(Double(IPC.protocolVersion))]) },
            "status": { _ in try JSONValue(encoding: state.status(system: downloads?.system)) },
        ]
        if let downloads { table.merge(downloadCommands(downloads)) { $1 } }
        return ControlCommands(table)
    }

    static func downloadCommands(_ m: DownloadManager) -> [String: ControlCommand] {
        typealias C = DownloadCommand
        /// Decodes the args here, then runs `body` on the manager's queue.
        func owned<A: Decodable & Sendable, R: Encodable>(_: A.Type, _ body: @escaping @Sendable (A) throws -> R) -> ControlCommand {
            { json in
                let a = try args(json, A.self)
                return try await m.owner.perform { try JSONValue(encoding: body(a)) }
            }
        }
        return [
            C.add: owned(C.AddArgs.self) { try m.add($0) },
            C.list: owned(C.ListArgs.self) { try m.list(status: $0.status) },
            C.get: owned(C.IDArgs.self) { try m.get($0.id) },
            C.files: owned(C.IDArgs.self) { try m.files($0.id) },
            C.pause: owned(C.IDArgs.self) { try m.pause($0.id) },
            C.resume: owned(C.IDArgs.self) { try m.resume($0.id) },
            C.retry: owned(C.IDArgs.self) { try m.retry($0.id) },
            C.remove: owned(C.IDArgs.self) { try m.remove($0.id, deleteFiles: $0.delete_files ?? false) },
        ]
    }
}
