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
    public var available: Bool
    public var totalBytes: Int64?
    public var freeBytes: Int64?
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case name, type, available, error
        case totalBytes = "total_bytes"
        case freeBytes = "free_bytes"
    }
}

public enum MountProbe {
    public static func status(of mount: LCARSConfig.Mount) -> MountStatus {
        var status = MountStatus(name: mount.name, type: mount.type.rawValue, available: false)
        guard mount.enabled else { status.error = "disabled in the configuration"; return status }
        let path = mount.type == .local ? mount.path : mount.mountPoint
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            status.error = "\(path) does not exist or is not a directory"
            return status
        }
        if mount.type == .smb, !isMountPoint(path) {
            status.error = "//\(mount.host)/\(mount.share) is not mounted at \(path)"
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
        if !status.available { status.error = "\(path) is not writable by this process" }
        return status
    }

    /// A directory is a mount point when it sits on another device than its parent.
    static func isMountPoint(_ path: String) -> Bool {
        var own = stat(), parent = stat()
        guard stat(path, &own) == 0, stat(path + "/..", &parent) == 0 else { return false }
        return own.st_dev != parent.st_dev || own.st_ino == parent.st_ino
    }
}
