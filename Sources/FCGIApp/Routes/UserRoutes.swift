import Foundation
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

    static func parseRole(_ raw: String?) throws(DomainError) -> Role? {
        guard let raw else { return nil }
        guard let role = Role(rawValue: raw) else {
            throw .validation("role must be \"admin\" or \"user\", found \"\(raw)\"", field: "role")
        }
        return role
    }

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(try ctx.app.database.users.all().map(UserView.init))
    }

    static func show(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(UserView(try ctx.app.database.users.user(id: try ctx.intParam("id"))))
    }

    static func create(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(CreateBody.self)
        let role = try parseRole(body.role) ?? .user
        let user = try ctx.app.accounts.create(username: body.username, password: body.password, role: role)
        return try .json(UserView(user), status: 201)
    }

    static func update(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let body = try ctx.decodeBody(UpdateBody.self)
        let user = try ctx.app.accounts.change(id: id, username: body.username, password: body.password,
                                               role: try parseRole(body.role))
        return try .json(UserView(user))
    }

    static func delete(_ ctx: RequestContext) throws -> HTTPResponse {
        try ctx.app.accounts.delete(id: try ctx.intParam("id"))
        return try .success()
    }
}
