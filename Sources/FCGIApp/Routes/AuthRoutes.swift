import Foundation
import GRDB
import Auth
import Core
import Persistence

/// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
enum AuthRoutes {
    static let routes = [
        Route("POST", "/api/auth/login", .everyone, login),
        Route("POST", "/api/auth/logout", .user, logout),
        Route("GET", "/api/auth/me", .user, me),
    ]

    struct LoginBody: Decodable {
        let username: String
        let password: String
    }

    struct LoginResult: Encodable {
        let token: String
        let expires_at: String
        let user: UserView
    }

    static func login(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(LoginBody.self)
        let app = ctx.app
        let address = ctx.request.remoteAddress
        if let wait = try app.db.read({ try app.limiter.retryAfter($0, username: body.username, address: address) }) {
            throw APIError.rateLimited(retryAfter: wait)
        }
        let user = try app.db.read { try UserRecord.filter(sql: "username = ? COLLATE NOCASE", arguments: [body.username]).fetchOne($0) }
        // Unknown users are checked against a decoy hash so both failures take the same time.
        let valid = app.hasher.verify(body.password, against: user?.passwordHash ?? PasswordHasher.decoyHash)
        guard let user, let userID = user.id, valid else {
            try app.db.write { try app.limiter.recordFailure($0, username: body.username, address: address) }
            throw APIError(status: 401, code: "invalid_credentials", message: "unknown username or wrong password")
        }
        let session = try app.db.write { db in
            try app.limiter.recordSuccess(db, username: body.username)
            try app.sessions.purgeExpired(db)
            return try app.sessions.create(db, userID: userID)
        }
        return try .json(LoginResult(token: session.token, expires_at: SQLiteTime.iso8601(session.expiresAt), user: UserView(user)))
    }

    static func logout(_ ctx: RequestContext) throws -> HTTPResponse {
        let user = try ctx.caller
        try ctx.app.db.write { try ctx.app.sessions.revoke($0, sessionID: user.sessionID) }
        return try .success()
    }

    static func me(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(UserView(try ctx.caller))
    }
}
