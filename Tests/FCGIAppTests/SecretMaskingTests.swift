import Foundation
import Testing
@testable import FCGIApp

/// Links shown to users keep their shape but never a key: Jackett's download links, passkeys, tokens.
@Suite struct SecretMaskingTests {
    @Test(arguments: [
        ("http://127.0.0.1:9117/dl/site/?jackett_apikey=abcdefghijklmnop1234&path=abc&file=The.Matrix",
         "http://127.0.0.1:9117/dl/site/?jackett_apikey=********1234&path=abc&file=The.Matrix"),
        ("https://t.example/rss?passkey=short&cat=1", "https://t.example/rss?passkey=********&cat=1"),
        ("https://t.example/api?t=search&apikey=0123456789abcdefXYZW", "https://t.example/api?t=search&apikey=********XYZW"),
        ("https://t.example/torrent/123/name/", "https://t.example/torrent/123/name/"),
    ])
    func keysInQueriesAreMasked(_ input: String, _ expected: String) {
        #expect(IndexerView.maskURL(input) == expected)
    }
}
