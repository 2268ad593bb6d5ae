import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Places files under one library root, all or nothing: every file and folder it creates is
/// remembered, and `rollback()` removes them again (and puts back a file it replaced), so a
/// failure half-way (disk full, permission, the mount going away) leaves the library as it was.
///
/// Paths below the root are walked with `openat(…, O_NOFOLLOW | O_DIRECTORY)` one component at
/// a time, so a symlink planted in the library cannot redirect a write elsewhere, and components
/// are sanitised names (`NamingPattern`), never `..`.
public final class Placement {
    /// How a file got there: hard-linked, copied, or already there (identical; placed before).
    public enum Mode: String, Sendable {
        case link, copy, kept

        public var done: String { ["link": "linked", "copy": "copied", "kept": "already in place"][rawValue] ?? rawValue }
    }

    /// One file in place: its absolute path, size, and whether it was hard-linked or copied.
    public struct Placed: Sendable, Equatable {
        public let path: String
        public let size: Int64
        public let mode: Mode
    }

    public let root: String
    private let rootFD: Int32
    private var createdFiles: [String] = []             // absolute paths, to unlink on rollback
    private var createdDirectories: [String] = []       // absolute paths, deepest last
    private var replaced: [(backup: String, original: String)] = []
    private var finished = false

    /// Opens the root (its realpath) for the placement.
    public init(root: String) throws {
        guard let real = LibraryFiles.realPath(root) else {
            throw ImportFailure.destination("the library folder \(root) does not exist")
        }
        let fd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw ImportFailure.destination("cannot open \(real): \(Self.errnoText())") }
        self.root = real
        rootFD = fd
    }

    deinit {
        if !finished { rollback() }
        close(rootFD)
    }

    /// Puts `source` at `relativePath` (rendered by a naming pattern). Tries a hard link first
    /// when `preferLink` (the torrent keeps seeding the original), and copies on EXDEV or any
    /// other link failure. A file already there that is the same (same inode, or same bytes) is
    /// kept as it is: placing again after a crash changes nothing.
    public func place(_ source: ImportSource, at relativePath: String, preferLink: Bool) throws -> Placed {
        let components = relativePath.split(separator: "/").map(String.init)
        guard let name = components.last, components.allSatisfy(Self.isPlainName) else {
            throw ImportFailure.destination("\"\(relativePath)\" is not a relative library path")
        }
        let (dirFD, dirPath) = try openDirectories(Array(components.dropLast()))
        defer { if dirFD != rootFD { close(dirFD) } }
        let target = dirPath + "/" + name
        if try existingIsSame(dirFD, name, source) { return Placed(path: target, size: source.file.size, mode: .kept) }
        try moveAsideExisting(dirFD, name, target)
        if preferLink, linkat(AT_FDCWD, source.absolutePath, dirFD, name, 0) == 0 {
            createdFiles.append(target)
            try verifyLinked(dirFD, name, source, target)
            return Placed(path: target, size: source.file.size, mode: .link)
        }
        try copy(source, into: dirFD, name: name, target: target)
        return Placed(path: target, size: source.file.size, mode: .copy)
    }

    /// Keeps everything placed: backups of replaced files go.
    public func commit() {
        for entry in replaced { unlink(entry.backup) }
        replaced = []
        finished = true
    }

    /// Removes every file and folder this placement created and restores what it replaced.
    public func rollback() {
        for file in createdFiles.reversed() { unlink(file) }
        for entry in replaced.reversed() { rename(entry.backup, entry.original) }
        for directory in createdDirectories.reversed() { rmdir(directory) }
        createdFiles = []
        replaced = []
        createdDirectories = []
        finished = true
    }

    // MARK: directories

    /// Opens (creating as needed) each folder below the root without following symlinks.
    private func openDirectories(_ components: [String]) throws -> (Int32, String) {
        var fd = rootFD
        var path = root
        for component in components {
            path += "/" + component
            if mkdirat(fd, component, 0o755) == 0 { createdDirectories.append(path) }
            else if errno != EEXIST { throw failure("cannot create the folder \(path)", errno: errno) }
            let next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let openErrno = errno
            if fd != rootFD { close(fd) }
            guard next >= 0 else { throw ImportFailure.destination("cannot open the folder \(path) (a symlink is refused): \(Self.errnoText(openErrno))") }
            fd = next
        }
        return (fd, path)
    }

    // MARK: an existing file at the destination

    private func existingIsSame(_ dirFD: Int32, _ name: String, _ source: ImportSource) throws -> Bool {
        var info = stat()
        guard fstatat(dirFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        if source.isSame(info) { return true }
        guard (info.st_mode & S_IFMT) == S_IFREG, Int64(info.st_size) == source.file.size else { return false }
        let existing = openat(dirFD, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard existing >= 0 else { return false }
        defer { close(existing) }
        let original = try source.open()
        defer { close(original) }
        return Self.sameBytes(existing, original)
    }

    /// A different file under the name is kept aside until commit (rollback puts it back).
    private func moveAsideExisting(_ dirFD: Int32, _ name: String, _ target: String) throws {
        var info = stat()
        guard fstatat(dirFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw ImportFailure.destination("\(target) is a folder") }
        let backup = ".lcars-replaced-\(getpid())-\(name)"
        guard renameat(dirFD, name, dirFD, backup) == 0 else { throw failure("cannot replace \(target)", errno: errno) }
        replaced.append((backup: (target as NSString).deletingLastPathComponent + "/" + backup, original: target))
    }

    private func verifyLinked(_ dirFD: Int32, _ name: String, _ source: ImportSource, _ target: String) throws {
        var info = stat()
        guard fstatat(dirFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0, source.isSame(info) else {
            throw ImportFailure.source("\(source.absolutePath) changed while it was being linked to \(target)")
        }
    }

    // MARK: copying

    /// Copies into a hidden temporary name, syncs, then renames: the final name only ever
    /// holds a complete file.
    private func copy(_ source: ImportSource, into dirFD: Int32, name: String, target: String) throws {
        let input = try source.open()
        defer { close(input) }
        let temporary = ".lcars-partial-\(getpid())-\(name)"
        let output = openat(dirFD, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw failure("cannot create \(target)", errno: errno) }
        let temporaryPath = (target as NSString).deletingLastPathComponent + "/" + temporary
        createdFiles.append(temporaryPath)
        do {
            try Self.copyBytes(from: input, to: output, size: source.file.size, target: target)
            guard fsync(output) == 0 else { throw failure("cannot write \(target)", errno: errno) }
        } catch {
            close(output)
            throw error
        }
        close(output)
        guard renameat(dirFD, temporary, dirFD, name) == 0 else { throw failure("cannot name \(target)", errno: errno) }
        createdFiles[createdFiles.count - 1] = target
    }

    static func copyBytes(from input: Int32, to output: Int32, size: Int64, target: String) throws {
        var left = size
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while left > 0 {
            let got = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw ImportFailure.source("the source of \(target) ended early or cannot be read") }
            var written = 0
            while written < got {
                let n = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, got - written) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw ImportFailure.destination("cannot write \(target): \(errnoText())") }
                written += n
            }
            left -= Int64(got)
        }
    }

    static func sameBytes(_ a: Int32, _ b: Int32) -> Bool {
        var bufferA = [UInt8](repeating: 0, count: 1 << 20)
        var bufferB = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = bufferA.withUnsafeMutableBytes { read(a, $0.baseAddress, $0.count) }
            guard n >= 0 else { return false }
            var m = 0
            while m < n {
                let got = bufferB.withUnsafeMutableBytes { read(b, $0.baseAddress! + m, n - m) }
                guard got > 0 else { return false }
                m += got
            }
            if n == 0 { return true }
            if bufferA[0..<n] != bufferB[0..<n] { return false }
        }
    }

    // MARK: helpers

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    private func failure(_ what: String, errno code: Int32) -> ImportFailure {
        .destination("\(what): \(Self.errnoText(code))")
    }

    static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}
