/// How the torrent session listens, connects and limits itself. Defaults suit a NAS behind a VPN
/// that the daemon's configuration fills in; tests use loopback with discovery off.
public struct EngineSettings: Sendable, Equatable {
    /// Ports tried in order until one binds; `0...0` lets the OS pick (tests).
    public var listenPortRange: ClosedRange<Int> = 6881...6889
    /// Address to listen on, e.g. "127.0.0.1" for tests; nil = all addresses. Ignored when
    /// `bindInterface` is set.
    public var listenAddress: String? = nil
    /// Device name like "wg0": listening AND outgoing peer connections only through it, with no
    /// fallback to other routes when it is down. nil = default routing.
    public var bindInterface: String? = nil
    public var maxConnections: Int = 100
    /// Bytes per second, 0 = unlimited.
    public var downloadRateLimit: Int = 0
    public var uploadRateLimit: Int = 0
    /// libtorrent exempts LAN and loopback peers from rate limits; true applies them to every peer.
    public var rateLimitLocalPeers: Bool = false
    public var enableDHT = false
    public var enableLSD = false
    public var enableUPnP = false
    public var enableNATPMP = false
    public var enablePEX = true
    public var enableUTP = true
    public var userAgent: String = "LCARS"

    public init(
        listenPortRange: ClosedRange<Int> = 6881...6889,
        listenAddress: String? = nil,
        bindInterface: String? = nil,
        maxConnections: Int = 100,
        downloadRateLimit: Int = 0,
        uploadRateLimit: Int = 0,
        rateLimitLocalPeers: Bool = false,
        enableDHT: Bool = false,
        enableLSD: Bool = false,
        enableUPnP: Bool = false,
        enableNATPMP: Bool = false,
        enablePEX: Bool = true,
        enableUTP: Bool = true,
        userAgent: String = "LCARS"
    ) {
        self.listenPortRange = listenPortRange
        self.listenAddress = listenAddress
        self.bindInterface = bindInterface
        self.maxConnections = maxConnections
        self.downloadRateLimit = downloadRateLimit
        self.uploadRateLimit = uploadRateLimit
        self.rateLimitLocalPeers = rateLimitLocalPeers
        self.enableDHT = enableDHT
        self.enableLSD = enableLSD
        self.enableUPnP = enableUPnP
        self.enableNATPMP = enableNATPMP
        self.enablePEX = enablePEX
        self.enableUTP = enableUTP
        self.userAgent = userAgent
    }

    /// Throws `EngineError.invalidSettings` naming the first value libtorrent could not use.
    public func validate() throws(EngineError) {
        guard listenPortRange.lowerBound >= 0, listenPortRange.upperBound <= 65535 else {
            throw .invalidSettings("listen port range \(listenPortRange) is outside 0...65535")
        }
        guard maxConnections >= 2 else {
            throw .invalidSettings("max connections \(maxConnections) is below 2")
        }
        guard downloadRateLimit >= 0, uploadRateLimit >= 0,
              downloadRateLimit <= Int(Int32.max), uploadRateLimit <= Int(Int32.max) else {
            throw .invalidSettings("rate limits (\(downloadRateLimit), \(uploadRateLimit)) must be 0...\(Int32.max) bytes/s")
        }
    }
}
