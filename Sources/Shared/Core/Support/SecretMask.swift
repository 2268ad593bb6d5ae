import Foundation

/// How secrets appear in answers: never in full. This is the one place that decides it, for every
/// layer (the API's views and error messages, lcarsd's download views and events).
///
/// A key keeps at most its last 4 characters behind stars (enough to tell two keys apart); in
/// URLs the secrets are the `user:pass@` userinfo, query values whose name holds a secret word
/// (apikey, passkey, token…) and path segments that look like a key (24+ letters and digits, as
/// trackers put passkeys in `/announce/<key>`, `/<key>/announce` or RSS paths); in magnets, the
/// URLs they carry (`tr=` trackers, `xs=`/`as=` sources).
public enum SecretMask {
    public static let stars = "********"

    /// A stored key or password: nil when there is none; longer than 12 characters keeps its last 4.
    public static func mask(_ secret: String?) -> String? {
        guard let secret, !secret.isEmpty else { return nil }
        return secret.count > 12 ? stars + secret.suffix(4) : stars
    }

    /// Query parameters whose name holds one of these carry secrets: apikey, jackett_apikey, passkey, token…
    static let secretWords = ["key", "pass", "token", "secret", "auth", "sig"]
    /// A path segment this long made only of letters and digits is taken for a key.
    static let keyLength = 24

    /// A URL with its secrets masked; text that is not a URL keeps its shape (only key-like path
    /// segments are masked), a magnet is masked as a magnet.
    public static func url(_ text: String) -> String {
        if text.lowercased().hasPrefix("magnet:") { return magnet(text) }
        guard var components = URLComponents(string: text) else { return path(text) }
        var changed = false
        if components.percentEncodedUser != nil || components.percentEncodedPassword != nil {
            components.percentEncodedUser = stars
            components.percentEncodedPassword = nil
            changed = true
        }
        let maskedPath = path(components.percentEncodedPath)
        if maskedPath != components.percentEncodedPath { components.percentEncodedPath = maskedPath; changed = true }
        if let items = components.percentEncodedQueryItems, !items.isEmpty {
            let masked = items.map(maskQueryItem)
            if masked != items { components.percentEncodedQueryItems = masked; changed = true }
        }
        return changed ? (components.string ?? text) : text
    }

    /// A magnet whose tracker and source URLs are masked (`xt`, `dn` and the rest unchanged).
    public static func magnet(_ text: String) -> String {
        guard let question = text.firstIndex(of: "?") else { return text }
        let head = text[...question]
        let pairs = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "="), ["tr", "xs", "as", "ws"].contains(pair[..<equals].lowercased()) else { return String(pair) }
            let raw = String(pair[pair.index(after: equals)...])
            let decoded = raw.removingPercentEncoding ?? raw
            let masked = url(decoded)
            return masked == decoded ? String(pair) : String(pair[...equals]) + encodeComponent(masked)
        }
        return String(head) + pairs.joined(separator: "&")
    }

    /// Free text (an error message): every URL or magnet in it, and every absolute path (HTTP errors
    /// name `GET /path`), masked.
    public static func text(_ text: String) -> String {
        guard text.contains("/") || text.contains("magnet:") else { return text }
        var result = ""
        var token = ""
        for character in text {
            if character.isWhitespace || character == "\"" || character == "'" || character == "(" || character == ")" {
                result += maskToken(token) + String(character)
                token = ""
            } else {
                token.append(character)
            }
        }
        return result + maskToken(token)
    }

    /// One word of free text; punctuation after it (":", ",", ";", ".") stays outside the URL.
    static func maskToken(_ token: String) -> String {
        guard token.contains("/") || token.lowercased().hasPrefix("magnet:") else { return token }
        var body = Substring(token)
        var tail = ""
        while let last = body.last, [":", ",", ";", "."].contains(last) {
            tail = String(last) + tail
            body = body.dropLast()
        }
        let word = String(body)
        if word.contains("://") || word.lowercased().hasPrefix("magnet:") { return url(word) + tail }
        if word.hasPrefix("/") { return path(word) + tail }
        return token
    }

    /// A path (or path and query) whose key-like segments are masked.
    static func path(_ text: String) -> String {
        let parts = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let segments = parts[0].split(separator: "/", omittingEmptySubsequences: false).map { segment in
            isKeyLike(segment) ? stars + segment.suffix(4) : String(segment)
        }
        var masked = segments.joined(separator: "/")
        if parts.count == 2 { masked += "?" + query(String(parts[1])) }
        return masked
    }

    /// `a=1&apikey=…`: values of secret-named parameters masked.
    static func query(_ text: String) -> String {
        text.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals].lowercased()
            guard secretWords.contains(where: name.contains) else { return String(pair) }
            return String(pair[...equals]) + (mask(String(pair[pair.index(after: equals)...])) ?? "")
        }.joined(separator: "&")
    }

    static func isKeyLike(_ segment: Substring) -> Bool {
        segment.count >= keyLength && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    static func maskQueryItem(_ item: URLQueryItem) -> URLQueryItem {
        let name = item.name.lowercased()
        guard secretWords.contains(where: name.contains) else { return item }
        return URLQueryItem(name: item.name, value: mask(item.value))
    }

    static func encodeComponent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
