@testable import Core
@testable import Auth
import Foundation
import GRDB
import Testing

@Suite struct PasswordTests {
    let hasher = PasswordHasher()

    @Test func hashesAreArgon2idSaltedAndVerifiable() throws {
        let a = try hasher.hash("correct horse battery staple")
        let b = try hasher.hash("correct horse battery staple")
        #expect(a.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(a != b)   // a fresh salt each time
        #expect(hasher.verify("correct horse battery staple", against: a))
        #expect(!hasher.verify("correct horse battery stapl", against: a))
        #expect(!hasher.verify("", against: a))
        #expect(!hasher.verify("x", against: "not a hash"))
    }

    @Test func overlongPasswordsAreRefused() {
        let long = String(repeating: "p", count: PasswordHasher.maxPasswordBytes + 1)
        #expect(throws: PasswordError.self) { try hasher.hash(long) }
        #expect(!hasher.verify(long, against: PasswordHasher.decoyHash))
    }
}

@Suite struct TokenTests {
    let tokens = TokenService(secret: "0123456789abcdef0123456789abcdef")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func issuedTokensVerifyUntilTheyExpire() throws {
        let (token, claims) = try tokens.issue(userID: 7, now: now, lifetime: 3600)
        #expect(try tokens.verify(token, now: now) == claims)
        #expect(claims.sub == 7 && claims.exp == claims.iat + 3600)
        #expect(throws: TokenService.TokenError.expired) { try tokens.verify(token, now: now.addingTimeInterval(3600)) }
    }

    @Test func tamperedOrForeignTokensFail() throws {
        let (token, _) = try tokens.issue(userID: 7, now: now, lifetime: 3600)
        let other = TokenService(secret: "another-secret-another-secret-xx")
        #expect(throws: TokenService.TokenError.badSignature) { try other.verify(token, now: now) }
        var parts = token.split(separator: ".").map(String.init)
        parts[1] = Base64URL.encode(Data(#"{"sub":1,"iat":0,"exp":9999999999,"jti":"x"}"#.utf8))
        #expect(throws: TokenService.TokenError.badSignature) { try tokens.verify(parts.joined(separator: "."), now: now) }
        for garbage in ["", "a.b", "a.b.c", "\(token).x", String(repeating: "a", count: 5000)] {
            #expect(throws: TokenService.TokenError.self) { try tokens.verify(garbage, now: now) }
        }
    }
}
