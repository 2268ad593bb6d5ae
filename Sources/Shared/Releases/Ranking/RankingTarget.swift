import Foundation
import Core

/// What a search is for, and the user's rules for it: the quality ceiling (spec: Quality
/// Limiting), the minimum seeders, the runtime used to judge sizes, and the blocklist.
public struct RankingTarget: Sendable {
    public enum Kind: String, Sendable, Codable {
        case movie, episode, season, album, track
        var isMusic: Bool { self == .album || self == .track }
    }

    public var kind: Kind
    /// Movie or show title; for music, the album (or track) title.
    public var title: String?
    /// Other names the media is known by (original title, translations).
    public var alternateTitles: [String] = []
    public var year: Int?
    public var season: Int?
    public var episode: Int?
    public var artist: String?
    public var videoLimit: VideoQuality = .p1080
    public var musicLimit: MusicQuality = .flac
    public var minSeeders = 1
    /// Minutes of video or audio the release should hold; defaults per kind when nil.
    public var runtimeMinutes: Int?
    /// Lower-case info hashes and exact release titles that must never be grabbed again.
    public var blockedHashes: Set<String> = []
    public var blockedTitles: Set<String> = []

    public init(kind: Kind, title: String? = nil, year: Int? = nil, season: Int? = nil, episode: Int? = nil, artist: String? = nil) {
        self.kind = kind
        self.title = title
        self.year = year
        self.season = season
        self.episode = episode
        self.artist = artist
    }
}
