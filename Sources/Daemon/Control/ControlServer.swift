import Foundation
import Logging
import NIOCore
import NIOPosix
import Core
import Control

/// The control socket: a Unix stream socket (mode 0660) served by SwiftNIO. Its event loops
/// accept, frame and write; the commands run on their owners' queues (ControlConnectionHandler),
/// so a slow command or a misbehaving client never holds up the others. See docs/concurrency.md.
struct ControlServer {
    let channel: Channel
    let path: String

    struct TooManyConnections: Error { let limit: Int }

    struct AlreadyRunning: Error, CustomStringConvertible {
        let path: String
        var description: String { "another lcarsd answers on \(path); stop it first or set daemon.socket" }
    }

    /// Checked before lcarsd touches anything else: a second daemon must not open the torrent
    /// session or write a single row while the first one runs.
    static func refuseIfRunning(path: String) throws {
        let probe = ControlClient(socketPath: path, timeout: 1)
        if (try? probe.call("ping")) != nil { throw AlreadyRunning(path: path) }
    }

    /// `limits`: a connection over the cap is closed at once; one that sends no request in time
    /// is closed (see ControlConnectionHandler).
    static func start(path: String, commands: ControlCommands, logger: Logger, limits: ConnectionLimits = .standard,
                      group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> ControlServer {
        try refuseIfRunning(path: path)
        let gate = ConnectionGate(limits)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .childChannelInitializer { channel in
                guard gate.admit(channel) else {
                    if case (true, let total) = gate.refusalWorthLogging {
                        logger.warning("control socket: connection limit reached, closing new connections",
                                       metadata: ["limit": "\(limits.maxConnections)", "refused": "\(total)"])
                    }
                    // NIO closes a child whose set-up fails, before it is registered with the loop.
                    return channel.eventLoop.makeFailedFuture(TooManyConnections(limit: limits.maxConnections))
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ControlFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(
                        ControlConnectionHandler(commands: commands, logger: logger, requestTimeout: limits.requestTimeout))
                }
            }
        let channel = try await UnixServerSocket.bind(bootstrap, path: path, mode: 0o660)
        return ControlServer(channel: channel, path: path)
    }

    func close() async {
        try? await channel.close()
        unlink(path)
    }
}
