import CTorrent

extension EngineSettings {
    /// Lends a `ct_settings` view of these settings; the C strings live only inside `body`.
    func withCSettings<R>(_ body: (UnsafePointer<ct_settings>) -> R) -> R {
        withOptionalCString(listenAddress) { address in
            withOptionalCString(bindInterface) { interface in
                userAgent.withCString { agent in
                    var settings = ct_settings(
                        listen_port_first: Int32(listenPortRange.lowerBound),
                        listen_port_last: Int32(listenPortRange.upperBound),
                        listen_address: address,
                        bind_interface: interface,
                        max_connections: Int32(clamping: maxConnections),
                        download_rate_limit: Int32(clamping: downloadRateLimit),
                        upload_rate_limit: Int32(clamping: uploadRateLimit),
                        rate_limit_local_peers: rateLimitLocalPeers ? 1 : 0,
                        enable_dht: enableDHT ? 1 : 0,
                        enable_lsd: enableLSD ? 1 : 0,
                        enable_upnp: enableUPnP ? 1 : 0,
                        enable_natpmp: enableNATPMP ? 1 : 0,
                        enable_pex: enablePEX ? 1 : 0,
                        enable_utp: enableUTP ? 1 : 0,
                        user_agent: agent
                    )
                    return body(&settings)
                }
            }
        }
    }
}

/// `withCString` for an optional string: nil (and "") reach C as NULL.
func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let text, !text.isEmpty else { return body(nil) }
    return text.withCString { body($0) }
}
