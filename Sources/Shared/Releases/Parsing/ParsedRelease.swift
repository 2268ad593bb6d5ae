import Foundation
import Core

/// Where the video came from (spec: Source). CAM, telesync and telecine are all `cam`;
/// `ParsedRelease.sourceTag` keeps which one it was, and `remux` marks untouched disc copies.
public enum VideoSource: String, Codable, Sendable, CaseIterable {
    case bluray, webdl, webrip, hdtv, dvd, cam, unknown
}

/// Audio container/codec of a music release.
public enum AudioFormat: String, Codable, Sendable, CaseIterable {
    case flac, alac, mp3, aac, ogg, opus, wav, ape, wavpack, dsd, wma
}

/// What kind of release a name describes, as far as the name tells.
public enum ReleaseKind: String, Codable, Sendable {
    case movie, episode, season, music
}

/// Everything the release-name parser reads from a name (spec: ParsedRelease, plus the details
/// the issue asks for). Encoded snake_case with every key present (null when unknown), so a
/// troubleshooting user sees what was *not* recognised as well as what was.
public struct ParsedRelease: Sendable, Equatable {
    public var title = ""
    public var year: Int?
    public var kind: ReleaseKind = .movie

    // Episodes
    public var season: Int?
    public var episode: Int?
    public var seasons: [Int] = []
    public var episodes: [Int] = []
    public var absoluteEpisodes: [Int] = []
    public var airDate: String?
    public var fullSeason = false
    public var complete = false

    // Video
    public var quality: VideoQuality = .unknown
    public var resolution: String?
    public var source: VideoSource = .unknown
    public var sourceTag: String?
    public var remux = false
    public var codec: String?
    public var audio: String?
    public var audioChannels: String?
    public var hdr: [String] = []
    public var edition: String?
    public var languages: [String] = []
    public var streamingService: String?
    public var group: String?
    public var proper = false
    public var repack = false
    public var real = false
    public var version: Int?

    // Music
    public var artist: String?
    public var album: String?
    public var audioFormat: AudioFormat?
    public var bitrate: Int?
    public var vbrPreset: String?
    public var sampleRate: Int?
    public var bitDepth: Int?
    public var musicSource: String?
    public var discography = false

    public init() {}
}

extension ParsedRelease: Codable {
    enum CodingKeys: String, CodingKey {
        case title, year, kind, season, episode, seasons, episodes
        case absoluteEpisodes = "absolute_episodes", airDate = "air_date", fullSeason = "full_season", complete
        case quality, resolution, source, sourceTag = "source_tag", remux, codec, audio
        case audioChannels = "audio_channels", hdr, edition, languages, streamingService = "streaming_service"
        case group, proper, repack, real, version, artist, album, audioFormat = "audio_format", bitrate
        case vbrPreset = "vbr_preset", sampleRate = "sample_rate", bitDepth = "bit_depth"
        case musicSource = "music_source", discography
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        kind = try c.decodeIfPresent(ReleaseKind.self, forKey: .kind) ?? .movie
        season = try c.decodeIfPresent(Int.self, forKey: .season)
        episode = try c.decodeIfPresent(Int.self, forKey: .episode)
        seasons = try c.decodeIfPresent([Int].self, forKey: .seasons) ?? []
        episodes = try c.decodeIfPresent([Int].self, forKey: .episodes) ?? []
        absoluteEpisodes = try c.decodeIfPresent([Int].self, forKey: .absoluteEpisodes) ?? []
        airDate = try c.decodeIfPresent(String.self, forKey: .airDate)
        fullSeason = try c.decodeIfPresent(Bool.self, forKey: .fullSeason) ?? false
        complete = try c.decodeIfPresent(Bool.self, forKey: .complete) ?? false
        quality = try c.decodeIfPresent(VideoQuality.self, forKey: .quality) ?? .unknown
        resolution = try c.decodeIfPresent(String.self, forKey: .resolution)
        source = try c.decodeIfPresent(VideoSource.self, forKey: .source) ?? .unknown
        sourceTag = try c.decodeIfPresent(String.self, forKey: .sourceTag)
        remux = try c.decodeIfPresent(Bool.self, forKey: .remux) ?? false
        codec = try c.decodeIfPresent(String.self, forKey: .codec)
        audio = try c.decodeIfPresent(String.self, forKey: .audio)
        audioChannels = try c.decodeIfPresent(String.self, forKey: .audioChannels)
        hdr = try c.decodeIfPresent([String].self, forKey: .hdr) ?? []
        edition = try c.decodeIfPresent(String.self, forKey: .edition)
        languages = try c.decodeIfPresent([String].self, forKey: .languages) ?? []
        streamingService = try c.decodeIfPresent(String.self, forKey: .streamingService)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        proper = try c.decodeIfPresent(Bool.self, forKey: .proper) ?? false
        repack = try c.decodeIfPresent(Bool.self, forKey: .repack) ?? false
        real = try c.decodeIfPresent(Bool.self, forKey: .real) ?? false
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        artist = try c.decodeIfPresent(String.self, forKey: .artist)
        album = try c.decodeIfPresent(String.self, forKey: .album)
        audioFormat = try c.decodeIfPresent(AudioFormat.self, forKey: .audioFormat)
        bitrate = try c.decodeIfPresent(Int.self, forKey: .bitrate)
        vbrPreset = try c.decodeIfPresent(String.self, forKey: .vbrPreset)
        sampleRate = try c.decodeIfPresent(Int.self, forKey: .sampleRate)
        bitDepth = try c.decodeIfPresent(Int.self, forKey: .bitDepth)
        musicSource = try c.decodeIfPresent(String.self, forKey: .musicSource)
        discography = try c.decodeIfPresent(Bool.self, forKey: .discography) ?? false
    }

    /// Every key is written, null included: "not recognised" is part of the answer.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(year, forKey: .year)
        try c.encode(kind, forKey: .kind)
        try c.encode(season, forKey: .season)
        try c.encode(episode, forKey: .episode)
        try c.encode(seasons, forKey: .seasons)
        try c.encode(episodes, forKey: .episodes)
        try c.encode(absoluteEpisodes, forKey: .absoluteEpisodes)
        try c.encode(airDate, forKey: .airDate)
        try c.encode(fullSeason, forKey: .fullSeason)
        try c.encode(complete, forKey: .complete)
        try c.encode(quality, forKey: .quality)
        try c.encode(resolution, forKey: .resolution)
        try c.encode(source, forKey: .source)
        try c.encode(sourceTag, forKey: .sourceTag)
        try c.encode(remux, forKey: .remux)
        try c.encode(codec, forKey: .codec)
        try c.encode(audio, forKey: .audio)
        try c.encode(audioChannels, forKey: .audioChannels)
        try c.encode(hdr, forKey: .hdr)
        try c.encode(edition, forKey: .edition)
        try c.encode(languages, forKey: .languages)
        try c.encode(streamingService, forKey: .streamingService)
        try c.encode(group, forKey: .group)
        try c.encode(proper, forKey: .proper)
        try c.encode(repack, forKey: .repack)
        try c.encode(real, forKey: .real)
        try c.encode(version, forKey: .version)
        try c.encode(artist, forKey: .artist)
        try c.encode(album, forKey: .album)
        try c.encode(audioFormat, forKey: .audioFormat)
        try c.encode(bitrate, forKey: .bitrate)
        try c.encode(vbrPreset, forKey: .vbrPreset)
        try c.encode(sampleRate, forKey: .sampleRate)
        try c.encode(bitDepth, forKey: .bitDepth)
        try c.encode(musicSource, forKey: .musicSource)
        try c.encode(discography, forKey: .discography)
    }
}
