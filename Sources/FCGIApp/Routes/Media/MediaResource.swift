import Core

/// The handlers movies, shows and artists share: get, update (monitored, quality limit) and
/// refresh, each answering with the item's full view; and the 201 answer of an add.
struct MediaResource<View: Encodable>: Sendable {
    let kind: MediaKind
    let qualities: [String]
    let view: @Sendable (RequestContext, Int64) throws -> View
    let refresh: @Sendable (RequestContext, Int64) throws -> Void

    func show(_ ctx: RequestContext) throws -> HTTPResponse {
        try .json(try view(ctx, try ctx.intParam("id")))
    }

    func update(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try MediaRules.update(ctx, kind: kind, qualities: qualities)
        return try .json(try view(ctx, id))
    }

    func refreshed(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        try refresh(ctx, id)
        return try .json(try view(ctx, id))
    }

    func created(_ ctx: RequestContext, _ id: Int64) throws -> HTTPResponse {
        try .json(try view(ctx, id), status: 201)
    }
}
