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
/// A connection that sends no complete request within `requestTimeout` while none of its requests
/// is being answered (just opened, half a frame sent, or idle) is closed: it only holds a descriptor.
final class ControlConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let commands: ControlCommands
    let logger: Logger
    let requestTimeout: TimeAmount
    /// The last answer written (or queued to be) on this connection; touched only on its event loop.
    private var lastWrite: EventLoopFuture<Void>?
    /// Requests read and not yet answered, and the idle timer that runs while there are none.
    private var pending = 0
    private var idleTimer = CloseTimer()

    init(commands: ControlCommands, logger: Logger, requestTimeout: TimeAmount = ConnectionLimits.standard.requestTimeout) {
        self.commands = commands
        self.logger = logger
        self.requestTimeout = requestTimeout
    }

    func channelActive(context: ChannelHandlerContext) {
        idleTimer.arm(context.channel, after: requestTimeout)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleTimer.cancel()
        context.fireChannelInactive()
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
        let written = previous.flatMap { answer }.map { Self.write($0, to: channel) }
        lastWrite = written
        pending += 1
        idleTimer.cancel()
        written.assumeIsolated().whenComplete { _ in self.answered(channel) }
    }

    /// The last outstanding answer is out: the connection has `requestTimeout` to send another.
    private func answered(_ channel: Channel) {
        pending -= 1
        if pending == 0 && channel.isActive { idleTimer.arm(channel, after: requestTimeout) }
    }

    private static func write(_ response: ControlResponse, to channel: Channel) {
        guard let data = try? JSONEncoder().encode(response) else { return }
        var buffer = channel.allocator.buffer(capacity: data.count + 4)
        buffer.writeInteger(UInt32(data.count))
        buffer.writeBytes(data)
        channel.writeAndFlush(buffer, promise: nil)
    }
}
