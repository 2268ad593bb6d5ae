/// Where libtorrent's TCP listen sockets really are, from its listen alerts, checked against the
/// VPN interface they must be bound to. Binding to a device can fail quietly in effect (no
/// CAP_NET_RAW for SO_BINDTODEVICE, a device without addresses, a port in use): the kill switch
/// would then guard a session that listens nowhere, or elsewhere. `status` reports `vpn.bound`.
struct ListenBinding: Equatable, Sendable {
    /// Addresses with a listen socket since the session started.
    private(set) var listening: Set<String> = []
    /// Why listening failed since the last (re)bind.
    private(set) var failures: [String] = []

    mutating func succeeded(address: String) { listening.insert(address) }

    /// A failed IPv6 link-local listen is not counted: such an address is tentative for a moment after
    /// the interface comes up (duplicate address detection, "Cannot assign requested address"),
    /// and it is the interface's own, never a route out.
    mutating func failed(_ message: String) {
        if Self.isLinkLocalFailure(message) { return }
        failures.append(message)
    }

    /// libtorrent's listen_failed message starts "listening on [fe80::…%dev]:port (device: …) failed".
    static func isLinkLocalFailure(_ message: String) -> Bool {
        message.lowercased().hasPrefix("listening on [fe80:")
    }

    /// A re-bind to `addresses`: sockets on other addresses are closed by it, failures start over.
    /// (Sockets on addresses that stay are kept by libtorrent and not announced again.)
    mutating func rebinding(to addresses: [String]) {
        listening = listening.filter { Self.on($0, addresses) }
        failures = []
    }

    /// Listening, only on `addresses` (the interface's), and nothing failed.
    func isBound(to addresses: [String]) -> Bool { problem(interface: "", addresses: addresses) == nil }

    /// Why the session is not bound to the interface, for the log; nil when it is.
    func problem(interface: String, addresses: [String]) -> String? {
        if let failure = failures.last { return "a torrent listen socket on \(interface) failed: \(failure)" }
        if listening.isEmpty { return "the torrent session has no listen socket on \(interface)" }
        let elsewhere = listening.filter { !Self.on($0, addresses) }.sorted()
        if !elsewhere.isEmpty {
            return "the torrent session listens on \(elsewhere.joined(separator: ", ")), not an address of \(interface) (\(addresses.joined(separator: ", ")))"
        }
        return nil
    }

    /// An interface's link-local IPv6 addresses are left out of its snapshot, but are its own.
    private static func on(_ address: String, _ addresses: [String]) -> Bool {
        addresses.contains(address) || address.lowercased().hasPrefix("fe80:")
    }
}
