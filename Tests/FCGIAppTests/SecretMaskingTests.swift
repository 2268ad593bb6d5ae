import Foundation
import Testing
@testable import Core
@testable import FCGIApp
@testable import Persistence
@testable import Releases

/// Every answer that shows an indexer URL, a release link, a magnet or an error message shows it
/// with its secrets masked (the shapes themselves: SharedTests/SecretMaskTests).
@Suite struct SecretMaskingTests {
    static let passkey = "0123456789abcdef0123456789abcdef"

    @Test func indexerURLsAndLastErrorsAreMaskedAndAMaskedURLSentBackKeepsTheRealOne() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        let url = "https://alice:pw-secret@tracker.example/rss/\(Self.passkey)"
        let created = t.send("POST", "/api/indexers", json: ["name": "Private", "indexer_type": "rss", "url": url], token: t.adminToken)
        #expect(created.status == 201)
        let id = try #require(created.object["id"] as? Int)
        #expect(created.object["url"] as? String == "https://********@tracker.example/rss/********cdef")
        try t.db.write { try $0.execute(sql: "UPDATE indexers SET last_error = ? WHERE id = ?",
                                        arguments: ["Private: GET /rss/\(Self.passkey): HTTP 500", id]) }
        let listed = t.send("GET", "/api/indexers", token: t.adminToken)
        let text = String(decoding: listed.body, as: UTF8.self)
        #expect(!text.contains(Self.passkey) && !text.contains("pw-secret") && text.contains("Private: GET /rss/********cdef: HTTP 500"))
        // The UI may send the whole row back: the masked URL keeps the stored one.
        let shown = try #require(created.object["url"] as? String)
        #expect(t.send("PUT", "/api/indexers/\(id)", json: ["url": shown, "priority": 7], token: t.adminToken).status == 200)
        #expect(try t.database.indexers.find(id: Int64(id)).url == url)
    }

    @Test func releaseLinksAndMagnetsAreMaskedInSearchResults() throws {
        let t = try TestApp(extraTOML: TestApp.releaseTOML)
        try t.standInFeed()
        let tracker = "https://tracker.example/announce/\(Self.passkey)".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        t.services.answer("/rss", json: """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Private</title>
              <item><title>Series Title S02E05 1080p WEB H264-GRP</title>
                <link>magnet:?xt=urn:btih:\(String(repeating: "3", count: 40))&amp;dn=x&amp;tr=\(tracker)</link>
                <comments>https://site.example/details/\(Self.passkey)</comments></item>
              <item><title>Series Title S02E04 1080p WEB H264-GRP</title>
                <enclosure url="https://site.example/dl/9?passkey=\(Self.passkey)" type="application/x-bittorrent" /></item>
            </channel></rss>
            """, headers: ["content-type": "application/rss+xml"])
        let r = t.send("GET", "/api/search/releases", query: ["q": "Series Title", "type": "tv"], token: t.userToken)
        #expect(r.status == 200 && r.array.count == 2)
        #expect(!String(decoding: r.body, as: UTF8.self).contains(Self.passkey))
        let first = try #require(r.array.first { $0["magnet"] is String })
        #expect(Magnet.trackers(of: first["magnet"] as? String ?? "") == ["https://tracker.example/announce/********cdef"])
        #expect(first["details_url"] as? String == "https://site.example/details/********cdef")
        let second = try #require(r.array.first { $0["download_url"] is String })
        #expect(second["download_url"] as? String == "https://site.example/dl/9?passkey=********cdef")
    }

    @Test func errorMessagesAreMasked() {
        let error = APIError(DomainError.upstream("Private", "Private: GET /announce/\(Self.passkey): HTTP 500 for the .torrent"))
        let body = String(decoding: error.response.body, as: UTF8.self)
        #expect(!body.contains(Self.passkey) && body.contains("GET /announce/********cdef: HTTP 500"))
    }

    @Test func downloadViewsMaskTheirMagnetAndErrorWhereverTheyAreSent() throws {
        let tracker = "http%3A%2F%2Ft.example%2F\(Self.passkey)%2Fannounce"
        let view = DownloadView(id: 1, info_hash: String(repeating: "4", count: 40), name: "x", media_type: nil, media_id: nil,
                                magnet: "magnet:?xt=urn:btih:\(String(repeating: "4", count: 40))&tr=\(tracker)", status: .failed,
                                progress: 0, download_speed: 0, upload_speed: 0, size_bytes: nil, downloaded_bytes: 0, uploaded_bytes: 0,
                                ratio: 0, peers: 0, seeds: 0, eta_seconds: nil, seeding_seconds: 0, paused_by: nil,
                                error_message: "tracker http://t.example/\(Self.passkey)/announce: unregistered torrent",
                                added_at: "2024-01-01T00:00:00Z", started_at: nil, completed_at: nil)
        let text = String(decoding: try JSONEncoder().encode(view), as: UTF8.self)
        #expect(!text.contains(Self.passkey) && text.contains("********cdef"))
    }
}
