import Foundation
import Testing
@testable import Core

/// Every shape of secret a URL, a magnet or an error message can carry is masked by the one
/// function (SecretMask), and what is not a secret keeps its shape.
@Suite struct SecretMaskTests {
    @Test(arguments: [
        // Query values named like secrets (the rule before issue 11).
        ("http://127.0.0.1:9117/dl/site/?jackett_apikey=abcdefghijklmnop1234&path=abc&file=The.Matrix",
         "http://127.0.0.1:9117/dl/site/?jackett_apikey=********1234&path=abc&file=The.Matrix"),
        ("https://t.example/rss?passkey=short&cat=1", "https://t.example/rss?passkey=********&cat=1"),
        // user:pass@ userinfo.
        ("https://alice:s3cret-pass@tracker.example/rss", "https://********@tracker.example/rss"),
        ("http://token@indexer.example:8080/api?t=caps", "http://********@indexer.example:8080/api?t=caps"),
        // Passkeys in paths: /announce/<key>, /<key>/announce, RSS paths with a key segment.
        ("http://tracker.example/announce/0123456789abcdef0123456789abcdef", "http://tracker.example/announce/********cdef"),
        ("https://tracker.example:2710/a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6/announce", "https://tracker.example:2710/********o5P6/announce"),
        ("https://site.example/rss/download/4711/ZYXWVUTSRQPONMLKJIHGFEDCBA987654/file.torrent",
         "https://site.example/rss/download/4711/********7654/file.torrent"),
        // Nothing secret: unchanged.
        ("https://t.example/torrent/123/The.Matrix.1999.1080p/", "https://t.example/torrent/123/The.Matrix.1999.1080p/"),
        ("https://t.example/t?id=55&name=abc", "https://t.example/t?id=55&name=abc"),
    ])
    func urls(_ input: String, _ expected: String) {
        #expect(SecretMask.url(input) == expected)
    }

    @Test func magnetsKeepTheirHashAndNameButNotTheTrackersKeys() {
        let key = "0123456789abcdef0123456789abcdef"
        let magnet = "magnet:?xt=urn:btih:" + String(repeating: "a", count: 40) + "&dn=Some.Name"
            + "&tr=" + "https://tracker.example/announce/\(key)".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            + "&tr=udp%3A%2F%2Fopen.example%3A1337%2Fannounce"
            + "&tr=http%3A%2F%2Ft.example%2Fannounce.php%3Fpasskey%3D\(key)"
            + "&xs=https%3A%2F%2Fuser%3Apw%40files.example%2Fx.torrent"
        let masked = SecretMask.magnet(magnet)
        #expect(!masked.contains(key) && !masked.contains("pw%40") && !masked.contains("user"))
        #expect(masked.hasPrefix("magnet:?xt=urn:btih:" + String(repeating: "a", count: 40) + "&dn=Some.Name&tr="))
        #expect(masked.contains("&tr=udp%3A%2F%2Fopen.example%3A1337%2Fannounce&"))   // a public tracker is left alone
        let trackers = Magnet.trackers(of: masked)
        #expect(trackers.count == 3)
        #expect(trackers[0] == "https://tracker.example/announce/********cdef")
        #expect(trackers[2] == "http://t.example/announce.php?passkey=********cdef")
        #expect(Magnet.infoHash(of: masked) == String(repeating: "a", count: 40))
        #expect(SecretMask.url(magnet) == masked)   // a magnet given as a URL is masked as a magnet
    }

    @Test(arguments: [
        ("Feed: GET /rss/0123456789abcdef0123456789abcdef: HTTP 500", "Feed: GET /rss/********cdef: HTTP 500"),
        ("tracker https://t.example/announce/0123456789abcdef0123456789abcdef, said: unregistered torrent",
         "tracker https://t.example/announce/********cdef, said: unregistered torrent"),
        ("cannot fetch \"http://bob:hunter22@h.example/x?apikey=abcdefghijklmnopqrstu\" (gone)",
         "cannot fetch \"http://********@h.example/x?apikey=********rstu\" (gone)"),
        ("no movie with id 5", "no movie with id 5"),
        ("release_id \"0123456789abcdef0123456789abcdef\" is unknown", "release_id \"0123456789abcdef0123456789abcdef\" is unknown"),
    ])
    func errorMessages(_ input: String, _ expected: String) {
        #expect(SecretMask.text(input) == expected)
    }

    @Test func storedKeysKeepAtMostTheirLastFour() {
        #expect(SecretMask.mask("0123456789abcdef0123") == "********0123")
        #expect(SecretMask.mask("short") == "********" && SecretMask.mask("") == nil && SecretMask.mask(nil) == nil)
    }
}
