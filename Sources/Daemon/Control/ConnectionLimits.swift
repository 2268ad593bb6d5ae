import NIOCore
import Synchronization

/// What one of lcarsd's sockets allows a client, so that nobody who may connect (the events
/// socket is 0666: every local user) can use up lcarsd's file descriptors: at most
/// `maxConnections` open at once, and a connection must have sent its request within
/// `requestTimeout` of opening (the control socket: of opening or of its last answer).
struct ConnectionLimits: Sendable {
    var maxConnections: Int
    var requestTimeout: TimeAmount

    /// Far more than nginx (one per open browser tab) or the responder pool ever hold at once, far
    /// fewer than the descriptors lcarsd has (LimitNOFILE in systemd/lcarsd.service; `serve`
    /// raises its soft limit to the hard one).
    static let standard = ConnectionLimits(maxConnections: 512, requestTimeout: .seconds(10))
}

/// Counts a server's open connections. A connection over the cap is turned away as soon as it
/// is accepted (its descriptor is closed at once), so the count never exceeds the cap for long.
final class ConnectionGate: Sendable {
    let limits: ConnectionLimits
    private let open = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)

    init(_ limits: ConnectionLimits) { self.limits = limits }

    var count: Int { open.load(ordering: .relaxed) }

    /// True: `channel` is counted until it closes. False: over the cap; the caller closes it.
    func admit(_ channel: Channel) -> Bool {
        guard open.add(1, ordering: .relaxed).newValue <= limits.maxConnections else {
            open.subtract(1, ordering: .relaxed)
            refused.add(1, ordering: .relaxed)
            return false
        }
        channel.closeFuture.whenComplete { _ in self.open.subtract(1, ordering: .relaxed) }
        return true
    }

    /// Whether to log the latest refusal: the 1st, 2nd, 4th, 8th… so a flood cannot flood the log.
    var refusalWorthLogging: (Bool, total: Int) {
        let total = refused.load(ordering: .relaxed)
        return (total > 0 && total & (total - 1) == 0, total)
    }
}

/// A timer that closes a channel unless it is cancelled in time: the request deadline of a
/// connection. Touched only on the channel's event loop.
struct CloseTimer {
    private var scheduled: Scheduled<Void>?

    /// (Re)starts the countdown.
    mutating func arm(_ channel: Channel, after timeout: TimeAmount) {
        scheduled?.cancel()
        scheduled = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    mutating func cancel() {
        scheduled?.cancel()
        scheduled = nil
    }
}
