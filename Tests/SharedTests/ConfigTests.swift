@testable import Core
@testable import Config
import Foundation
import Testing

@Suite struct ConfigTests {
    static let secret = #"jwt_secret = "0123456789abcdef0123456789abcdef""#
    static let minimal = "[server]\n\(secret)\n"

    func parse(_ text: String, env: [String: String] = [:]) throws -> LCARSConfig {
        try ConfigLoader.parse(text, file: "test.toml", environment: env)
    }

    func error(_ text: String, env: [String: String] = [:]) -> ConfigError? {
        do { _ = try parse(text, env: env); return nil } catch let e as ConfigError { return e } catch { return nil }
    }

    @Test func exampleFileLoadsWithEverySection() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../config.example.toml")
        let example = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "change-me-generate-a-secure-random-string", with: String(repeating: "k", count: 40))
        let config = try parse(example)
        #expect(config.server.port == 8080)
        #expect(config.torrent.portRange == 6881...6889)
        #expect(config.torrent.seeding.ratioLimit == 1.0)
        #expect(config.storage.mounts.map(\.name) == ["local", "nas"])
        #expect(config.storage.mounts[1].type == .smb && !config.storage.mounts[1].enabled)
        #expect(config.storage.rules.map(\.action) == [.move, .copy])
        #expect(config.scheduler.searchMissing == "0 0 */6 * * *")
        #expect(config.musicbrainz.rateLimitMs == 1000)
    }

    @Test func defaultsFollowTheDataDirectory() throws {
        let config = try parse("[server]\n\(Self.secret)\ndata_dir = \"/srv/lcars\"\n")
        #expect(config.database.path == "/srv/lcars/lcars.db")
        #expect(config.fcgi.socket == "/srv/lcars/run/lcars-fcgi.sock")
        #expect(config.daemon.socket == "/srv/lcars/run/lcarsd.sock")
        #expect(config.torrent.downloadDir == "/srv/lcars/downloads")
        #expect(config.fcgi.workers == 0 && config.auth.delayAfterFailures == 3)
    }

    @Test func environmentOverridesWinOverTheFile() throws {
        let config = try parse(Self.minimal + "port = 1000\n", env: [
            "LCARS_SERVER__PORT": "9090",
            "LCARS_TORRENT__SEEDING__RATIO_LIMIT": "2.5",
            "LCARS_TORRENT__SEEDING__ENABLED": "false",
            "LCARS_TORRENT__PORT_RANGE": "7000, 7010",
            "LCARS_CONFIG": "ignored-here.toml",
            "PATH": "/usr/bin",
        ])
        #expect(config.server.port == 9090)
        #expect(config.torrent.seeding.ratioLimit == 2.5)
        #expect(config.torrent.seeding.enabled == false)
        #expect(config.torrent.portRange == 7000...7010)
    }

    @Test func unknownKeysAndSectionsAreNamed() {
        #expect(error(Self.minimal + "prot = 1\n")?.description.contains("test.toml: server.prot: unknown key") == true)
        #expect(error(Self.minimal + "[sevrer]\nport = 1\n")?.key == "sevrer")
        #expect(error(Self.minimal + "[torrent.seeding]\nratio = 1\n")?.key == "torrent.seeding.ratio")
        #expect(error(Self.minimal + "[[storage.mounts]]\nname = \"a\"\npath = \"/x\"\npth = 1\n")?.key == "storage.mounts[0].pth")
        let env = error(Self.minimal, env: ["LCARS_SERVER__PROT": "1"])
        #expect(env?.key == "LCARS_SERVER__PROT" && env?.source == "environment")
    }

    @Test func wrongTypesSayWhatWasExpected() {
        let e = error(Self.minimal + "port = \"eighty\"\n")
        #expect(e?.key == "server.port")
        #expect(e?.problem.contains("expected an integer from 1 to 65535") == true)
        #expect(error(Self.minimal + "port = 70000\n")?.problem.contains("found 70000") == true)
        #expect(error(Self.minimal, env: ["LCARS_SERVER__PORT": "x"])?.source == "environment LCARS_SERVER__PORT")
        #expect(error(Self.minimal + "[torrent]\nport_range = [1]\n")?.key == "torrent.port_range")
        #expect(error(Self.minimal + "[torrent.seeding]\nenabled = \"yes\"\n")?.key == "torrent.seeding.enabled")
        #expect(error("server = 5\n")?.key == "server")
    }

    @Test func requiredAndCrossChecks() {
        #expect(error("[server]\nport = 1\n")?.problem.hasPrefix("missing") == true)
        #expect(error("[server]\njwt_secret = \"short\"\n")?.key == "server.jwt_secret")
        #expect(error("[server]\njwt_secret = \"change-me-generate-a-secure-random-string\"\n")?.key == "server.jwt_secret")
        #expect(error(Self.minimal + "log_level = \"loud\"\n")?.key == "server.log_level")
        #expect(error(Self.minimal + "[scheduler]\nsearch_missing = \"every day\"\n")?.key == "scheduler.search_missing")
        #expect(error(Self.minimal + "[[storage.rules]]\naction = \"move\"\ndestination = \"nowhere\"\n")?.key == "storage.rules[0].destination")
        #expect(error(Self.minimal + "[[storage.mounts]]\nname = \"a\"\ntype = \"ftp\"\n")?.problem.contains("\"ftp\"") == true)
        let longSocket = String(repeating: "x", count: 120)
        #expect(error(Self.minimal + "[fcgi]\nsocket = \"/\(longSocket)\"\n")?.key == "fcgi.socket")
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let e = error("[server]\njwt_secret = \n")
        #expect(e?.source.hasPrefix("test.toml line 2") == true)
        #expect(e?.problem.hasPrefix("not valid TOML") == true)
    }

    @Test func locateOrder() {
        #expect(ConfigLoader.locate(explicit: "a.toml", environment: ["LCARS_CONFIG": "b.toml"]) == "a.toml")
        #expect(ConfigLoader.locate(explicit: nil, environment: ["LCARS_CONFIG": "b.toml"]) == "b.toml")
        #expect(ConfigLoader.locate(explicit: nil, environment: [:]) == "./data/config.toml")
    }

    @Test func httpAndMetadataSettings() throws {
        let config = try parse(Self.minimal, env: ["LCARS_HTTP__CONTACT": "me@example.org", "LCARS_HTTP__RETRIES": "4",
                                                   "LCARS_MUSICBRAINZ__ALBUM_TYPES": "Album, Broadcast"])
        #expect(config.http.contact == "me@example.org" && config.http.retries == 4 && config.http.timeoutMs == 20_000)
        #expect(config.musicbrainz.albumTypes == ["album", "broadcast"])
        #expect(config.musicbrainz.limiterFile == "./data/run/musicbrainz.limiter")
        #expect(try parse(Self.minimal).musicbrainz.albumTypes == ["album", "ep", "single"])
        #expect(error(Self.minimal + "[musicbrainz]\nalbum_types = [\"mixtape\"]\n")?.key == "musicbrainz.album_types")
        #expect(error(Self.minimal + "[tmdb]\nbase_url = \"ftp://x\"\n")?.key == "tmdb.base_url")
        #expect(error(Self.minimal + "[http]\nretries = 99\n")?.key == "http.retries")
    }
}
