import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether libtorrent may delete a download's files: they must really lie inside
/// `torrent.download_dir`. A row's save path and name come from the database and the torrent
/// (untrusted), so each is resolved with realpath — `..`, an absolute name or a symlinked folder
/// leading outside is refused — and a folder holding a symlink to another folder is refused too
/// (deleting `folder/link/file` would delete through it). Nothing is deleted on a refusal.
struct DownloadFilesCheck: Sendable {
    let downloadDir: String

    /// nil when libtorrent may delete the files of a torrent saved in `savePath` under `name`;
    /// otherwise why not. Files that are not there (any more) are no reason to refuse.
    func refusal(savePath: String, name: String) -> String? {
        guard let root = Self.realPath(downloadDir) else { return "torrent.download_dir \(downloadDir) cannot be resolved" }
        guard !name.isEmpty, !name.contains("/"), name != ".", name != "..", !name.contains("\0") else {
            return "its name \"\(name)\" is not a single file or folder name"
        }
        // A save path that does not exist holds no files; it must still not name a place outside.
        let save = Self.realPath(savePath) ?? URL(fileURLWithPath: savePath).standardizedFileURL.path
        guard Self.isInside(save, root, orSame: true) else {
            return "its files are in \(save), outside torrent.download_dir (\(root))"
        }
        let content = save + "/" + name
        var info = stat()
        guard lstat(content, &info) == 0 else { return nil }
        guard let resolved = Self.realPath(content), Self.isInside(resolved, root, orSame: false) else {
            return "\(content) leads outside torrent.download_dir (\(root))"
        }
        return Self.folderLink(in: content).map { "\($0) is a symbolic link to a folder" }
    }

    static func isInside(_ path: String, _ root: String, orSame: Bool) -> Bool {
        (orSame && path == root) || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The first symlink to a directory found under `path` (not following any), if any.
    static func folderLink(in path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
        for name in names {
            let child = path + "/" + name
            guard lstat(child, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                var target = stat()
                if stat(child, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR { return child }
            case S_IFDIR:
                if let found = folderLink(in: child) { return found }
            default: break
            }
        }
        return nil
    }

    static func realPath(_ path: String) -> String? {
        guard !path.isEmpty, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
