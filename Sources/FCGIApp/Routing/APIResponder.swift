import Foundation
import Logging
import Core
import Auth
import Persistence

/// Turns one request into one response: schema check, routing, authentication, role check,
/// the handler, and the mapping of every error onto the API's error format.
public struct APIResponder {
    let app: AppContext
    let router: Router
    let logger: Logger

    public init(app: AppContext, logger: Logger) {
        self.app = app
        self.router = Router(routes: AuthRoutes.routes + UserRoutes.routes + SystemRoutes.routes + ActivityRoutes.routes
                             + MovieRoutes.routes + TVRoutes.routes + ArtistRoutes.routes + AlbumRoutes.routes
                             + TrackRoutes.routes + MetadataSearchRoutes.routes
                             + DownloadRoutes.routes + EventRoutes.routes + ParseRoutes.routes + BlocklistRoutes.routes
                             + IndexerRoutes.routes + ReleaseSearchRoutes.routes + ReleaseDownloadRoutes.routes
                             + StorageRoutes.routes + LibrarySummaryRoutes.routes + ImageRoutes.routes + OpenAPIRoutes.routes)
        self.logger = logger
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            return try handle(request)
        } catch {
            if let apiError = APIError.from(error) { return apiError.response }
            if AppDatabase.isBusy(error) {
                return APIError.unavailable("the database is busy; try again").response
            }
            logger.error("request failed", metadata: ["method": "\(request.method)", "path": "\(request.path)", "error": "\(error)"])
            return APIError.internalError().response
        }
    }

    private func handle(_ request: HTTPRequest) throws -> HTTPResponse {
        switch router.resolve(method: request.method, segments: request.segments) {
        case .notFound:
            throw APIError.notFound("no API endpoint \(request.path)")
        case .methodNotAllowed(let allowed):
            throw APIError.methodNotAllowed(request.method, path: request.path, allowed: allowed)
        case .found(let route, let params):
            if let tooLong = FieldLimits.firstViolation(inQuery: request.query) { throw tooLong }
            try checkSchema()
            let user = try authenticate(request, access: route.access)
            return try route.handler(RequestContext(request: request, params: params, user: user, app: app))
        }
    }

    private func authenticate(_ request: HTTPRequest, access: Access) throws -> AuthenticatedUser? {
        if access == .everyone { return nil }
        guard let token = request.bearerToken else { throw APIError.unauthorized() }
        guard let user = try app.verifiedTokens.authenticate(token, sessions: app.sessions) else {
            throw APIError.unauthorized("the token is invalid, expired or revoked; log in again")
        }
        if access == .admin && user.role != .admin { throw APIError.forbidden() }
        return user
    }

    /// Responders never migrate: lcarsd does. Until it has, every route answers 503.
    private func checkSchema() throws {
        guard !app.schemaChecked else { return }
        switch try app.database.schemaState() {
        case .current:
            app.schemaChecked = true
        case .behind(let applied, let latest):
            throw APIError.unavailable("the database schema is at version \(applied) of \(latest); run `lcarsd migrate` (lcarsd serve does it at start)",
                                       code: "schema_outdated")
        case .ahead(let unknown):
            throw APIError.unavailable("the database was migrated by a newer LCARS (\(unknown.joined(separator: ", "))); upgrade lcars-fcgi",
                                       code: "schema_newer")
        }
    }
}
