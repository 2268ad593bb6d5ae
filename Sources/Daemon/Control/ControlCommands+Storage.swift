import Foundation
import Config
import Control
import Core
import Library

/// `storage.mounts` and `storage.test` (docs/ipc.md "Storage commands") on their own queue: a
/// hung network mount can block statvfs or a write for minutes, and that must hold up neither
/// the download manager nor `status` — only other storage commands wait (and the API's IPC
/// deadline turns the wait into a 503, never a hung request).
extension ControlCommands {
    static let storageWork = OwnerQueue(label: "lcarsd.storage")

    static func storageCommands(_ mounts: [LCARSConfig.Mount]) -> [String: ControlCommand] {
        [
            StorageCommand.mounts: ControlCommand(.owner(storageWork)) { _ in try JSONValue(encoding: mounts.map(MountProbe.status)) },
            StorageCommand.test: ControlCommand(.owner(storageWork)) { args in
                let name = try Self.args(args, StorageCommand.TestArgs.self).name
                guard let mount = mounts.first(where: { $0.name == name }) else {
                    let known = mounts.map(\.name).joined(separator: ", ")
                    throw DomainError.notFound("no [[storage.mounts]] is named \"\(name)\" (known: \(known))")
                }
                return try JSONValue(encoding: MountWriteTest.run(on: mount))
            },
        ]
    }
}
