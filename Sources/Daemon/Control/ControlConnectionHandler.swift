import Foundation
import Logging
import NIOCore
import Core
import Control

/// Hands each request frame on one control connection to the command table and writes the
/// answer when it comes. The event loop only moves bytes: the command runs elsewhere (its
/// owner's queue), so a slow command never holds up another connection on this loop.
/// Answers go out in request order even when a later command finishes first (docs/ipc.md).
/// A frame over the size limit cannot be skipped safely: it is answered, then the connection closes.
final class ControlConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let commands: ControlCommands
    let logger: Logger
    /// The last answer written (or queued to be) on this connection; touched only on its event loop.
    private var lastWrite: EventLoopFuture<Void>?

    init(commands: ControlCommands, logger: Logger) {
        self.commands = commands
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let payload = Data(unwrapInboundIn(data).readableBytesView)
        let promise = context.eventLoop.makePromise(of: ControlResponse.self)
        commands.answer(frame: payload) { promise.succeed($0) }
        enqueue(promise.futureResult, context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let tooLarge = error as? ControlFrameDecoder.FrameTooLarge {
            let body = ControlErrorBody(.frameTooLarge, "frame of \(tooLarge.length) bytes; the limit is \(ControlProtocol.maxFrameBytes)")
            enqueue(context.eventLoop.makeSucceededFuture(.failure(id: 0, body)), context: context)
        }
        logger.debug("control connection closed after an error", metadata: ["error": "\(error)"])
        let channel = context.channel
        (lastWrite ?? context.eventLoop.makeSucceededVoidFuture()).whenComplete { _ in channel.close(promise: nil) }
    }

    /// Writes `answer` after every answer before it.
    private func enqueue(_ answer: EventLoopFuture<ControlResponse>, context: ChannelHandlerContext) {
        let channel = context.channel
        let previous = lastWrite ?? context.eventLoop.makeSucceededVoidFuture()
        lastWrite = previous.flatMap { answer }.map { Self.write($0, to: channel) }
    }

    private static func write(_ response: ControlResponse, to channel: Channel) {
        guard let data = try? JSONEncoder().encode(response) else { return }
        var buffer = channel.allocator.buffer(capacity: data.count + 4)
        buffer.writeInteger(UInt32(data.count))
        buffer.writeBytes(data)
        channel.writeAndFlush(buffer, promise: nil)
    }
}
