@testable import Config
import Testing

/// `server.trusted_proxies`: addresses and CIDR ranges, parsed and checked at load.
@Suite struct TrustedProxiesTests {
    static let secret = #"jwt_secret = "0123456789abcdef0123456789abcdef""#

    func parse(_ extra: String = "", env: [String: String] = [:]) throws -> LCARSConfig {
        try ConfigLoader.parse("[server]\n\(Self.secret)\n\(extra)", file: "test.toml", environment: env)
    }

    @Test func rangesMatchTheirAddressesOnly() throws {
        let net = try #require(IPNetwork("10.1.0.0/16"))
        #expect(net.contains(IPAddress("10.1.255.3")!) && !net.contains(IPAddress("10.2.0.1")!))
        #expect(IPNetwork("192.168.1.0/25")!.contains(IPAddress("192.168.1.127")!))
        #expect(!IPNetwork("192.168.1.0/25")!.contains(IPAddress("192.168.1.128")!))
        #expect(IPNetwork("fd00::/8")!.contains(IPAddress("fd12:3456::1")!))
        #expect(!IPNetwork("fd00::/8")!.contains(IPAddress("10.0.0.1")!))
        #expect(IPNetwork("0.0.0.0/0")!.contains(IPAddress("203.0.113.9")!))
        // A dual-stack socket's spelling of an IPv4 peer is that IPv4 address.
        #expect(IPNetwork("127.0.0.0/8")!.contains(IPAddress("::ffff:127.0.0.1")!))
        #expect(IPAddress("::ffff:127.0.0.1")?.description == "127.0.0.1")
        #expect(IPAddress("2001:0db8:0000::0001")?.description == "2001:db8::1")
        for bad in ["", "10.0.0.0/33", "::1/129", "10.0.0/8", "example.org", "10.0.0.1/", "10.0.0.1/x", "1.2.3.4:80"] {
            #expect(IPNetwork(bad) == nil, "\(bad)")
        }
    }

    @Test func theDefaultIsThisMachineAndTheKeyTakesRangesOrNothing() throws {
        #expect(try parse().server.trustedProxies == IPNetwork.loopback)
        let config = try parse(#"trusted_proxies = ["10.0.0.0/8", "::1", "192.0.2.7"]"#)
        #expect(config.server.trustedProxies.map(\.description) == ["10.0.0.0/8", "::1/128", "192.0.2.7/32"])
        #expect(try parse("trusted_proxies = []").server.trustedProxies.isEmpty)
        #expect(try parse(env: ["LCARS_SERVER__TRUSTED_PROXIES": ""]).server.trustedProxies.isEmpty)
        #expect(try parse(env: ["LCARS_SERVER__TRUSTED_PROXIES": "10.0.0.1, fd00::/8"]).server.trustedProxies.count == 2)
        do {
            _ = try parse(#"trusted_proxies = ["10.0.0.0/8", "proxy.lan"]"#)
            Issue.record("a host name is not an address")
        } catch let error as ConfigError {
            #expect(error.key == "server.trusted_proxies")
            #expect(error.problem.contains("IP addresses or CIDR ranges"))
        }
    }

    /// The old per-name lock's key still loads (ignored), so an existing config starts.
    @Test func theRetiredPerNameLimitIsAcceptedAndTheDelayHasItsDefaults() throws {
        let auth = try ConfigLoader.parse("[server]\n\(Self.secret)\n[auth]\nmax_failures_per_user = 5\n", file: "t.toml", environment: [:]).auth
        #expect(auth.delayAfterFailures == 3 && auth.maxDelaySeconds == 30 && auth.maxFailuresPerAddress == 20)
    }
}
