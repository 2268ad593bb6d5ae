import Foundation
import Core
import Indexers
import Persistence

/// /api/indexers (admin, spec: System): list, add, change, remove, and test an indexer.
enum IndexerRoutes {
    static let routes = [
        Route("GET", "/api/indexers", .admin, list),
        Route("POST", "/api/indexers", .admin, create),
        Route("GET", "/api/indexers/:id", .admin, show),
        Route("PUT", "/api/indexers/:id", .admin, update),
        Route("DELETE", "/api/indexers/:id", .admin, remove),
        Route("POST", "/api/indexers/:id/test", .admin, test),
    ]

    struct Body: Decodable {
        let name: String?
        let indexer_type: String?
        let url: String?
        let api_key: String?
        let username: String?
        let password: String?
        let enabled: Bool?
        let priority: Int?
        let categories: [String]?

        var changes: IndexerChanges {
            IndexerChanges(name: name, indexerType: indexer_type, url: url, apiKey: api_key, username: username,
                                 password: password, enabled: enabled, priority: priority, categories: categories)
        }
    }

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(try ctx.app.database.indexers.list().map(IndexerView.init))
    }

    static func show(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        return try .json(IndexerView(try ctx.app.database.indexers.find(id: id)))
    }

    static func create(_ ctx: RequestContext) throws -> HTTPResponse {
        let body = try ctx.decodeBody(Body.self)
        let row = try ctx.app.database.indexers.create(body.changes)
        return try .json(IndexerView(row), status: 201)
    }

    static func update(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let body = try ctx.decodeBody(Body.self)
        let row = try ctx.app.database.indexers.update(id: id, body.changes)
        return try .json(IndexerView(row))
    }

    static func remove(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        try ctx.app.database.indexers.delete(id: id)
        return try .success()
    }

    struct TestView: Encodable {
        let success: Bool
        let message: String
        let response_time_ms: Int
    }

    /// A test search against the indexer; the answer is 200 either way, `success` tells.
    static func test(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let row = try ctx.app.database.indexers.find(id: id)
        let manager = ctx.app.indexers
        let result = try AsyncBridge.run { await manager.test(row) }
        return try .json(TestView(success: result.success, message: SecretMask.text(result.message), response_time_ms: result.elapsedMs))
    }
}
