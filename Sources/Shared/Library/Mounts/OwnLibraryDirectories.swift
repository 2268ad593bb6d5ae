import Foundation
import Config

/// lcarsd creates a local mount's directory at start only when it lies inside `server.data_dir`
/// (the default `./data/library`): a directory LCARS owns, so a fresh install's library is
/// available at once. Anywhere else the directory must already exist — it may be the mount point
/// of a disk that is not plugged in, and creating it would put the library on the wrong disk.
public enum OwnLibraryDirectories {
    /// The directories created (enabled local mounts inside `dataDir` that did not exist).
    @discardableResult
    public static func create(for mounts: [LCARSConfig.Mount], dataDir: String) throws -> [String] {
        let inside = absolute(dataDir) + "/"
        var created: [String] = []
        for mount in mounts where mount.enabled && mount.type == .local {
            let path = absolute(mount.path)
            guard path.hasPrefix(inside), !FileManager.default.fileExists(atPath: path) else { continue }
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            created.append(path)
        }
        return created
    }

    /// Relative to the working directory, as every path in the config; `.` and `..` folded.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
