/// MusicBrainz ws/2 JSON answers (https://musicbrainz.org/doc/MusicBrainz_API), only the fields
/// LCARS uses. MusicBrainz spells keys with hyphens.

public struct MBLifeSpan: Decodable, Sendable {
    public let begin: String?
    public let end: String?
}

public struct MBArtist: Decodable, Sendable {
    public let id: String
    public let name: String
    public let sortName: String?
    public let disambiguation: String?
    public let type: String?
    public let country: String?
    public let lifeSpan: MBLifeSpan?
    public let score: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, disambiguation, type, country, score
        case sortName = "sort-name"
        case lifeSpan = "life-span"
    }
}

public struct MBArtistRef: Decodable, Sendable {
    public let id: String
    public let name: String
}

public struct MBArtistCredit: Decodable, Sendable {
    public let name: String
    public let joinphrase: String?
    public let artist: MBArtistRef
}

public struct MBReleaseGroup: Decodable, Sendable {
    public let id: String
    public let title: String
    public let primaryType: String?
    public let secondaryTypes: [String]?
    public let firstReleaseDate: String?
    public let artistCredit: [MBArtistCredit]?
    public let score: Int?

    enum CodingKeys: String, CodingKey {
        case id, title, score
        case primaryType = "primary-type"
        case secondaryTypes = "secondary-types"
        case firstReleaseDate = "first-release-date"
        case artistCredit = "artist-credit"
    }
}

public struct MBRecordingRef: Decodable, Sendable {
    public let id: String
}

public struct MBTrack: Decodable, Sendable {
    public let id: String
    public let position: Int
    public let title: String
    public let length: Int?
    public let recording: MBRecordingRef?
}

public struct MBMedium: Decodable, Sendable {
    public let position: Int?
    public let format: String?
    public let trackCount: Int
    public let tracks: [MBTrack]?

    enum CodingKeys: String, CodingKey {
        case position, format, tracks
        case trackCount = "track-count"
    }
}

public struct MBRelease: Decodable, Sendable {
    public let id: String
    public let title: String
    public let status: String?
    public let date: String?
    public let country: String?
    public let media: [MBMedium]?

    public var trackCount: Int { (media ?? []).reduce(0) { $0 + $1.trackCount } }
}

struct MBArtistSearch: Decodable { let artists: [MBArtist] }

struct MBReleaseGroupSearch: Decodable {
    let releaseGroups: [MBReleaseGroup]
    enum CodingKeys: String, CodingKey { case releaseGroups = "release-groups" }
}

struct MBReleaseGroupBrowse: Decodable {
    let count: Int
    let releaseGroups: [MBReleaseGroup]
    enum CodingKeys: String, CodingKey {
        case count = "release-group-count"
        case releaseGroups = "release-groups"
    }
}

struct MBReleaseBrowse: Decodable {
    let count: Int
    let releases: [MBRelease]
    enum CodingKeys: String, CodingKey {
        case count = "release-count"
        case releases
    }
}

/// Cover Art Archive index (https://musicbrainz.org/doc/Cover_Art_Archive/API).
struct CAAIndex: Decodable {
    struct Image: Decodable {
        let front: Bool?
        let image: String?
        let thumbnails: [String: String]?
    }
    let images: [Image]
}
