import Core
import Library
import Persistence

/// The handlers movies, shows, artists and albums share: get, update (monitored, quality limit),
/// refresh and delete, each through the kind's store or use case; the 201 answer of an add.
struct MediaResource<View: Encodable>: Sendable {
    typealias Update = @Sendable (AppDatabase, Int64, _ monitored: Bool?, _ qualityLimit: String?) throws -> Void
    typealias Delete = @Sendable (AppDatabase, Int64, _ removingFiles: Bool, _ userID: Int64?) throws -> [String]

    let qualities: MediaRules.Qualities
    let view: @Sendable (RequestContext, Int64) throws -> View
    let refresh: @Sendable (RequestContext, Int64) throws -> Void
    let write: Update
    let delete: Delete

    func show(_ ctx: RequestContext) throws -> HTTPResponse {
        try answer(try view(ctx, try ctx.intParam("id")))
    }

    func update(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let body = try ctx.decodeBody(MediaRules.UpdateBody.self)
        try write(ctx.app.database, id, body.monitored, try qualities.check(body.quality_limit))
        return try answer(try view(ctx, id))
    }

    func refreshed(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        try refresh(ctx, id)
        return try answer(try view(ctx, id))
    }

    func created(_ ctx: RequestContext, _ id: Int64) throws -> HTTPResponse {
        try answer(try view(ctx, id), status: 201)
    }

    /// A view that writes itself (a show with its episodes) skips JSONEncoder; the bytes are the same.
    private func answer(_ value: View, status: Int = 200) throws -> HTTPResponse {
        if let writable = value as? any JSONWritable { return .json(writing: writable, status: status) }
        return try .json(value, status: status)
    }

    /// DELETE: the rows (children cascade) and the activity entry in one transaction, then, with
    /// `?delete_files=true`, the files those rows pointed at (LibraryFiles: only inside the library
    /// mounts). The answer lists what was removed and refused.
    func deleted(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let removeFiles = try MediaRules.deleteFiles(ctx)
        let paths = try delete(ctx.app.database, id, removeFiles, try ctx.caller.id)
        guard removeFiles else { return try .success() }
        let report = LibraryFiles(mounts: ctx.app.config.storage.mounts).remove(paths)
        return try .json(DeleteAnswer(success: true, deleted_files: report.removed, refused_files: report.refused))
    }

    struct DeleteAnswer: Encodable {
        let success: Bool
        let deleted_files: [String]
        let refused_files: [LibraryFiles.Refusal]
    }
}
