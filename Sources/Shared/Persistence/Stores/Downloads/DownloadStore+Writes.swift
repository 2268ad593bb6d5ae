import Foundation
import GRDB
import Core

/// lcarsd's writes to `downloads`, named after what happened. Each is one transaction with its
/// activity row (pause and resume have no activity type and write none); a status change goes
/// through `DownloadStatus.transition` inside the transaction, so an illegal move throws and
/// writes nothing.
extension DownloadStore {
    /// A new download (status `queued`, or `paused` by the VPN), with its `download_added` line.
    public func recordAdded(_ record: DownloadRecord, by userID: Int64? = nil) throws -> DownloadRecord {
        try pool.write { db in
            var record = record
            try record.insert(db)
            try Self.log(db, DownloadActivity(.downloadAdded, "Added download \(record.name)", record), userID: userID)
            return record
        }
    }

    /// Paused by the user, or held by the kill switch (`note` says why the VPN is down).
    @discardableResult
    public func markPaused(_ id: Int64, by reason: PauseReason, note: String? = nil) throws -> DownloadRecord {
        try change(id) { try $0.pause(by: reason, note: note) }
    }

    /// Back to `queued` after a user resume or the VPN coming back.
    @discardableResult
    public func markResumed(_ id: Int64) throws -> DownloadRecord {
        try change(id) { try $0.requeue() }
    }

    /// The kill switch: every row in `ids` held (`paused` by vpn) in one transaction.
    public func markPaused(_ ids: [Int64], by reason: PauseReason, note: String? = nil) throws -> [DownloadRecord] {
        try changeAll(ids) { try $0.pause(by: reason, note: note) }
    }

    /// The VPN came back: every row in `ids` back to `queued` in one transaction.
    public func markResumed(_ ids: [Int64]) throws -> [DownloadRecord] {
        try changeAll(ids) { try $0.requeue() }
    }

    /// Failed for `reason` (a torrent error, a stall, a restart that libtorrent refused, a rejection
    /// by post-processing): with its `download_failed` line, and its release blocklisted and its item
    /// back to missing (`recordFailure`) — one transaction.
    @discardableResult
    public func markFailed(_ id: Int64, reason: String) throws -> DownloadRecord {
        try change(id, logging: { DownloadActivity(.downloadFailed, "\($0.name) failed: \(reason)", $0) }) { record in
            try record.fail(reason: reason)
        } then: { db, record in
            try Self.recordFailure(db, record, reason: reason)
        }
    }

    /// A failed download back in the session: `queued`, or held (`paused` by vpn) while the VPN is
    /// down — it goes through `queued` to get there, both moves checked. Retrying is on purpose: the
    /// release comes off the blocklist and its item is linked to it again (→ downloading).
    @discardableResult
    public func markRetried(_ id: Int64, heldBy vpnNote: String? = nil) throws -> DownloadRecord {
        try change(id, logging: { DownloadActivity(.downloadRetried, "Retrying \($0.name)", $0) }) { record in
            guard record.status == .failed else {
                throw DomainError.conflict("\(record.label) is \(record.status.rawValue); only failed downloads can be retried")
            }
            try record.requeue()
            if let vpnNote { try record.pause(by: .vpn, note: vpnNote) }
        } then: { db, record in
            try BlocklistStore.unlist(db, infoHash: record.infoHash)
            if let media = record.media { try MediaStatusStore.relinked(db, media: media) }
        }
    }

    /// The row is gone, with its `download_removed` line (which keeps the download's id).
    public func recordRemoved(_ id: Int64, deletedFiles: Bool) throws {
        try pool.write { db in
            guard let record = try Self.fetch(db, id: id, withBlobs: false) else { throw Self.notFound(id) }
            _ = try DownloadRecord.deleteOne(db, key: id)
            let what = deletedFiles ? "Removed download \(record.name) and its files" : "Removed download \(record.name)"
            try Self.log(db, DownloadActivity(.downloadRemoved, what, record), userID: nil)
        }
    }

    /// The once-a-second sync: the live columns of every row that moved and the activity lines
    /// (completed, seeded, failed) in ONE transaction — one fsync per tick. Every status change is
    /// checked against the stored status; one illegal move rolls the whole tick back.
    public func saveTick(_ rows: [DownloadRecord], activity: [DownloadActivity] = []) throws {
        guard !rows.isEmpty || !activity.isEmpty else { return }
        try pool.write { db in
            let stored = try Self.statuses(db, ids: rows.compactMap(\.id))
            for row in rows {
                let before = stored[row.id ?? 0]
                if let before { _ = try before.transition(to: row.status, of: row.label) }
                try row.update(db, columns: Self.liveColumns)
                if row.status == .failed, before != .failed { try Self.recordFailure(db, row, reason: row.errorMessage ?? "failed") }
            }
            for line in activity { try Self.log(db, line, userID: nil) }
        }
    }

    /// libtorrent's resume data for a torrent (bookkeeping: no status change, no activity line).
    public func saveResumeData(infoHash: String, data: Data) throws {
        try pool.write { try $0.execute(sql: "UPDATE downloads SET resume_data = ? WHERE info_hash = ?", arguments: [data, infoHash]) }
    }

    // MARK: helpers

    /// Reads the row, applies `move` (which checks its transition), writes the live columns, the
    /// activity line `logging` gives and what `then` adds — all in one transaction.
    private func change(_ id: Int64, logging: ((DownloadRecord) -> DownloadActivity)? = nil,
                        _ move: (inout DownloadRecord) throws -> Void,
                        then: ((Database, DownloadRecord) throws -> Void)? = nil) throws -> DownloadRecord {
        try pool.write { db in
            guard var record = try Self.fetch(db, id: id, withBlobs: false) else { throw Self.notFound(id) }
            try move(&record)
            try record.update(db, columns: Self.liveColumns)
            if let line = logging?(record) { try Self.log(db, line, userID: nil) }
            try then?(db, record)
            return record
        }
    }

    /// What every failure brings, whichever path found it (the sync's stall check, a libtorrent
    /// error, post-processing): the release is blocklisted with the reason (a `blocklisted` line) so
    /// the next `search_missing` run grabs another, and the linked item goes back to missing.
    static func recordFailure(_ db: Database, _ record: DownloadRecord, reason: String) throws {
        if try BlocklistStore.listFailed(db, record, reason: reason) {
            try log(db, DownloadActivity(.blocklisted, "Blocklisted \(record.name): \(reason)", record), userID: nil)
        }
        if let media = record.media, let id = record.id { try MediaStatusStore.downloadFailed(db, media: media, downloadID: id) }
    }

    private func changeAll(_ ids: [Int64], _ move: (inout DownloadRecord) throws -> Void) throws -> [DownloadRecord] {
        guard !ids.isEmpty else { return [] }
        return try pool.write { db in
            try ids.map { id in
                guard var record = try Self.fetch(db, id: id, withBlobs: false) else { throw Self.notFound(id) }
                try move(&record)
                try record.update(db, columns: Self.liveColumns)
                return record
            }
        }
    }

    private static func statuses(_ db: Database, ids: [Int64]) throws -> [Int64: DownloadStatus] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, DownloadRecord.select(Column("id"), Column("status")).filter(ids.contains(Column("id"))))
        return Dictionary(rows.compactMap { row in DownloadStatus(rawValue: row[1]).map { (row[0] as Int64, $0) } },
                          uniquingKeysWith: { a, _ in a })
    }

    static func log(_ db: Database, _ line: DownloadActivity, userID: Int64?) throws {
        let record = line.download
        try ActivityLog.record(db, line.type, line.message, media: record.media, downloadID: record.id, userID: userID)
    }
}
