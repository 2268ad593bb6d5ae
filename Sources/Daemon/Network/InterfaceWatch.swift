import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the kernel says about one network interface right now (getifaddrs): whether it exists,
/// is administratively up and has carrier, and its addresses. Polled by the kill switch.
struct InterfaceSnapshot: Equatable, Sendable {
    var exists = false
    var up = false
    var running = false
    var addresses: [String] = []

    /// Usable for torrent traffic: up, with carrier, and with at least one address to bind to.
    var isUsable: Bool { exists && up && running && !addresses.isEmpty }

    static func read(_ name: String) -> InterfaceSnapshot {
        var snapshot = InterfaceSnapshot()
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { return snapshot }
        defer { freeifaddrs(first) }
        var cursor = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard String(cString: entry.pointee.ifa_name) == name else { continue }
            snapshot.exists = true
            let flags = Int32(bitPattern: entry.pointee.ifa_flags)
            snapshot.up = snapshot.up || flags & Int32(IFF_UP) != 0
            snapshot.running = snapshot.running || flags & Int32(IFF_RUNNING) != 0
            // Link-local IPv6 (fe80::) exists on every up link and reaches no tracker or peer.
            if let address = entry.pointee.ifa_addr, let text = numericHost(address), !text.lowercased().hasPrefix("fe80:") {
                snapshot.addresses.append(text)
            }
        }
        snapshot.addresses.sort()
        return snapshot
    }

    private static func numericHost(_ address: UnsafeMutablePointer<sockaddr>) -> String? {
        let family = Int32(address.pointee.sa_family)
        guard family == AF_INET || family == AF_INET6 else { return nil }
        let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { return nil }
        return String(cString: host)
    }
}
