import Foundation
import Core

/// Checks that need more than one key or more than a type: secrets, references between sections,
/// socket path lengths, schedule syntax.
enum ConfigValidation {
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    static let mediaTypes = Set(MediaKind.downloadable.map(\.rawValue))
    /// sockaddr_un.sun_path holds 108 bytes including the terminating NUL.
    static let maxSocketPath = 107

    static func check(_ c: LCARSConfig) throws {
        let file = c.sourceFile
        func fail(_ key: String, _ problem: String) -> ConfigError { ConfigError(source: file, key: key, problem: problem) }

        if c.server.jwtSecret.count < 32 || c.server.jwtSecret.hasPrefix("change-me") {
            throw fail("server.jwt_secret", "expected a random secret of at least 32 characters (not the example value)")
        }
        if !logLevels.contains(c.server.logLevel) {
            throw fail("server.log_level", "expected one of \(logLevels.joined(separator: ", ")), found \"\(c.server.logLevel)\"")
        }
        for (key, path) in [("fcgi.socket", c.fcgi.socket), ("daemon.socket", c.daemon.socket),
                           ("daemon.events_socket", c.daemon.eventsSocket)]
        where path.utf8.count > maxSocketPath || path.isEmpty {
            throw fail(key, "expected a socket path of 1 to \(maxSocketPath) bytes, found \(path.utf8.count) bytes (\(path))")
        }
        if !c.torrent.listenAddress.isEmpty && !IPAddressText.isValid(c.torrent.listenAddress) {
            throw fail("torrent.listen_address", "expected an IPv4 or IPv6 address (or \"\" for all), found \"\(c.torrent.listenAddress)\"")
        }
        if c.torrent.bindInterface.contains(where: { $0 == "/" || $0 == ":" || $0 == " " }) || c.torrent.bindInterface.utf8.count > 15 {
            throw fail("torrent.bind_interface", "expected a network interface name such as \"wg0\" (at most 15 characters), found \"\(c.torrent.bindInterface)\"")
        }
        try checkStorage(c.storage, fail: fail)
        let urls = [("tmdb.base_url", c.tmdb.baseURL), ("tmdb.image_base_url", c.tmdb.imageBaseURL),
                    ("musicbrainz.base_url", c.musicbrainz.baseURL), ("musicbrainz.cover_art_url", c.musicbrainz.coverArtURL)]
        for (key, url) in urls where !isHTTPURL(url) {
            throw fail(key, "expected an http:// or https:// URL, found \"\(url)\"")
        }
        for (job, expression) in c.scheduler.schedules {
            do { _ = try CronExpression(expression) }
            catch { throw fail("scheduler.\(job)", "\(error.message) (in \"\(expression)\")") }
        }
    }

    static func checkStorage(_ s: LCARSConfig.Storage, fail: (String, String) -> ConfigError) throws {
        var names: Set<String> = []
        for (i, mount) in s.mounts.enumerated() {
            let key = "storage.mounts[\(i)]"
            guard !mount.name.isEmpty, names.insert(mount.name).inserted else {
                throw fail("\(key).name", "expected a unique, non-empty name, found \"\(mount.name)\"")
            }
            switch mount.type {
            case .local where mount.path.isEmpty:
                throw fail("\(key).path", "a local mount needs a path")
            case .smb where mount.host.isEmpty || mount.share.isEmpty || mount.mountPoint.isEmpty:
                throw fail(key, "an smb mount needs host, share and mount_point")
            default: break
            }
        }
        for (i, rule) in s.rules.enumerated() {
            let key = "storage.rules[\(i)]"
            if !names.contains(rule.destination) {
                throw fail("\(key).destination", "no [[storage.mounts]] is named \"\(rule.destination)\" (known: \(names.sorted().joined(separator: ", ")))")
            }
            if let bad = rule.mediaTypes.first(where: { !mediaTypes.contains($0) }) {
                throw fail("\(key).media_types", "expected movie, episode, album or track, found \"\(bad)\"")
            }
        }
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "http" || scheme == "https"
    }
}
