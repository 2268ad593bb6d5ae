/// lcarsd's storage commands (docs/ipc.md "Storage commands"), shared by the daemon that answers
/// them and the responders that ask (`GET /api/storage/mounts`, `POST /api/storage/mounts/:name/test`,
/// the mounts of `GET /api/system/status`). lcarsd answers because it is the process that writes
/// the library: under systemd only its sandbox has the library paths writable, so only its view
/// of "available" is true.
public enum StorageCommand {
    /// `{}` → `[MountStatus]` (Library), one per `[[storage.mounts]]`, in the config's order.
    public static let mounts = "storage.mounts"
    /// `{name}` → `MountWriteTest` (`{success, message?, free_space_bytes?}`); `not_found` for a
    /// name no mount has. A mount that cannot be written is `success: false`, not an error.
    public static let test = "storage.test"

    public struct TestArgs: Codable, Sendable {
        public var name: String
        public init(name: String) { self.name = name }
    }
}
