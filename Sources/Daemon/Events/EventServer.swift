import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Core
import Auth
import Config
import Persistence

/// Serves GET /api/events as Server-Sent Events on a Unix socket that nginx forwards to, so an
/// open browser tab holds a cheap NIO channel here instead of a responder worker. Callers
/// authenticate as the API does: a one-use ticket from POST /api/events/ticket in the query
/// (what EventSource can send) or an `Authorization: Bearer` login token.
struct EventServer {
    let channel: Channel
    let path: String

    /// The socket is open to every local user: `limits` caps the connections and closes one whose
    /// request has not arrived in time (a half-sent request must not hold a descriptor forever).
    static func start(path: String, hub: EventHub, authorizer: EventAuthorizer, logger: Logger,
                      limits: ConnectionLimits = .standard,
                      group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> EventServer {
        let gate = ConnectionGate(limits)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 128)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 32 * 1024, high: 256 * 1024))
            .childChannelInitializer { channel in
                guard gate.admit(channel) else {
                    if case (true, let total) = gate.refusalWorthLogging {
                        logger.warning("events socket: connection limit reached, turning connections away",
                                       metadata: ["limit": "\(limits.maxConnections)", "refused": "\(total)"])
                    }
                    return channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(TurnAwayHandler()) }
                }
                return channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(
                        EventStreamHandler(hub: hub, authorizer: authorizer, logger: logger, requestTimeout: limits.requestTimeout))
                }
            }
        // nginx (www-data) must reach it; every stream still needs a valid ticket or token.
        let channel = try await UnixServerSocket.bind(bootstrap, path: path, mode: 0o666)
        return EventServer(channel: channel, path: path)
    }

    func close() async {
        try? await channel.close()
        unlink(path)
    }
}

/// Decides who may open the stream: redeems tickets and checks login tokens against the database.
/// SQLite calls block (a busy database waits up to its timeout), so they run on NIO's blocking
/// thread pool, never on an event loop that serves every other open stream.
struct EventAuthorizer: Sendable {
    let tickets: EventTickets
    let sessions: Sessions
    let blockingPool: NIOThreadPool

    init(database: AppDatabase, config: LCARSConfig, blockingPool: NIOThreadPool = .singleton) {
        tickets = EventTickets(database.eventTickets)
        sessions = Sessions(database, config: config)
        self.blockingPool = blockingPool
    }

    /// The caller's user id, delivered on `eventLoop`; nil when neither credential is valid.
    func userID(ticket: String?, bearer: String?, on eventLoop: EventLoop) -> EventLoopFuture<Int64?> {
        blockingPool.runIfActive(eventLoop: eventLoop) { userID(ticket: ticket, bearer: bearer) }
    }

    /// Blocking: call it off the event loops.
    func userID(ticket: String?, bearer: String?) -> Int64? {
        do {
            if let ticket, !ticket.isEmpty { return try tickets.redeem(ticket) }
            if let bearer, !bearer.isEmpty { return try sessions.authenticate(token: bearer)?.id }
        } catch {
            return nil
        }
        return nil
    }
}

/// One stream connection: checks the request, answers the event-stream head, then hands the
/// channel to the hub. Anything else gets a JSON error like the API's and the connection closes.
final class EventStreamHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let hub: EventHub
    private let authorizer: EventAuthorizer
    private let logger: Logger
    private var head: HTTPRequestHead?
    /// Set once the request is complete: the credentials are being checked off the loop.
    private var authorizing = false
    private var streaming = false
    /// How long the whole request may take to arrive; the connection closes when it runs out.
    private let requestTimeout: TimeAmount
    private var requestTimer = CloseTimer()

    init(hub: EventHub, authorizer: EventAuthorizer, logger: Logger, requestTimeout: TimeAmount = ConnectionLimits.standard.requestTimeout) {
        self.hub = hub
        self.authorizer = authorizer
        self.logger = logger
        self.requestTimeout = requestTimeout
    }

    func channelActive(context: ChannelHandlerContext) {
        requestTimer.arm(context.channel, after: requestTimeout)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead): head = requestHead
        case .body: break
        case .end:
            // The request is in: from here the answer (or the stream's keep-alives) decide.
            requestTimer.cancel()
            guard let head, !authorizing, !streaming else { return }
            respond(to: head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        requestTimer.cancel()
        if streaming { hub.unsubscribe(context.channel) }
        context.fireChannelInactive()
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let components = URLComponents(string: head.uri)
        guard components?.path == "/api/events" else {
            return fail(context, status: .notFound, code: "not_found", message: "this socket serves GET /api/events only")
        }
        guard head.method == .GET else {
            return fail(context, status: .methodNotAllowed, code: "method_not_allowed", message: "use GET /api/events")
        }
        let ticket = components?.queryItems?.first(where: { $0.name == "ticket" })?.value
        let bearer = head.headers.first(name: "authorization").flatMap { value -> String? in
            value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)) : nil
        }
        authorizing = true
        // Back on this channel's event loop once the database has answered.
        authorizer.userID(ticket: ticket, bearer: bearer, on: context.eventLoop).assumeIsolated().whenComplete { result in
            self.authorized(try? result.get(), head: head, context: context)
        }
    }

    private func authorized(_ userID: Int64?, head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }   // the client left while we checked
        guard userID != nil else {
            return fail(context, status: .unauthorized, code: "unauthorized",
                        message: "get a ticket from POST /api/events/ticket and open /api/events?ticket=<ticket> within 60 s")
        }
        streaming = true
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/event-stream; charset=utf-8")
        headers.add(name: "Cache-Control", value: "no-cache")
        headers.add(name: "X-Accel-Buffering", value: "no")
        // The head goes out at once (flushed), so nginx can answer the browser before any event.
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
        var hello = context.channel.allocator.buffer(capacity: 16)
        hello.writeString("retry: 3000\n\n")
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(hello))), promise: nil)
        hub.subscribe(context.channel)
    }

    private func fail(_ context: ChannelHandlerContext, status: HTTPResponseStatus, code: String, message: String) {
        let body = (try? JSONEncoder().encode(["error": ["code": code, "message": message]])) ?? Data()
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: "close")
        if status == .unauthorized { headers.add(name: "WWW-Authenticate", value: "Bearer") }
        if status == .methodNotAllowed { headers.add(name: "Allow", value: "GET") }   // a 405 names what is allowed
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}

/// Answers a connection over the cap with 503 and closes it, without reading its request.
final class TurnAwayHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let answer: String = {
        let body = #"{"error":{"code":"unavailable","message":"lcarsd serves too many event streams right now; try again later"}}"#
        return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Retry-After: 10\r\nConnection: close\r\n\r\n" + body
    }()

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(string: Self.answer))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
