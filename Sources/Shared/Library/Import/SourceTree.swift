import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files of a finished download, found without trusting their names: torrent file names come
/// from strangers and may hold `../`, absolute paths, control characters or symlinks. The content
/// must resolve (realpath) inside the download folder; the walk never follows a symlink, keeps
/// only regular files, and remembers each file's device and inode so that opening or linking it
/// later can prove it is still the same file (`ImportSource.open`).
public struct SourceTree: Sendable {
    /// The realpath of the download's save folder.
    public let root: String
    /// The realpath of the torrent's content: a folder, or the file of a single-file torrent.
    public let content: String
    public let files: [ImportSource]

    /// Lists the content `name` inside `savePath`; refuses a name that leads elsewhere.
    public init(savePath: String, name: String) throws {
        guard let root = LibraryFiles.realPath(savePath) else {
            throw ImportFailure.source("the download folder \(savePath) does not exist")
        }
        guard !name.isEmpty, !name.hasPrefix("/"), name != ".", name != "..",
              !name.split(separator: "/").contains(where: { $0 == ".." }) else {
            throw ImportFailure.source("the torrent's name \"\(Self.printable(name))\" is not a plain name inside the download folder")
        }
        guard let content = LibraryFiles.realPath(root + "/" + name), content.hasPrefix(root + "/") else {
            throw ImportFailure.source("the torrent's content \"\(Self.printable(name))\" is missing or lies outside \(root)")
        }
        self.root = root
        self.content = content
        files = try Self.walk(content)
    }

    static func walk(_ content: String) throws -> [ImportSource] {
        var info = stat()
        guard lstat(content, &info) == 0 else { throw ImportFailure.source("cannot read \(content): \(String(cString: strerror(errno)))") }
        if (info.st_mode & S_IFMT) == S_IFREG {
            return [ImportSource(absolutePath: content, relativePath: (content as NSString).lastPathComponent, info: info)]
        }
        var found: [ImportSource] = []
        try walkDirectory(content, relative: "", into: &found, depth: 0)
        return found.sorted { $0.file.relativePath < $1.file.relativePath }
    }

    /// Recursion bounded in depth; symlinks, devices, sockets and FIFOs are skipped.
    static func walkDirectory(_ path: String, relative: String, into found: inout [ImportSource], depth: Int) throws {
        guard depth < 16 else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        for name in names where name != "." && name != ".." && !name.contains("/") {
            let full = path + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: found.append(ImportSource(absolutePath: full, relativePath: rel, info: info))
            case S_IFDIR: try walkDirectory(full, relative: rel, into: &found, depth: depth + 1)
            default: continue
            }
        }
    }

    /// A name for messages: control characters shown as `?`.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) }.prefix(200))
    }
}

/// One regular file of a download as the walk found it.
public struct ImportSource: Sendable, Equatable {
    public let absolutePath: String
    public let file: SourceFile
    let device: UInt64
    let inode: UInt64

    init(absolutePath: String, relativePath: String, info: stat) {
        self.absolutePath = absolutePath
        file = SourceFile(relativePath: relativePath, size: Int64(info.st_size))
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// Opens the file for reading without following a symlink, and checks it is the file the
    /// walk saw (a name swapped for another file or a link since then is refused).
    func open() throws -> Int32 {
        let fd = Glibc.open(absolutePath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw ImportFailure.source("cannot open \(absolutePath): \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(fd, &info) == 0, isSame(info) else {
            close(fd)
            throw ImportFailure.source("\(absolutePath) changed while it was being imported")
        }
        return fd
    }

    func isSame(_ info: stat) -> Bool {
        UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode && (info.st_mode & S_IFMT) == S_IFREG
    }
}
