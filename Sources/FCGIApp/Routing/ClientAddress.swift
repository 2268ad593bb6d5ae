import Foundation
import Config

/// The address a request came from, as the login limiter counts it.
///
/// It is REMOTE_ADDR — nginx's `$remote_addr`, the peer of nginx's own connection — unless that
/// peer is one of `server.trusted_proxies`; then it is the right-most X-Forwarded-For entry that
/// is not a trusted proxy. Entries left of that were written by the client and prove nothing, so
/// a client cannot pick its own address (and escape the address limit) by sending the header.
enum ClientAddress {
    /// More hops than any real chain of proxies; a longer header is not read further.
    static let maxHops = 16

    static func resolve(remoteAddress: String, forwardedFor: String?, trusted: [IPNetwork]) -> String {
        guard let header = forwardedFor, isTrusted(remoteAddress, trusted) else { return remoteAddress }
        var client = remoteAddress
        for entry in header.split(separator: ",").reversed().prefix(maxHops) {
            // Not an address: whoever wrote it is not a proxy we trust; stop at the last trusted hop.
            guard let address = IPAddress(entry.trimmingCharacters(in: .whitespaces)) else { break }
            client = address.description
            if !trusted.contains(where: { $0.contains(address) }) { break }
        }
        return client
    }

    static func isTrusted(_ text: String, _ trusted: [IPNetwork]) -> Bool {
        guard let address = IPAddress(text) else { return false }
        return trusted.contains { $0.contains(address) }
    }
}
