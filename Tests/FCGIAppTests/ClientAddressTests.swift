import Testing
@testable import Config
@testable import FCGIApp

/// Which address the login limiter counts: REMOTE_ADDR, or behind trusted proxies the right-most
/// X-Forwarded-For entry that is not one of them.
@Suite struct ClientAddressTests {
    let proxies = [IPNetwork("127.0.0.0/8")!, IPNetwork("10.0.0.0/8")!, IPNetwork("::1")!]

    func resolve(_ remote: String, _ header: String?) -> String {
        ClientAddress.resolve(remoteAddress: remote, forwardedFor: header, trusted: proxies)
    }

    @Test func anUntrustedPeerIsTheClientWhateverItClaims() {
        #expect(resolve("203.0.113.5", "10.0.0.1") == "203.0.113.5")
        #expect(resolve("203.0.113.5", nil) == "203.0.113.5")
        #expect(ClientAddress.resolve(remoteAddress: "127.0.0.1", forwardedFor: "203.0.113.5", trusted: []) == "127.0.0.1")
    }

    @Test func behindTrustedProxiesTheRightMostUntrustedEntryIsTheClient() {
        #expect(resolve("127.0.0.1", "203.0.113.5") == "203.0.113.5")
        // The client wrote "1.1.1.1" itself; the proxies appended the rest.
        #expect(resolve("127.0.0.1", "1.1.1.1, 203.0.113.5, 10.0.0.7") == "203.0.113.5")
        #expect(resolve("::1", " 2001:db8::7 ") == "2001:db8::7")
        #expect(resolve("127.0.0.1", "::ffff:198.51.100.4") == "198.51.100.4")
        // Only trusted hops: the farthest one is all that is known.
        #expect(resolve("127.0.0.1", "10.0.0.9, 10.0.0.7") == "10.0.0.9")
        #expect(resolve("127.0.0.1", nil) == "127.0.0.1")
    }

    /// Something that is not an address was not written by a proxy we trust: the last trusted hop
    /// counts, and no client-chosen text ever becomes a limiter key.
    @Test func garbageStopsAtTheLastTrustedHop() {
        #expect(resolve("127.0.0.1", "x" + String(repeating: "y", count: 5000)) == "127.0.0.1")
        #expect(resolve("127.0.0.1", "203.0.113.5, unknown, 10.0.0.7") == "10.0.0.7")
        #expect(resolve("127.0.0.1", "") == "127.0.0.1")
    }
}
