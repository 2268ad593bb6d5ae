import Foundation
import GRDB
import Core
import Releases

/// The owner of `release_cache`: ranked search results kept in SQLite for a while, so the
/// `release_id` a search returned can be downloaded through any responder (they share nothing
/// but the database).
public struct ReleaseCacheStore: Sendable {
    let pool: DatabasePool

    public init(pool: DatabasePool) { self.pool = pool }

    /// How long a release_id stays valid after the search that produced it.
    public static let lifetime: TimeInterval = 6 * 3600

    public enum Lookup: Sendable {
        case found(RankedRelease, media: MediaReference?)
        /// Still stored, but older than `lifetime`.
        case expired
        /// Never issued, or expired and purged since.
        case unknown
    }

    /// Keeps a search's releases and returns their ids, in the same order; expired entries go in
    /// the same transaction.
    public func remember(_ releases: [RankedRelease], foundFor media: MediaReference? = nil, now: Date = Date()) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let payloads = try releases.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let created = SQLiteTime.format(now), expires = SQLiteTime.format(now.addingTimeInterval(Self.lifetime))
        return try pool.write { db in
            try Self.purge(db, now: now)
            return try payloads.map { payload in
                let id = Self.newID()
                try db.execute(sql: "INSERT INTO release_cache (id, payload, media_type, media_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, payload, media?.type.rawValue, media?.id, created, expires])
                return id
            }
        }
    }

    /// The release behind an id, telling an expired id from an unknown one while its row remains.
    public func lookup(id: String, now: Date = Date()) throws -> Lookup {
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT payload, media_type, media_id, expires_at FROM release_cache WHERE id = ?", arguments: [id])
        }
        guard let row else { return .unknown }
        guard (row[3] as String) > SQLiteTime.format(now) else { return .expired }
        let release = try JSONDecoder().decode(RankedRelease.self, from: Data((row[0] as String).utf8))
        let kind = (row[1] as String?).flatMap(MediaKind.init(rawValue:))
        return .found(release, media: kind.flatMap { kind in (row[2] as Int64?).map { MediaReference(type: kind, id: $0) } })
    }

    /// Drops every entry past its expiry.
    public func purgeExpired(now: Date = Date()) throws {
        try pool.write { try Self.purge($0, now: now) }
    }

    static func purge(_ db: Database, now: Date) throws {
        try db.execute(sql: "DELETE FROM release_cache WHERE expires_at <= ?", arguments: [SQLiteTime.format(now)])
    }

    /// 128 random bits as hex: unguessable, so ids cannot be enumerated.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

extension AppDatabase {
    public var releaseCache: ReleaseCacheStore { ReleaseCacheStore(pool: pool) }
}
