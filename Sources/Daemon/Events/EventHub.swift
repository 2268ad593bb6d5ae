import Foundation
import NIOCore
import NIOHTTP1

/// Fans live events out to the connected event-stream clients. Publishing never waits for a
/// client: each write is handed to the client's event loop, and a client whose socket buffer is
/// full (slow or gone) is disconnected instead of being buffered for without bound.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [ObjectIdentifier: Channel] = [:]
    /// The latest system:status, sent to every new client first.
    private var lastSystem: LiveEvent?

    var clientCount: Int { lock.withLock { clients.count } }

    func subscribe(_ channel: Channel) {
        let first = lock.withLock { () -> LiveEvent? in
            clients[ObjectIdentifier(channel)] = channel
            return lastSystem
        }
        if let first { send(first.sseFrame, to: channel) }
    }

    func unsubscribe(_ channel: Channel) {
        _ = lock.withLock { clients.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func publish(_ event: LiveEvent) {
        let targets = lock.withLock { () -> [Channel] in
            if event.name == "system:status" { lastSystem = event }
            return Array(clients.values)
        }
        let frame = event.sseFrame
        for channel in targets { send(frame, to: channel) }
    }

    /// A comment line keeps proxies from timing the stream out and detects vanished clients.
    func heartbeat() {
        let targets = lock.withLock { Array(clients.values) }
        for channel in targets { send(Data(": keep-alive\n\n".utf8), to: channel) }
    }

    private func send(_ frame: Data, to channel: Channel) {
        channel.eventLoop.execute {
            guard channel.isActive else { return }
            guard channel.isWritable else {
                // Over the high-water mark: this client cannot keep up. Drop it; it reconnects.
                channel.close(promise: nil)
                return
            }
            var buffer = channel.allocator.buffer(capacity: frame.count)
            buffer.writeBytes(frame)
            channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
        }
    }
}
