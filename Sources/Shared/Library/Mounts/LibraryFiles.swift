import Foundation
import Config

/// Removes media files for `DELETE …?delete_files=true`, only inside the configured library
/// mounts: the file's directory is resolved with realpath (so `..` and symlinked directories
/// cannot lead out), the result must lie under a mount root, and the file itself is unlinked
/// without following it (a symlink is removed, never its target). Directories are never removed.
public struct LibraryFiles: Sendable {
    public struct Refusal: Error, Encodable, Sendable, Equatable {
        public let path: String
        public let reason: String
    }

    public struct Report: Encodable, Sendable {
        public var removed: [String] = []
        public var refused: [Refusal] = []
    }

    /// Real paths of the enabled mounts' roots (local: path, smb: mount_point).
    let roots: [String]

    public init(mounts: [LCARSConfig.Mount]) {
        roots = mounts.filter(\.enabled).compactMap { mount in
            Self.realPath(mount.type == .local ? mount.path : mount.mountPoint)
        }
    }

    public func remove(_ paths: [String]) -> Report {
        var report = Report()
        for path in paths {
            switch check(path) {
            case .success(let target):
                if unlink(target) == 0 { report.removed.append(path) }
                else { report.refused.append(Refusal(path: path, reason: String(cString: strerror(errno)))) }
            case .failure(let refusal):
                report.refused.append(refusal)
            }
        }
        return report
    }

    /// The path to unlink, or why not.
    func check(_ path: String) -> Result<String, Refusal> {
        func refuse(_ reason: String) -> Result<String, Refusal> { .failure(Refusal(path: path, reason: reason)) }
        guard path.hasPrefix("/") else { return refuse("not an absolute path") }
        var info = stat()
        guard lstat(path, &info) == 0 else { return refuse("does not exist") }
        if (info.st_mode & S_IFMT) == S_IFDIR { return refuse("is a directory") }
        let name = (path as NSString).lastPathComponent
        guard name != "..", name != ".", let directory = Self.realPath((path as NSString).deletingLastPathComponent) else {
            return refuse("its directory cannot be resolved")
        }
        let target = directory == "/" ? "/" + name : directory + "/" + name
        guard roots.contains(where: { target.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            return refuse("outside the library mounts")
        }
        return .success(target)
    }

    static func realPath(_ path: String) -> String? {
        guard !path.isEmpty, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
