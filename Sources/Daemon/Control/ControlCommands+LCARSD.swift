import Foundation
import Config
import Control
import Core

/// lcarsd's command table. `ping` answers at once (a constant); `status` reads the counts on its
/// own queue (a WAL read, never behind the manager's work) and the VPN state from the manager's
/// snapshot, so both stay quick while the manager is busy; every `downloads.*` command runs on
/// the download manager's queue; `jobs.*` on the scheduler's queue; `storage.*` on their own.
extension ControlCommands {
    /// Where `status` reads: apart from the event loops and from the download manager's queue.
    static let statusReads = OwnerQueue(label: "lcarsd.status")

    static func lcarsd(state: DaemonState, downloads: DownloadManager?, scheduler: Scheduler? = nil,
                       mounts: [LCARSConfig.Mount] = []) -> ControlCommands {
        var table: [String: ControlCommand] = [
            "ping": ControlCommand(.immediately) { _ in
                .object(["pong": .bool(true), "version": .string(LCARSVersion.current), "protocol": .number(Double(ControlProtocol.protocolVersion))])
            },
            "status": ControlCommand(.owner(statusReads)) { _ in try JSONValue(encoding: state.status(system: downloads?.systemNow())) },
        ]
        if let downloads { table.merge(downloadCommands(downloads)) { $1 } }
        if let scheduler { table.merge(jobCommands(scheduler)) { $1 } }
        table.merge(storageCommands(mounts)) { $1 }
        return ControlCommands(table)
    }

    static func downloadCommands(_ m: DownloadManager) -> [String: ControlCommand] {
        typealias C = DownloadCommand
        /// Decodes the args, runs `body`, encodes its result — on the manager's queue.
        func owned<A: Decodable & Sendable, R: Encodable & Sendable>(_: A.Type, _ body: @escaping @Sendable (A) throws -> R) -> ControlCommand {
            ControlCommand(.owner(m.owner)) { try JSONValue(encoding: body(try args($0, A.self))) }
        }
        return [
            C.add: owned(C.AddArgs.self) { try m.add($0, userID: $0.user_id) },
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
