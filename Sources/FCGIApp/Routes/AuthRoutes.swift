import Foundation
import Auth
import Core

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
        let attempt = Login(limiter: app.limiter, accounts: app.accounts, sessions: app.sessions)
        switch try attempt.attempt(username: body.username, password: body.password, address: ctx.clientAddress) {
        case .rateLimited(let wait):
            throw APIError.rateLimited(retryAfter: wait)
        case .rejected:
            throw APIError(status: 401, code: "invalid_credentials", message: "unknown username or wrong password")
        case .granted(let user, let token, let expiresAt):
            return try .json(LoginResult(token: token, expires_at: SQLiteTime.iso8601(expiresAt), user: UserView(user)))
        }
    }

    static func logout(_ ctx: RequestContext) throws -> HTTPResponse {
        try ctx.app.sessions.end(try ctx.caller)
        return try .success()
    }

    static func me(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(UserView(try ctx.caller))
    }
}
