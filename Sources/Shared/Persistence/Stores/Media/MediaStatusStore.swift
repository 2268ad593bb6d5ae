import Foundation
import GRDB
import Core

/// Moves a library item's `status` when a release is grabbed for it. Every move goes through
/// `MediaStatus.transition(to:of:)` inside the write, so an illegal one (processing → downloading)
/// throws the conflict naming both states and writes nothing.
public struct MediaStatusStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// The item's status; 404 ("no movie with id 5") when there is no such item.
    public func status(of media: MediaReference) throws -> MediaStatus {
        try pool.read { try Self.status(of: media, in: $0) }
    }

    /// Checks, without writing, that a grab may move the item to `downloading`: asked before lcarsd
    /// adds the torrent, so a refused move leaves no download behind.
    public func checkGrabbable(_ media: MediaReference) throws {
        _ = try status(of: media).transition(to: .downloading, of: Self.name(media))
    }

    /// A release was handed to lcarsd for the item: its status becomes `downloading` and a
    /// `release_grabbed` activity row names the item, the download and the user — one transaction.
    @discardableResult
    public func markGrabbed(_ media: MediaReference, download downloadID: Int64?, title: String, userID: Int64?) throws -> MediaStatus {
        try pool.write { db in
            let next = try Self.status(of: media, in: db).transition(to: .downloading, of: Self.name(media))
            try db.execute(sql: "UPDATE \(media.table) SET status = ?, updated_at = datetime('now') WHERE id = ?",
                           arguments: [next.rawValue, media.id])
            try ActivityLog.record(db, .releaseGrabbed, "grabbed \(title) for \(Self.name(media))", media: media,
                                   downloadID: downloadID, userID: userID)
            return next
        }
    }

    static func status(of media: MediaReference, in db: Database) throws -> MediaStatus {
        guard let raw = try String.fetchOne(db, sql: "SELECT status FROM \(media.table) WHERE id = ?", arguments: [media.id]) else {
            throw DomainError.notFound(media.type, id: media.id)
        }
        guard let status = MediaStatus(rawValue: raw) else {
            throw DomainError.conflict("\(name(media)) has the unknown status \"\(raw)\"", code: "invalid_transition")
        }
        return status
    }

    static func name(_ media: MediaReference) -> String { "\(media.type.label) \(media.id)" }
}

extension AppDatabase {
    public var mediaStatus: MediaStatusStore { MediaStatusStore(pool: pool) }
}
