import Foundation
import Logging
import Testing
@testable import Daemon
@testable import Config
@testable import Control
@testable import Persistence

/// Whether binding the torrent session to `torrent.bind_interface` took effect (issue 11, 9b):
/// judged from libtorrent's listen alerts against the interface's addresses, and reported as
/// `vpn.bound` in `status`.
@Suite struct ListenBindingTests {
    static let wg0 = InterfaceSnapshot(exists: true, up: true, running: true, addresses: ["10.8.0.2"])

    @Test func boundOnlyWhenListeningOnTheInterfacesAddressesWithoutFailures() {
        var vpn = KillSwitch(interface: "wg0", read: { _ in Self.wg0 })
        #expect(vpn.state.bound == false && vpn.bindingProblem?.contains("no listen socket on wg0") == true)
        vpn.listening(on: "10.8.0.2")
        #expect(vpn.state.bound == true && vpn.bindingProblem == nil)
        vpn.listening(on: "0.0.0.0")
        #expect(vpn.state.bound == false && vpn.bindingProblem?.contains("listens on 0.0.0.0, not an address of wg0") == true)
        vpn.rebinding()   // the re-bind closes the socket that was not on the interface
        #expect(vpn.state.bound == true)
        vpn.listenFailed("listening on [fe80::30ff:fff:fe36:678b%wg0]:59245 (device: wg0) failed: [sock_bind] [TCP] Cannot assign requested address")
        #expect(vpn.state.bound == true, "a tentative link-local address is no binding problem")
        vpn.listenFailed("Operation not permitted (bind to device)")
        #expect(vpn.state.bound == false && vpn.bindingProblem?.contains("Operation not permitted") == true)
    }

    @Test func withNoInterfaceConfiguredTheSessionCountsAsBound() {
        let open = KillSwitch(interface: "")
        #expect(open.state.bound == true && open.bindingProblem == nil)
    }

    @Test func anOlderDaemonsStatusWithoutBoundDecodes() throws {
        let old = Data(#"{"enabled": true, "interface": "wg0", "connected": true, "addresses": ["10.8.0.2"]}"#.utf8)
        #expect(try JSONDecoder().decode(VPNState.self, from: old).bound == false)
    }

    /// A real loopback-only session bound to the `lo` device: its listen alerts show it bound.
    @Test func aSessionBoundToLoopbackReportsBound() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lcarsd-bind-\(UUID().uuidString.prefix(8))").path
        let port = Int.random(in: 48100...52000)
        let config = try ConfigLoader.parse("""
            [server]
            jwt_secret = "0123456789abcdef0123456789abcdef"
            data_dir = "\(dir)"
            [torrent]
            bind_interface = "lo"
            port_range = [\(port), \(port + 20)]
            enable_dht = false
            enable_pex = false
            enable_utp = false
            """, file: "test.toml")
        let manager = try DownloadManager(config: config.torrent, store: try makeDownloadsDatabase().downloads, hub: EventHub(), logger: Logger(label: "test"))
        try manager.start()
        defer { manager.stop(timeout: 1) }
        // The listen alerts arrive through the alert loop; wait for them (bounded), then judge.
        for _ in 0..<100 where !manager.systemNow().vpn.bound { Thread.sleep(forTimeInterval: 0.1) }
        let vpn = manager.systemNow().vpn
        #expect(vpn.enabled && vpn.interface == "lo" && vpn.bound)
    }
}
