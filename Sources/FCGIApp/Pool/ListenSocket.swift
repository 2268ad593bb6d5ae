import CFastCGI
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Core
import Control

/// Where the pool accepts connections: fd 3 handed over by systemd socket activation
/// (LISTEN_PID/LISTEN_FDS), or a Unix socket path that the pool creates itself.
struct ListenSocket {
    let fd: Int32
    /// The path to unlink at exit; nil when systemd owns the socket.
    let ownedPath: String?

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let systemdFirstFD: Int32 = 3

    static func obtain(path: String, environment: [String: String]) throws -> ListenSocket {
        if let pid = environment["LISTEN_PID"], Int32(pid) == getpid(),
           let count = Int(environment["LISTEN_FDS"] ?? ""), count >= 1 {
            return ListenSocket(fd: systemdFirstFD, ownedPath: nil)
        }
        return try create(path: path)
    }

    static func create(path: String) throws -> ListenSocket {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        if FileManager.default.fileExists(atPath: path) {
            // A socket someone still answers on belongs to a running pool: do not steal it.
            if UnixSocket.answers(path: path) {
                throw Failure(description: "\(path) is in use by another lcars-fcgi; stop it or set fcgi.socket")
            }
            unlink(path)
        }
        let fd = FCGX_OpenSocket(path, 128)
        guard fd >= 0 else { throw Failure(description: "cannot listen on \(path): \(String(cString: strerror(errno)))") }
        // Owner and group (the web server's group under systemd) may connect; nobody else.
        chmod(path, 0o660)
        return ListenSocket(fd: fd, ownedPath: path)
    }
}
