import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Config

/// The spec's `MountStatus`: whether a configured library mount can be written to right now,
/// and its size, read with statvfs(2).
public struct MountStatus: Codable, Sendable, Equatable {
    public var name: String
    public var type: String
    public var enabled: Bool
    public var available: Bool
    public var totalBytes: Int64?
    public var freeBytes: Int64?
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case name, type, enabled, available, error
        case totalBytes = "total_bytes"
        case freeBytes = "free_bytes"
    }
}

public enum MountProbe {
    public static func status(of mount: LCARSConfig.Mount) -> MountStatus {
        var status = MountStatus(name: mount.name, type: mount.type.rawValue, enabled: mount.enabled, available: false)
        guard mount.enabled else { status.error = "disabled in the configuration"; return status }
        let path = root(of: mount)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            status.error = "\(path) does not exist or is not a directory"
            return status
        }
        if mount.type == .smb, !isMountPoint(path) {
            status.error = notMounted(mount)
            return status
        }
        var fs = statvfs()
        guard statvfs(path, &fs) == 0 else {
            status.error = "statvfs(\(path)): \(String(cString: strerror(errno)))"
            return status
        }
        status.totalBytes = Int64(fs.f_blocks) * Int64(fs.f_frsize)
        status.freeBytes = Int64(fs.f_bavail) * Int64(fs.f_frsize)
        status.available = access(path, W_OK) == 0
        if !status.available { status.error = "\(path) is not writable by this process: \(String(cString: strerror(errno)))" }
        return status
    }

    /// Where a mount's files go: a local mount's `path`, an smb mount's `mount_point`.
    public static func root(of mount: LCARSConfig.Mount) -> String {
        mount.type == .local ? mount.path : mount.mountPoint
    }

    static func notMounted(_ mount: LCARSConfig.Mount) -> String {
        "//\(mount.host)/\(mount.share) is not mounted at \(mount.mountPoint)"
    }

    static func isMountPoint(_ path: String) -> Bool {
        let directory = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return false }
        defer { close(directory) }
        return isMountRoot(directory)
    }

    /// An opened directory is the root of a file system when it sits on another device than its
    /// parent (or is `/`). Asked of a descriptor, so the answer holds for what is then written through it.
    static func isMountRoot(_ directory: Int32) -> Bool {
        var own = stat(), parent = stat()
        guard fstat(directory, &own) == 0, fstatat(directory, "..", &parent, 0) == 0 else { return false }
        return own.st_dev != parent.st_dev || own.st_ino == parent.st_ino
    }
}
