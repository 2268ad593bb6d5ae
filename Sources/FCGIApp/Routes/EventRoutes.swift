import Foundation
import Auth
import Core
import Persistence

/// POST /api/events/ticket: trades the caller's login token for a one-use ticket that opens the
/// live event stream (GET /api/events, served by lcarsd behind nginx) within 60 seconds.
enum EventRoutes {
    static let routes = [
        Route("POST", "/api/events/ticket", .user, ticket),
    ]

    struct TicketView: Encodable {
        let ticket: String
        let expires_at: String
        let url: String
    }

    static func ticket(_ ctx: RequestContext) throws -> HTTPResponse {
        let user = try ctx.caller
        let issued = try EventTickets(ctx.app.database.eventTickets).issue(userID: user.id)
        return try .json(TicketView(ticket: issued.ticket, expires_at: SQLiteTime.iso8601(issued.expiresAt),
                                    url: "/api/events?ticket=\(issued.ticket)"), status: 201)
    }
}
