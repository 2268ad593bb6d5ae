/// Maps each TOML section onto its `LCARSConfig` struct, with the defaults a fresh install uses.
/// Paths default to places under `server.data_dir`, so moving the data dir moves everything.
enum ConfigSections {
    static let names: Set<String> = ["server", "auth", "fcgi", "daemon", "database", "tmdb",
                                     "musicbrainz", "http", "indexers", "torrent", "storage", "scheduler"]

    static func read(_ r: ConfigReader, file: String) throws -> LCARSConfig {
        let server = try readServer(r)
        let data = server.dataDir
        return LCARSConfig(
            server: server,
            auth: try readAuth(r),
            fcgi: try readFCGI(r, dataDir: data),
            daemon: try readDaemon(r, dataDir: data),
            database: try readDatabase(r, dataDir: data),
            tmdb: try readTMDB(r),
            musicbrainz: try readMusicBrainz(r, dataDir: data),
            http: try readHTTP(r),
            indexers: try readIndexers(r),
            torrent: try readTorrent(r, dataDir: data),
            storage: try readStorage(r),
            scheduler: try readScheduler(r),
            sourceFile: file
        )
    }

    static func readServer(_ r: ConfigReader) throws -> LCARSConfig.Server {
        let s = try r.section("server")
        let value = LCARSConfig.Server(
            host: try s.string("host", default: "127.0.0.1"),
            port: try s.int("port", default: 8080, in: 1...65535),
            jwtSecret: try s.requiredString("jwt_secret", hint: "set a random string of at least 32 characters (make run writes one)"),
            dataDir: try s.string("data_dir", default: "./data"),
            logLevel: try s.string("log_level", default: "warning"),
            trustedProxies: try s.networkArray("trusted_proxies", default: IPNetwork.loopback),
            imageCacheMB: try s.int("image_cache_mb", default: 2048, in: 16...1_048_576))
        try s.finish()
        return value
    }

    static func readAuth(_ r: ConfigReader) throws -> LCARSConfig.Auth {
        let s = try r.section("auth")
        let value = LCARSConfig.Auth(
            sessionHours: try s.int("session_hours", default: 168, in: 1...8760),
            delayAfterFailures: try s.int("delay_after_failures", default: 3, in: 1...100),
            maxDelaySeconds: try s.int("max_delay_seconds", default: 30, in: 1...60),
            maxFailuresPerAddress: try s.int("max_failures_per_address", default: 20, in: 1...100_000),
            failureWindowMinutes: try s.int("failure_window_minutes", default: 15, in: 1...1440))
        // Replaced by the per-name-and-address delay (issue 11): still accepted, so that an
        // existing config starts, and ignored.
        _ = try s.int("max_failures_per_user", default: 5, in: 1...1000)
        try s.finish()
        return value
    }

    static func readFCGI(_ r: ConfigReader, dataDir: String) throws -> LCARSConfig.FCGI {
        let s = try r.section("fcgi")
        let value = LCARSConfig.FCGI(
            socket: try s.string("socket", default: "\(dataDir)/run/lcars-fcgi.sock"),
            workers: try s.int("workers", default: 0, in: 0...256),
            maxRequests: try s.int("max_requests", default: 10_000, in: 1...10_000_000),
            maxBodyBytes: try s.int("max_body_bytes", default: 1_048_576, in: 1024...1_073_741_824),
            shutdownGraceSeconds: try s.int("shutdown_grace_seconds", default: 10, in: 1...600))
        try s.finish()
        return value
    }

    static func readDaemon(_ r: ConfigReader, dataDir: String) throws -> LCARSConfig.Daemon {
        let s = try r.section("daemon")
        let value = LCARSConfig.Daemon(
            socket: try s.string("socket", default: "\(dataDir)/run/lcarsd.sock"),
            ipcTimeoutMs: try s.int("ipc_timeout_ms", default: 2000, in: 50...60_000),
            eventsSocket: try s.string("events_socket", default: "\(dataDir)/run/lcarsd-events.sock"))
        try s.finish()
        return value
    }

    static func readDatabase(_ r: ConfigReader, dataDir: String) throws -> LCARSConfig.Database {
        let s = try r.section("database")
        let value = LCARSConfig.Database(
            path: try s.string("path", default: "\(dataDir)/lcars.db"),
            busyTimeoutMs: try s.int("busy_timeout_ms", default: 5000, in: 0...600_000))
        try s.finish()
        return value
    }

    static func readTMDB(_ r: ConfigReader) throws -> LCARSConfig.TMDB {
        let s = try r.section("tmdb")
        let value = LCARSConfig.TMDB(
            apiKey: try s.string("api_key", default: ""),
            baseURL: try s.string("base_url", default: "https://api.themoviedb.org/3"),
            imageBaseURL: try s.string("image_base_url", default: "https://image.tmdb.org/t/p"))
        try s.finish()
        return value
    }

    static func readMusicBrainz(_ r: ConfigReader, dataDir: String) throws -> LCARSConfig.MusicBrainz {
        let s = try r.section("musicbrainz")
        let types = try s.stringArray("album_types", default: ["album", "ep", "single"]).map { $0.lowercased() }
        let known: Set<String> = ["album", "single", "ep", "broadcast", "other"]
        if let bad = types.first(where: { !known.contains($0) }) {
            throw ConfigError(source: r.file, key: "musicbrainz.album_types",
                              problem: "expected MusicBrainz primary types (album, single, ep, broadcast, other), found \"\(bad)\"")
        }
        let value = LCARSConfig.MusicBrainz(
            rateLimitMs: try s.int("rate_limit_ms", default: 1000, in: 0...60_000),
            baseURL: try s.string("base_url", default: "https://musicbrainz.org/ws/2"),
            coverArtURL: try s.string("cover_art_url", default: "https://coverartarchive.org"),
            albumTypes: types,
            limiterFile: try s.string("limiter_file", default: "\(dataDir)/run/musicbrainz.limiter"))
        try s.finish()
        return value
    }

    static func readHTTP(_ r: ConfigReader) throws -> LCARSConfig.HTTP {
        let s = try r.section("http")
        let value = LCARSConfig.HTTP(
            contact: try s.string("contact", default: ""),
            connectTimeoutMs: try s.int("connect_timeout_ms", default: 5000, in: 100...120_000),
            timeoutMs: try s.int("timeout_ms", default: 20_000, in: 100...600_000),
            retries: try s.int("retries", default: 2, in: 0...10),
            retryBaseMs: try s.int("retry_base_ms", default: 500, in: 1...60_000),
            maxRetryWaitMs: try s.int("max_retry_wait_ms", default: 10_000, in: 1...600_000),
            interface: try s.string("interface", default: ""))
        try s.finish()
        return value
    }

    static func readTorrent(_ r: ConfigReader, dataDir: String) throws -> LCARSConfig.Torrent {
        let s = try r.section("torrent")
        s.subsection("seeding")
        let ports = try s.intArray("port_range", default: [6881, 6889])
        guard ports.count == 2, (1...65535).contains(ports[0]), (ports[0]...65535).contains(ports[1]) else {
            throw ConfigError(source: r.file, key: "torrent.port_range",
                              problem: "expected [first, last] with 1 <= first <= last <= 65535, found \(ports)")
        }
        let seeding = try r.section("torrent", "seeding")
        let seedingValue = LCARSConfig.Seeding(
            enabled: try seeding.bool("enabled", default: true),
            ratioLimit: try seeding.double("ratio_limit", default: 1.0, in: 0...10_000),
            timeLimitHours: try seeding.double("time_limit_hours", default: 48, in: 0...1_000_000))
        try seeding.finish()
        let value = LCARSConfig.Torrent(
            downloadDir: try s.string("download_dir", default: "\(dataDir)/downloads"),
            bindInterface: try s.string("bind_interface", default: ""),
            maxConnections: try s.int("max_connections", default: 100, in: 1...65535),
            portRange: ports[0]...ports[1],
            listenAddress: try s.string("listen_address", default: ""),
            enableDHT: try s.bool("enable_dht", default: true),
            enablePEX: try s.bool("enable_pex", default: true),
            enableLSD: try s.bool("enable_lsd", default: false),
            enableUPnP: try s.bool("enable_upnp", default: false),
            enableNATPMP: try s.bool("enable_natpmp", default: false),
            enableUTP: try s.bool("enable_utp", default: true),
            downloadRateLimitKiB: try s.int("download_rate_limit_kib", default: 0, in: 0...10_000_000),
            uploadRateLimitKiB: try s.int("upload_rate_limit_kib", default: 0, in: 0...10_000_000),
            stalledTimeoutSeconds: try s.int("stalled_timeout_seconds", default: 1800, in: 0...31_536_000),
            resumeSaveIntervalSeconds: try s.int("resume_save_interval_seconds", default: 60, in: 1...86_400),
            stateDir: try s.string("state_dir", default: "\(dataDir)/torrent"),
            seeding: seedingValue)
        try s.finish()
        return value
    }

    static func readStorage(_ r: ConfigReader) throws -> LCARSConfig.Storage {
        let s = try r.section("storage")
        ["mounts", "naming", "rules"].forEach(s.subsection)
        try s.finish()
        let naming = try r.section("storage", "naming")
        let namingValue = LCARSConfig.Naming(
            moviePattern: try naming.string("movie_pattern", default: "movie/{title} ({year})/{title} ({year}) - {quality}.{ext}"),
            tvPattern: try naming.string("tv_pattern", default: "tv/{title}/S{season:02}/{title} - S{season:02}E{episode:02} - {episode_title}.{ext}"),
            musicPattern: try naming.string("music_pattern", default: "music/{artist}/{album}/{title}.{ext}"))
        try naming.finish()
        return LCARSConfig.Storage(mounts: try r.tableArray("storage", "mounts").map { try readMount($0, file: r.file) },
                                   naming: namingValue,
                                   rules: try r.tableArray("storage", "rules").map { try readRule($0, file: r.file) })
    }

    static func readMount(_ m: SectionReader, file: String) throws -> LCARSConfig.Mount {
        let kindName = try m.string("type", default: "local")
        guard let kind = LCARSConfig.Mount.Kind(rawValue: kindName) else {
            throw ConfigError(source: file, key: "storage.mounts.type", problem: "expected \"local\" or \"smb\", found \"\(kindName)\"")
        }
        let value = LCARSConfig.Mount(
            name: try m.requiredString("name", hint: "every mount needs a name that rules refer to"),
            type: kind,
            path: try m.string("path", default: ""),
            host: try m.string("host", default: ""),
            share: try m.string("share", default: ""),
            username: try m.string("username", default: ""),
            password: try m.string("password", default: ""),
            mountPoint: try m.string("mount_point", default: ""),
            enabled: try m.bool("enabled", default: true))
        try m.finish()
        return value
    }

    static func readRule(_ m: SectionReader, file: String) throws -> LCARSConfig.Rule {
        let actionName = try m.requiredString("action", hint: "\"move\" or \"copy\"")
        guard let action = LCARSConfig.Rule.Action(rawValue: actionName) else {
            throw ConfigError(source: file, key: "storage.rules.action", problem: "expected \"move\" or \"copy\", found \"\(actionName)\"")
        }
        let value = LCARSConfig.Rule(
            action: action,
            destination: try m.requiredString("destination", hint: "the name of a [[storage.mounts]] entry"),
            mediaTypes: try m.stringArray("media_types", default: ["movie", "episode", "album"]))
        try m.finish()
        return value
    }

    static func readIndexers(_ r: ConfigReader) throws -> LCARSConfig.Indexers {
        let s = try r.section("indexers")
        let value = LCARSConfig.Indexers(
            timeoutMs: try s.int("timeout_ms", default: 10_000, in: 100...120_000),
            minIntervalMs: try s.int("min_interval_ms", default: 2000, in: 0...600_000),
            minSeeders: try s.int("min_seeders", default: 1, in: 0...100_000))
        try s.finish()
        return value
    }

    static func readScheduler(_ r: ConfigReader) throws -> LCARSConfig.Scheduler {
        let s = try r.section("scheduler")
        let value = LCARSConfig.Scheduler(
            searchMissing: try s.string("search_missing", default: "0 0 */6 * * *"),
            refreshMetadata: try s.string("refresh_metadata", default: "0 0 2 * * *"),
            checkNewEpisodes: try s.string("check_new_episodes", default: "0 0 */12 * * *"),
            checkNewReleases: try s.string("check_new_releases", default: "0 0 3 * * *"),
            cleanupCompleted: try s.string("cleanup_completed", default: "0 0 * * * *"),
            refreshLimit: try s.int("refresh_limit", default: 100, in: 1...100_000),
            searchLimit: try s.int("search_limit", default: 50, in: 1...100_000))
        try s.finish()
        return value
    }
}
