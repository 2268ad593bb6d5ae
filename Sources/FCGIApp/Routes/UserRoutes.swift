import Foundation
import GRDB
import Auth
import Core
import Persistence

/// /api/users: admins list, create, change and delete users.
enum UserRoutes {
    static let routes = [
        Route("GET", "/api/users", .admin, list),
        Route("POST", "/api/users", .admin, create),
        Route("GET", "/api/users/:id", .admin, show),
        Route("PUT", "/api/users/:id", .admin, update),
        Route("DELETE", "/api/users/:id", .admin, delete),
    ]

    struct CreateBody: Decodable {
        let username: String
        let password: String
        let role: String?
    }

    struct UpdateBody: Decodable {
        let username: String?
        let password: String?
        let role: String?
    }

    static func parseRole(_ raw: String?) throws -> Role? {
        guard let raw else { return nil }
        guard let role = Role(rawValue: raw) else { throw APIError.validation("role must be \"admin\" or \"user\", found \"\(raw)\"") }
        return role
    }

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let users = try ctx.app.db.read { try UserRecord.order(Column("id")).fetchAll($0) }
        return try .json(users.map(UserView.init))
    }

    static func show(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        guard let user = try ctx.app.db.read({ try UserRecord.fetchOne($0, key: id) }) else {
            throw UserAccounts.Failure.notFound(id: id)
        }
        return try .json(UserView(user))
    }

    static func create(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(CreateBody.self)
        let role = try parseRole(body.role) ?? .user
        let user = try ctx.app.accounts.create(ctx.app.db, username: body.username, password: body.password, role: role)
        return try .json(UserView(user), status: 201)
    }

    static func update(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let body = try ctx.decodeBody(UpdateBody.self)
        let user = try ctx.app.accounts.update(ctx.app.db, id: id, username: body.username,
                                               password: body.password, role: try parseRole(body.role))
        return try .json(UserView(user))
    }

    static func delete(_ ctx: RequestContext) throws -> HTTPResponse {
        try ctx.app.accounts.delete(ctx.app.db, id: try ctx.intParam("id"))
        return try .success()
    }
}
