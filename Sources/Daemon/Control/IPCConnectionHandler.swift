import Foundation
import Logging
import NIOCore
import Core
import Control

/// Answers each request frame on one control connection. A frame that is not a valid request
/// gets an error response and the connection stays usable; a frame over the size limit cannot be
/// skipped safely, so it gets an error response and the connection is closed.
final class IPCConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let commands: IPCCommands
    let logger: Logger

    init(commands: IPCCommands, logger: Logger) {
        self.commands = commands
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let payload = unwrapInboundIn(data)
        let response: IPCResponse
        if let request = try? JSONDecoder().decode(IPCRequest.self, from: Data(payload.readableBytesView)) {
            response = commands.handle(request)
        } else {
            response = .failure(id: 0, code: "bad_request",
                                message: "a frame must hold a JSON request {v, id, cmd, args}; see docs/ipc.md")
        }
        write(response, context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let tooLarge = error as? IPCFrameDecoder.FrameTooLarge {
            write(.failure(id: 0, code: "frame_too_large", message: "frame of \(tooLarge.length) bytes; the limit is \(IPC.maxFrameBytes)"),
                  context: context)
        }
        logger.debug("control connection closed after an error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    private func write(_ response: IPCResponse, context: ChannelHandlerContext) {
        guard let data = try? JSONEncoder().encode(response) else { return }
        var buffer = context.channel.allocator.buffer(capacity: data.count + 4)
        buffer.writeInteger(UInt32(data.count))
        buffer.writeBytes(data)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }
}
