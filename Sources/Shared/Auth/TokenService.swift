import Crypto
import Foundation

/// Bearer tokens: compact JWTs (HS256, signed with `server.jwt_secret`). The signature lets a
/// process reject forged or expired tokens without touching the database; revocation is the
/// `sessions` row, which holds the token's SHA-256 and is checked on every request.
public struct TokenService: Sendable {
    public struct Claims: Codable, Equatable, Sendable {
        public var sub: Int64      // user id
        public var iat: Int64      // issued at, unix seconds
        public var exp: Int64      // expires at, unix seconds
        public var jti: String     // random id: two logins never share a token
    }

    public enum TokenError: Error, Equatable {
        case malformed, badSignature, expired
    }

    private let secret: Data
    private var key: SymmetricKey { SymmetricKey(data: secret) }

    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    private static let header = Base64URL.encode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    public func issue(userID: Int64, now: Date = Date(), lifetime: TimeInterval) throws -> (token: String, claims: Claims) {
        var generator = SystemRandomNumberGenerator()
        let nonce = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let issued = Int64(now.timeIntervalSince1970)
        let claims = Claims(sub: userID, iat: issued, exp: issued + Int64(lifetime), jti: Base64URL.encode(nonce))
        let payload = Base64URL.encode(try JSONEncoder().encode(claims))
        let signingInput = "\(Self.header).\(payload)"
        let signature = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)
        return ("\(signingInput).\(Base64URL.encode(Data(signature)))", claims)
    }

    public func verify(_ token: String, now: Date = Date()) throws(TokenError) -> Claims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 4096, parts.count == 3, parts[0] == Self.header,
              let signature = Base64URL.decode(String(parts[2])),
              let payload = Base64URL.decode(String(parts[1])) else { throw .malformed }
        let signingInput = Data("\(parts[0]).\(parts[1])".utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: key) else {
            throw .badSignature
        }
        guard let claims = try? JSONDecoder().decode(Claims.self, from: payload) else { throw .malformed }
        guard claims.exp > Int64(now.timeIntervalSince1970) else { throw .expired }
        return claims
    }

    /// What the sessions table stores instead of the token.
    public static func fingerprint(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// RFC 4648 §5 base64url without padding, as JWT uses it.
public enum Base64URL {
    public static func encode(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> Data? {
        let alphabet = { (byte: UInt8) in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
        }
        guard text.utf8.allSatisfy(alphabet) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
