import Foundation

/// The data directory and the database are for LCARS's own user only: the database holds password
/// hashes and indexer API keys and passwords, the data directory (under `make run`) the config
/// with `jwt_secret`, the sockets and the torrent state. Directories are made 0700 and the
/// database files 0600 — explicitly, not by the process umask, so that downloads and library
/// files keep the modes media players need. nginx reaches the sockets inside because it runs as
/// the same user under `make run` (as root it is told `user root`); under systemd they live in
/// /run/lcars instead.
public enum PrivateFiles {
    public static let directoryMode: mode_t = 0o700
    public static let fileMode: mode_t = 0o600

    /// Creates `path` (and missing parents) 0700, or takes group and other access away from an
    /// existing directory (an install from before issue 11 has 0755). Taking access away is best
    /// effort: a directory this user does not own is left as it is.
    public static func secureDirectory(_ path: String) throws {
        guard !path.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: Int(directoryMode)])
        }
        tighten(path)
    }

    /// Before SQLite opens `path`: its directory exists (made 0700 when missing; an existing one is
    /// not changed — database.path may point anywhere), the database file exists 0600 (SQLite
    /// would create it 0644), and an existing file and its -wal / -shm lose group and other access.
    /// SQLite gives the -wal and -shm files it creates the database file's mode, so they follow.
    public static func prepareDatabase(_ path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: Int(directoryMode)])
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd >= 0 { close(fd) }
        for file in [path, path + "-wal", path + "-shm"] { tighten(file) }
    }

    /// Clears the group and other bits of an existing file or directory; nothing when it is absent,
    /// already private, or not ours to change.
    static func tighten(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return }
        _ = chmod(path, info.st_mode & 0o700)
    }
}
