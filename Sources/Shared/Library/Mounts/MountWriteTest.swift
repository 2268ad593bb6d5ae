import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Config

/// `POST /api/storage/mounts/:name/test` as lcarsd (which owns the library files) carries it out:
/// write a probe file into the mount's root, read it back, delete it.
///
/// Safety: the root is opened once as a directory and everything after happens relative to that
/// descriptor, so an smb share unmounted halfway cannot redirect the probe into the empty
/// mount-point directory below it (the mount check is made on the opened descriptor itself); the
/// probe is created with O_CREAT|O_EXCL|O_NOFOLLOW, so it never follows or reuses a symlink or
/// an existing file.
public struct MountWriteTest: Codable, Sendable, Equatable {
    public var success: Bool
    public var message: String?
    public var freeSpaceBytes: Int64?

    enum CodingKeys: String, CodingKey {
        case success, message
        case freeSpaceBytes = "free_space_bytes"
    }

    static let content = Array("LCARS storage probe: safe to delete\n".utf8)

    public static func run(on mount: LCARSConfig.Mount) -> MountWriteTest {
        guard mount.enabled else { return failed("mount \"\(mount.name)\" is disabled in the configuration (enabled = false)") }
        let path = MountProbe.root(of: mount)
        let directory = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return failed("cannot open \(path): \(lastError()); create it or fix the mount's path") }
        defer { close(directory) }
        if mount.type == .smb, !MountProbe.isMountRoot(directory) {
            return failed(MountProbe.notMounted(mount) + "; nothing was written (mount the share first)")
        }
        if let problem = writeReadDelete(in: directory, at: path) { return failed(problem) }
        var fs = statvfs()
        let free = fstatvfs(directory, &fs) == 0 ? Int64(fs.f_bavail) * Int64(fs.f_frsize) : nil
        return MountWriteTest(success: true, message: "wrote, read back and deleted a probe file in \(path)", freeSpaceBytes: free)
    }

    /// nil when the probe went through; otherwise what failed. The probe is gone either way.
    static func writeReadDelete(in directory: Int32, at path: String) -> String? {
        let name = ".lcars-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "cannot create a file in \(path): \(lastError())" }
        defer { unlinkat(directory, name, 0) }
        let written = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = written == content.count && fsync(fd) == 0
        let writeError = written >= 0 && written < content.count ? "short write (disk full?)" : lastError()
        close(fd)
        guard synced else { return "cannot write to \(path): \(writeError)" }
        guard readBack(directory, name) == content else { return "the probe file in \(path) did not read back as written" }
        guard unlinkat(directory, name, 0) == 0 else { return "cannot delete the probe file \(path)/\(name): \(lastError())" }
        return nil
    }

    static func readBack(_ directory: Int32, _ name: String) -> [UInt8]? {
        let fd = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: content.count + 1)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return count < 0 ? nil : Array(buffer.prefix(count))
    }

    static func failed(_ message: String) -> MountWriteTest { MountWriteTest(success: false, message: message, freeSpaceBytes: nil) }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
