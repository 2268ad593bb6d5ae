import Foundation
import Releases

/// Rutracker: logs in with the indexer's credentials (POST forum/login.php → bb_session cookie),
/// searches forum/tracker.php, reads the magnet from the chosen topic's page. A session that
/// expired shows the login form again: the provider logs in once more, then gives up clearly.
public actor RutrackerProvider: MagnetResolving {
    public nonisolated let name: String
    public nonisolated let supportsMovies = true
    public nonisolated let supportsTV = true
    public nonisolated let supportsMusic = true
    let baseURL: URL
    let username: String
    let password: String
    let transport: ReleaseTransport
    private var cookie: String?

    public init(name: String = "Rutracker", baseURL: URL, username: String, password: String, transport: ReleaseTransport) {
        self.name = name
        self.baseURL = baseURL
        self.username = username
        self.password = password
        self.transport = transport
    }

    public func search(_ query: SearchQuery) async throws -> [ReleaseCandidate] {
        var words = query.query
        if query.mediaType == .music, let artist = query.artist, !words.localizedCaseInsensitiveContains(artist) { words = artist + " " + words }
        var components = URLComponents(url: RutrackerParser.forumURL(baseURL).appendingPathComponent("tracker.php"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "nm", value: words)]
        let body = try await authenticatedGet(components.url!)
        return try RutrackerParser.parseSearch(body, indexer: name, baseURL: baseURL)
    }

    public func resolveMagnet(_ candidate: ReleaseCandidate) async throws -> String {
        if let magnet = candidate.magnet { return magnet }
        guard let page = candidate.detailsURL.flatMap(URL.init(string:)) else {
            throw ProviderError.unexpectedPage(site: name, detail: "the result has no topic page to read the magnet from")
        }
        return try RutrackerParser.parseTopic(try await authenticatedGet(page), indexer: name)
    }

    /// GET with the session cookie; logs in first, and once more if the session expired.
    private func authenticatedGet(_ url: URL) async throws -> Data {
        for attempt in 0..<2 {
            if cookie == nil || attempt == 1 { try await login() }
            let response = try await fetch(transport, TransportRequest(url: url, headers: ["Cookie": cookie ?? ""]))
            if !PageInspector.isLoginForm(response.body) { return response.body }
            cookie = nil
        }
        throw ProviderError.loginRequired(site: name, detail: "the session was refused after logging in; check the username and password")
    }

    private func login() async throws {
        guard !username.isEmpty, !password.isEmpty else {
            throw ProviderError.loginRequired(site: name, detail: "set a username and password for this indexer")
        }
        let url = RutrackerParser.forumURL(baseURL).appendingPathComponent("login.php")
        // The form posts windows-1251; "Вход" is the submit button's value.
        let form = [("login_username", username), ("login_password", password), ("login", "Вход")]
            .map { "\($0.0)=\(RutrackerForm.encode($0.1))" }.joined(separator: "&")
        let request = TransportRequest(url: url, method: "POST", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8))
        let response = try await transport.send(request)
        if let vendor = PageInspector.challengeVendor(response.body, headers: response.headers) {
            throw ProviderError.challengePage(site: name, vendor: vendor)
        }
        guard let session = RutrackerForm.sessionCookie(response.headers["set-cookie"]) else {
            throw ProviderError.loginRequired(site: name, detail: "the login was refused (no session cookie); check the username and password")
        }
        cookie = session
    }
}

enum RutrackerForm {
    /// Percent-encodes in windows-1251, as the forum expects.
    static func encode(_ value: String) -> String {
        let bytes = value.data(using: .windowsCP1251) ?? Data(value.utf8)
        return bytes.map { b -> String in
            let c = Character(UnicodeScalar(b))
            return (c.isASCII && (c.isLetter || c.isNumber)) ? String(c) : String(format: "%%%02X", b)
        }.joined()
    }

    /// "bb_session=…" from the Set-Cookie header(s).
    static func sessionCookie(_ header: String?) -> String? {
        guard let header else { return nil }
        for line in header.split(whereSeparator: { $0 == "\n" }) {
            let pair = line.split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if pair.hasPrefix("bb_session="), pair.count > "bb_session=".count { return pair }
        }
        return nil
    }
}
