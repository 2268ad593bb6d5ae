import Foundation
import GRDB
import Core
import Releases

/// Ranked search results kept in SQLite for a while, so the `release_id` a search returned can
/// be downloaded through any responder (they share nothing but the database).
public enum ReleaseCache {
    /// How long a release_id stays valid after the search that produced it.
    public static let lifetime: TimeInterval = 6 * 3600

    /// Stores releases and returns their ids, in the same order. Expired entries go at the same time.
    public static func store(_ db: Database, _ releases: [RankedRelease], mediaType: String? = nil, mediaId: Int64? = nil,
                             now: Date = Date()) throws -> [String] {
        try purge(db, now: now)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let expires = SQLiteTime.format(now.addingTimeInterval(lifetime))
        return try releases.map { release in
            let id = newID()
            let payload = String(decoding: try encoder.encode(release), as: UTF8.self)
            try db.execute(sql: "INSERT INTO release_cache (id, payload, media_type, media_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, payload, mediaType, mediaId, SQLiteTime.format(now), expires])
            return id
        }
    }

    /// The release behind an id, if it has not expired.
    public static func fetch(_ db: Database, id: String, now: Date = Date()) throws -> RankedRelease? {
        guard let row = try Row.fetchOne(db, sql: "SELECT payload FROM release_cache WHERE id = ? AND expires_at > ?",
                                         arguments: [id, SQLiteTime.format(now)]) else { return nil }
        return try JSONDecoder().decode(RankedRelease.self, from: Data((row["payload"] as String).utf8))
    }

    public enum Lookup {
        case found(RankedRelease, mediaType: String?, mediaId: Int64?)
        /// Still stored, but older than `lifetime`.
        case expired
        /// Never issued, or expired and purged since.
        case unknown
    }

    /// The release behind an id, telling an expired id from an unknown one while its row remains.
    public static func lookup(_ db: Database, id: String, now: Date = Date()) throws -> Lookup {
        guard let row = try Row.fetchOne(db, sql: "SELECT payload, media_type, media_id, expires_at FROM release_cache WHERE id = ?",
                                         arguments: [id]) else { return .unknown }
        guard (row["expires_at"] as String) > SQLiteTime.format(now) else { return .expired }
        let release = try JSONDecoder().decode(RankedRelease.self, from: Data((row["payload"] as String).utf8))
        return .found(release, mediaType: row["media_type"], mediaId: row["media_id"])
    }

    public static func purge(_ db: Database, now: Date = Date()) throws {
        try db.execute(sql: "DELETE FROM release_cache WHERE expires_at <= ?", arguments: [SQLiteTime.format(now)])
    }

    /// 128 random bits as hex: unguessable, so ids cannot be enumerated.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
