import Foundation

/// Recognises the pages a site serves instead of results: anti-bot challenges (Cloudflare,
/// DDoS-Guard) and login forms. Checked before parsing, so a provider reports "challenge page"
/// rather than "no results" or garbage.
enum PageInspector {
    /// Markers that only challenge pages carry; the first bytes are enough to find them.
    static let challengeMarkers: [(String, String)] = [
        ("cf-browser-verification", "Cloudflare"), ("cf_chl_opt", "Cloudflare"), ("challenge-platform", "Cloudflare"),
        ("<title>just a moment...</title>", "Cloudflare"), ("attention required! | cloudflare", "Cloudflare"),
        ("cf-error-details", "Cloudflare"), ("ddos-guard", "DDoS-Guard"), ("checking your browser before accessing", "anti-bot"),
        ("<title>ddos-guard</title>", "DDoS-Guard"), ("captcha-bypass", "anti-bot"),
    ]

    static func challengeVendor(_ body: Data, headers: [String: String] = [:]) -> String? {
        if headers["cf-mitigated"] == "challenge" { return "Cloudflare" }
        let head = String(decoding: body.prefix(64 * 1024), as: UTF8.self).lowercased()
        return challengeMarkers.first { head.contains($0.0) }?.1
    }

    /// A login form: a password field in a form (Rutracker's login.php, or a generic one).
    static func isLoginForm(_ body: Data) -> Bool {
        let head = String(decoding: body.prefix(256 * 1024), as: UTF8.self).lowercased()
        return head.contains("type=\"password\"") && (head.contains("login.php") || head.contains("name=\"login_username\"") || head.contains("<form"))
    }

    /// Throws the right error for a response that is not a page of results.
    static func check(_ response: TransportResponse, site: String) throws {
        if let vendor = challengeVendor(response.body, headers: response.headers) {
            throw ProviderError.challengePage(site: site, vendor: vendor)
        }
        guard (200..<300).contains(response.status) else { throw ProviderError.httpStatus(site: site, status: response.status) }
    }
}
