import Testing
@testable import Core
@testable import Releases

/// One row of the parser tables: a name and the fields it must parse to. Fields left nil are
/// not checked; the title is always checked.
struct ParserCase: CustomTestStringConvertible, Sendable {
    var name: String
    var title: String
    var year: Int?
    var season: Int?
    var episodes: [Int]?
    var absolute: [Int]?
    var seasons: [Int]?
    var airDate: String?
    var fullSeason: Bool?
    var quality: VideoQuality?
    var source: VideoSource?
    var codec: String?
    var audio: String?
    var channels: String?
    var group: String?
    var edition: String?
    var languages: [String]?
    var hdr: [String]?
    var proper: Bool?
    var repack: Bool?
    var remux: Bool?
    var artist: String?
    var album: String?
    var format: AudioFormat?
    var bitrate: Int?
    var vbr: String?
    var sampleRate: Int?
    var bitDepth: Int?
    var musicSource: String?
    var discography: Bool?
    var kind: ReleaseKind?
    var hint: ReleaseNameParser.Hint = .auto
    /// Assert that no year / no group was read.
    var noYear = false
    var noGroup = false

    var testDescription: String { name }

    func check() {
        let r = ReleaseNameParser.parse(name, hint: hint)
        #expect(r.title == title, "\(name)")
        expect(year, r.year, "year")
        expect(season, r.season, "season")
        expect(episodes, r.episodes, "episodes")
        expect(absolute, r.absoluteEpisodes, "absolute")
        expect(seasons, r.seasons, "seasons")
        expect(airDate, r.airDate, "air date")
        expect(fullSeason, r.fullSeason, "full season")
        expect(quality, r.quality, "quality")
        expect(source, r.source, "source")
        expect(codec, r.codec, "codec")
        expect(audio, r.audio, "audio")
        expect(channels, r.audioChannels, "channels")
        expect(group, r.group, "group")
        expect(edition, r.edition, "edition")
        expect(languages, r.languages, "languages")
        expect(hdr, r.hdr, "hdr")
        expect(proper, r.proper, "proper")
        expect(repack, r.repack, "repack")
        expect(remux, r.remux, "remux")
        expect(artist, r.artist, "artist")
        expect(album, r.album, "album")
        expect(format, r.audioFormat, "format")
        expect(bitrate, r.bitrate, "bitrate")
        expect(vbr, r.vbrPreset, "vbr")
        expect(sampleRate, r.sampleRate, "sample rate")
        expect(bitDepth, r.bitDepth, "bit depth")
        expect(musicSource, r.musicSource, "music source")
        expect(discography, r.discography, "discography")
        expect(kind, r.kind, "kind")
        if noYear { #expect(r.year == nil, "no year in \(name)") }
        if noGroup { #expect(r.group == nil, "no group in \(name)") }
    }

    private func expect<T: Equatable>(_ wanted: T?, _ actual: T, _ field: String) {
        if let wanted { #expect(actual == wanted, "\(field) of \(name)") }
    }

    private func expect<T: Equatable>(_ wanted: T?, _ actual: T?, _ field: String) {
        if let wanted { #expect(actual == wanted, "\(field) of \(name)") }
    }
}
