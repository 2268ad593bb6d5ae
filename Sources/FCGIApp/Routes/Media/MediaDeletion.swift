import GRDB
import Core
import Library
import Persistence

/// DELETE of a movie, show, artist or album: the rows (children cascade) and an activity entry in
/// one transaction, then, with `?delete_files=true`, the files those rows pointed at
/// (LibraryFiles: only inside the library mounts). The answer lists what was removed and refused.
struct MediaDeletion {
    let kind: MediaKind
    let nameColumn: String
    let filesSQL: String        // selects the file paths of the item and its children; one `?` = id
    let activity: ActivityType

    struct Answer: Encodable {
        let success: Bool
        let deleted_files: [String]
        let refused_files: [LibraryFiles.Refusal]
    }

    func handle(_ ctx: RequestContext) throws -> HTTPResponse {
        let id = try ctx.intParam("id")
        let removeFiles = try MediaRules.deleteFiles(ctx)
        let userID = try ctx.caller.id
        let paths: [String] = try ctx.app.db.write { db in
            guard let name = try String.fetchOne(db, sql: "SELECT \(nameColumn) FROM \(kind.table) WHERE id = ?", arguments: [id]) else {
                throw DomainError.notFound(kind, id: id)
            }
            let paths = try String.fetchAll(db, sql: filesSQL, arguments: [id])
            try db.execute(sql: "DELETE FROM \(kind.table) WHERE id = ?", arguments: [id])
            let suffix = removeFiles ? " and its files" : ""
            try ActivityLog.record(db, activity, "Deleted \(kind.label) \(name)\(suffix)", media: MediaReference(type: kind, id: id), userID: userID)
            return paths
        }
        guard removeFiles else { return try .success() }
        let report = LibraryFiles(mounts: ctx.app.config.storage.mounts).remove(paths)
        return try .json(Answer(success: true, deleted_files: report.removed, refused_files: report.refused))
    }
}
