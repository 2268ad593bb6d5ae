import Foundation
import NIOCore
import NIOPosix

/// What both of lcarsd's servers (control and events) do with their Unix socket: make its
/// directory, bind (replacing a stale socket file), and set the mode that says who may connect.
enum UnixServerSocket {
    static func bind(_ bootstrap: ServerBootstrap, path: String, mode: mode_t) async throws -> Channel {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let channel = try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get()
        chmod(path, mode)
        return channel
    }
}
