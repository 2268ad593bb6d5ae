import Foundation
import GRDB
import Core

/// Post-processing's reads and writes of library items: what a finished download is for,
/// `processing` while its files are placed, then file paths and `available` (or `partial`).
/// Every status move goes through `MediaStatus.transition`, one step at a time.
extension MediaStatusStore {
    /// The item a download is linked to, with what naming and file matching need; 404 when gone.
    public func importSubject(for link: MediaReference) throws -> ImportSubject {
        try pool.read { db in
            switch link.type {
            case .movie: return .movie(try ImportSubjectRows.movie(db, link.id))
            case .episode: return try ImportSubjectRows.episodes(db, linkedEpisode: link.id)
            case .album: return try ImportSubjectRows.album(db, albumID: link.id, onlyTrack: nil)
            case .track: return try ImportSubjectRows.album(db, albumID: try ImportSubjectRows.albumOf(track: link.id, db), onlyTrack: link.id)
            case .tv, .artist: throw DomainError.badRequest("a download cannot be imported for a \(link.type.label)")
            }
        }
    }

    /// The linked item is being placed: `processing` (from `downloading`, or further back through
    /// the allowed moves, e.g. a manual download linked to a missing item). Returns the change.
    public func markProcessing(_ link: MediaReference) throws -> MediaStatusChange? {
        try pool.write { db in
            let from = try Self.status(of: link, in: db)
            guard from != .processing else { return nil }
            try Self.walk(link, from: from, to: .processing, in: db)
            return MediaStatusChange(media: link, status: .processing, filePath: nil)
        }
    }

    /// Records a finished placement in one transaction: each placed item gets its file and becomes
    /// `available`; an album `available` when all its tracks have files, else `partial`; an
    /// `imported` activity row per movie or episode (one per album) naming the path.
    public func recordImport(_ placed: [PlacedMedia], link: MediaReference, downloadID: Int64,
                             note: String?) throws -> [MediaStatusChange] {
        try pool.write { db in
            var changes: [MediaStatusChange] = []
            for item in placed {
                try Self.setFile(item, in: db)
                try Self.walk(item.media, from: try Self.status(of: item.media, in: db), to: .available, in: db)
                changes.append(MediaStatusChange(media: item.media, status: .available, filePath: item.path))
                if item.media.type != .track {
                    try ActivityLog.record(db, .mediaImported, "Imported \(Self.name(item.media)) to \(item.path) (\(item.summary))",
                                           media: item.media, downloadID: downloadID, userID: nil)
                }
            }
            if let albumID = try Self.albumID(link, placed, db) {
                changes.append(try Self.settleAlbum(albumID, placed: placed, downloadID: downloadID, note: note, in: db))
            }
            if link.type == .episode { changes += try Self.releaseUnfilledPackEpisodes(of: link, placed: placed, downloadID: downloadID, in: db) }
            return changes
        }
    }

    /// A season pack's episodes that search moved to `downloading` along with it but whose file it
    /// did not hold go back to `missing`, so the next `search_missing` run looks for them again.
    static func releaseUnfilledPackEpisodes(of link: MediaReference, placed: [PlacedMedia], downloadID: Int64,
                                            in db: Database) throws -> [MediaStatusChange] {
        let filled = Set(placed.map(\.media))
        return try packSiblings(db, of: link.id).filter { !filled.contains($0) }.map { episode in
            try walk(episode, from: .downloading, to: .missing, in: db)
            try ActivityLog.record(db, .mediaImported, "\(name(episode)) was not in the season pack: missing again", media: episode,
                                   downloadID: downloadID, userID: nil)
            return MediaStatusChange(media: episode, status: .missing, filePath: nil)
        }
    }

    /// Puts a `processing` item back where a failed placement leaves it when the download row
    /// itself can no longer fail (its torrent already finished): `missing`.
    public func markImportAbandoned(_ link: MediaReference, reason: String, downloadID: Int64) throws -> MediaStatusChange? {
        try pool.write { db in
            guard try Self.status(of: link, in: db) == .processing else { return nil }
            try Self.walk(link, from: .processing, to: .missing, in: db)
            try ActivityLog.record(db, .downloadFailed, "Import of \(Self.name(link)) failed: \(reason)", media: link,
                                   downloadID: downloadID, userID: nil)
            return MediaStatusChange(media: link, status: .missing, filePath: nil)
        }
    }

    // MARK: inside the transaction

    static func setFile(_ item: PlacedMedia, in db: Database) throws {
        if item.media.type == .track {
            try db.execute(sql: """
                UPDATE tracks SET file_path = ?, file_size = ?, audio_format = COALESCE(?, audio_format),
                       bitrate = COALESCE(?, bitrate), sample_rate = COALESCE(?, sample_rate), updated_at = datetime('now') WHERE id = ?
                """, arguments: [item.path, item.size, item.audioFormat, item.bitRateKbps, item.sampleRate, item.media.id])
        } else {
            try db.execute(sql: "UPDATE \(item.media.table) SET file_path = ?, file_size = ?, media_info = ?, updated_at = datetime('now') WHERE id = ?",
                           arguments: [item.path, item.size, item.fileInfo?.json, item.media.id])
        }
        guard db.changesCount > 0 else { throw DomainError.notFound(item.media.type, id: item.media.id) }
    }

    /// Moves an item from `from` to `to` along the shortest chain of allowed moves, each one
    /// checked by `MediaStatus.transition` (missing → downloading → processing → available).
    static func walk(_ media: MediaReference, from: MediaStatus, to: MediaStatus, in db: Database) throws {
        var current = from
        for step in path(from: from, to: to) {
            current = try current.transition(to: step, of: name(media))
        }
        _ = try current.transition(to: to, of: name(media))   // no path: the conflict naming both states
        try db.execute(sql: "UPDATE \(media.table) SET status = ?, updated_at = datetime('now') WHERE id = ?",
                       arguments: [to.rawValue, media.id])
    }

    /// The statuses after `from` on the shortest way to `to` (empty when there is none).
    static func path(from: MediaStatus, to: MediaStatus) -> [MediaStatus] {
        var previous: [MediaStatus: MediaStatus] = [:]
        var queue = [from]
        while !queue.isEmpty {
            let status = queue.removeFirst()
            if status == to { break }
            for next in status.allowedNext.sorted(by: { $0.rawValue < $1.rawValue }) where previous[next] == nil && next != from {
                previous[next] = status
                queue.append(next)
            }
        }
        guard from != to, previous[to] != nil else { return [] }
        var steps: [MediaStatus] = [to]
        while let before = previous[steps[0]], before != from { steps.insert(before, at: 0) }
        return steps
    }

    static func albumID(_ link: MediaReference, _ placed: [PlacedMedia], _ db: Database) throws -> Int64? {
        switch link.type {
        case .album: return link.id
        case .track: return try Int64.fetchOne(db, sql: "SELECT album_id FROM tracks WHERE id = ?", arguments: [link.id])
        default: return nil
        }
    }

    /// The album after its tracks were placed: `available` when every track has a file,
    /// `partial` when some do; one `imported` activity row with the folder and what is missing.
    static func settleAlbum(_ albumID: Int64, placed: [PlacedMedia], downloadID: Int64, note: String?,
                            in db: Database) throws -> MediaStatusChange {
        let album = MediaReference(type: .album, id: albumID)
        let counts = try Row.fetchOne(db, sql: "SELECT COUNT(*), COUNT(file_path) FROM tracks WHERE album_id = ?", arguments: [albumID])
        let total: Int = counts?[0] ?? 0, withFiles: Int = counts?[1] ?? 0
        let status: MediaStatus = withFiles == total && total > 0 ? .available : .partial
        let current = try Self.status(of: album, in: db)
        if current != status {
            if current != .processing { try walk(album, from: current, to: .processing, in: db) }
            try walk(album, from: .processing, to: status, in: db)
        }
        let folder = placed.first.map { ($0.path as NSString).deletingLastPathComponent } ?? "-"
        let message = "Imported \(placed.count) tracks of album \(albumID) to \(folder); \(withFiles) of \(total) tracks available"
            + (note.map { "; \($0)" } ?? "")
        try ActivityLog.record(db, .mediaImported, message, media: album, downloadID: downloadID, userID: nil)
        return MediaStatusChange(media: album, status: status, filePath: nil)
    }
}
