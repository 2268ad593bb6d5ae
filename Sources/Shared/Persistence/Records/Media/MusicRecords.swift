import GRDB
import Core

/// A row of `artists`.
public struct ArtistRecord: Sendable, Equatable {
    public let id: Int64, mbid: String, name: String
    public let sortName: String?, disambiguation: String?, artistType: String?, country: String?
    public let beginDate: String?, endDate: String?, overview: String?, imagePath: String?
    public let monitored: Bool, qualityLimit: String
    public let addedAt: String
}

extension ArtistRecord: PositionalRecord {
    static let columns = ["id", "mbid", "name", "sort_name", "disambiguation", "artist_type", "country", "begin_date",
                          "end_date", "overview", "image_path", "monitored", "quality_limit", "added_at"]

    init(row r: Row) {
        id = r[0]; mbid = r[1]; name = r[2]; sortName = r[3]; disambiguation = r[4]; artistType = r[5]; country = r[6]
        beginDate = r[7]; endDate = r[8]; overview = r[9]; imagePath = r[10]; monitored = r[11]
        qualityLimit = r[12] ?? MusicQuality.defaultLimit.rawValue; addedAt = r[13]
    }
}

/// A row of `albums` (a MusicBrainz release group).
public struct AlbumRecord: Sendable, Equatable {
    public let id: Int64, mbid: String, artistID: Int64
    public let title: String, albumType: String?, releaseDate: String?, overview: String?, coverPath: String?
    public let totalTracks: Int?, status: MediaStatus, monitored: Bool, qualityLimit: String
    /// The release whose tracklist the album shows; nil until its tracks were loaded.
    public let releaseMBID: String?
    public let addedAt: String
}

extension AlbumRecord: PositionalRecord {
    static let columns = ["id", "mbid", "artist_id", "title", "album_type", "release_date", "overview", "cover_path",
                          "total_tracks", "status", "monitored", "quality_limit", "release_mbid", "added_at"]

    init(row r: Row) {
        id = r[0]; mbid = r[1]; artistID = r[2]; title = r[3]; albumType = r[4]; releaseDate = r[5]; overview = r[6]
        coverPath = r[7]; totalTracks = r[8]; status = MediaStatus(rawValue: r[9]) ?? .missing; monitored = r[10]
        qualityLimit = r[11] ?? MusicQuality.defaultLimit.rawValue
        let release: String? = r[12]
        releaseMBID = release?.isEmpty == false ? release : nil   // "" = loaded, no release found
        addedAt = r[13]
    }
}

/// A row of `tracks`.
public struct TrackRecord: Sendable, Equatable {
    public let id: Int64, mbid: String?, albumID: Int64, artistID: Int64?
    public let title: String, trackNumber: Int, discNumber: Int, durationMs: Int?
    public let status: MediaStatus, monitored: Bool, filePath: String?, fileSize: Int64?
    public let audioFormat: String?, bitrate: Int?, sampleRate: Int?, bitDepth: Int?
}

extension TrackRecord: PositionalRecord {
    static let columns = ["id", "mbid", "album_id", "artist_id", "title", "track_number", "disc_number", "duration_ms",
                          "status", "monitored", "file_path", "file_size", "audio_format", "bitrate", "sample_rate", "bit_depth"]

    init(row r: Row) {
        id = r[0]; mbid = r[1]; albumID = r[2]; artistID = r[3]; title = r[4]; trackNumber = r[5]; discNumber = r[6] ?? 1
        durationMs = r[7]; status = MediaStatus(rawValue: r[8]) ?? .missing; monitored = r[9]; filePath = r[10]
        fileSize = r[11]; audioFormat = r[12]; bitrate = r[13]; sampleRate = r[14]; bitDepth = r[15]
    }
}
