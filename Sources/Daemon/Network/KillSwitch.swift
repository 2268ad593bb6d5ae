import Foundation
import Core
import Control

/// Watches the VPN interface torrents are bound to. Torrent traffic may only flow while it is
/// usable; the download manager pauses the whole session the moment it is not, and never lets
/// libtorrent fall back to another route. An empty interface name means default routing.
struct KillSwitch: Sendable {
    enum Change: Equatable {
        case none
        case wentDown(reason: String)
        case cameUp
        case addressesChanged      // still up, but a re-bind is needed
    }

    let interface: String
    private(set) var last: InterfaceSnapshot
    /// Where the session's listen sockets are (from libtorrent's alerts).
    private(set) var listen = ListenBinding()
    private let read: @Sendable (String) -> InterfaceSnapshot

    init(interface: String, read: @escaping @Sendable (String) -> InterfaceSnapshot = InterfaceSnapshot.read) {
        self.interface = interface
        self.read = read
        last = interface.isEmpty ? InterfaceSnapshot(exists: true, up: true, running: true, addresses: ["*"]) : read(interface)
    }

    var enabled: Bool { !interface.isEmpty }
    var connected: Bool { last.isUsable }

    var state: VPNState {
        VPNState(enabled: enabled, interface: interface, connected: connected, addresses: enabled ? last.addresses : [],
                 bound: bound)
    }

    /// The session listens only on the interface's addresses (true with no interface: default routing).
    var bound: Bool { !enabled || listen.isBound(to: last.addresses) }

    /// Why the session is not bound to the interface (nil when it is, or with none configured).
    var bindingProblem: String? { enabled ? listen.problem(interface: interface, addresses: last.addresses) : nil }

    /// libtorrent opened a TCP listen socket on `address`.
    mutating func listening(on address: String) { listen.succeeded(address: address) }

    /// libtorrent could not open a listen socket.
    mutating func listenFailed(_ message: String) { listen.failed(message) }

    /// The session is being re-bound to the interface's current addresses.
    mutating func rebinding() { listen.rebinding(to: last.addresses) }

    /// Why torrents are held, for error messages and logs.
    var downReason: String {
        if !last.exists { return "VPN interface \(interface) does not exist" }
        if !last.up || !last.running { return "VPN interface \(interface) is down" }
        return "VPN interface \(interface) has no address"
    }

    /// Reads the interface again and says what changed since the last poll.
    mutating func poll() -> Change {
        guard enabled else { return .none }
        let now = read(interface)
        defer { last = now }
        switch (last.isUsable, now.isUsable) {
        case (true, false):
            last = now
            return .wentDown(reason: downReason)
        case (false, true): return .cameUp
        case (true, true) where now.addresses != last.addresses: return .addressesChanged
        default: return .none
        }
    }
}
