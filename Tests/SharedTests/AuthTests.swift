@testable import Core
@testable import Config
@testable import Releases
@testable import Persistence
@testable import Net
@testable import Auth
@testable import Metadata
@testable import Indexers
@testable import Control
@testable import Library
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

    @Test func sessionsRevokeTokens() throws {
        let (db, _) = try makeTestDatabase()
        let store = SessionStore(tokens: tokens, lifetime: 3600)
        let user = try UserAccounts().create(db, username: "kirk", password: "enterprise-1701", role: .admin)
        let (token, _) = try db.write { try store.create($0, userID: user.id!, now: now) }
        let found = try db.read { try store.authenticate($0, token: token, now: now) }
        #expect(found?.username == "kirk" && found?.role == .admin)
        // Only the fingerprint is stored.
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT token_hash FROM sessions") } == TokenService.fingerprint(token))
        try db.write { try store.revoke($0, sessionID: found!.sessionID) }
        #expect(try db.read { try store.authenticate($0, token: token, now: now) } == nil)
    }

    @Test func expiredSessionsArePurged() throws {
        let (db, _) = try makeTestDatabase()
        let store = SessionStore(tokens: tokens, lifetime: 60)
        let user = try UserAccounts().create(db, username: "spock", password: "fascinating", role: .user)
        let (token, _) = try db.write { try store.create($0, userID: user.id!, now: now) }
        #expect(try db.read { try store.authenticate($0, token: token, now: now.addingTimeInterval(61)) } == nil)
        try db.write { try store.purgeExpired($0, now: now.addingTimeInterval(61)) }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sessions") } == 0)
    }
}

@Suite struct LimiterTests {
    @Test func blocksAfterTheLimitUntilTheWindowEnds() throws {
        let (db, _) = try makeTestDatabase()
        let limiter = LoginLimiter(maxPerUser: 3, maxPerAddress: 100, window: 600)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        for i in 0..<3 {
            #expect(try db.read { try limiter.retryAfter($0, username: "Uhura", address: "10.0.0.1", now: t0) } == nil)
            try db.write { try limiter.recordFailure($0, username: "uhura", address: "10.0.0.1", now: t0.addingTimeInterval(Double(i))) }
        }
        #expect(try db.read { try limiter.retryAfter($0, username: "UHURA", address: "10.0.0.2", now: t0.addingTimeInterval(100)) } == 500)
        #expect(try db.read { try limiter.retryAfter($0, username: "uhura", address: "", now: t0.addingTimeInterval(600)) } == nil)
        // A new failure after the window starts a new count.
        try db.write { try limiter.recordFailure($0, username: "uhura", address: "", now: t0.addingTimeInterval(700)) }
        #expect(try db.read { try limiter.retryAfter($0, username: "uhura", address: "", now: t0.addingTimeInterval(701)) } == nil)
    }
}

@Suite struct UserAccountTests {
    @Test func lastAdminIsProtectedAndInputIsValidated() throws {
        let (db, _) = try makeTestDatabase()
        let accounts = UserAccounts()
        let admin = try accounts.create(db, username: "picard", password: "make-it-so", role: .admin)
        #expect(throws: UserAccounts.Failure.lastAdmin) { try accounts.delete(db, id: admin.id!) }
        #expect(throws: UserAccounts.Failure.lastAdmin) { _ = try accounts.update(db, id: admin.id!, username: nil, password: nil, role: .user) }
        #expect(throws: UserAccounts.Failure.duplicate(username: "PICARD")) {
            _ = try accounts.create(db, username: "PICARD", password: "make-it-so", role: .user)
        }
        #expect(throws: UserAccounts.Failure.self) { _ = try accounts.create(db, username: "x", password: "make-it-so", role: .user) }
        #expect(throws: UserAccounts.Failure.notFound(id: 99)) { try accounts.delete(db, id: 99) }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM users") } == 1)
    }
}
