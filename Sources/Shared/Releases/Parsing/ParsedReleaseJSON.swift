import Foundation

/// A direct JSON writer for `ParsedRelease`, for `lcarsd parse` over large inputs: Foundation's
/// JSONEncoder spent longer encoding a result than the parser took to produce it. Same keys,
/// sorted, same values as the Codable encoding (a test compares the two).
public enum ParsedReleaseJSON {
    public static func line(_ r: ParsedRelease) -> String {
        let fields: [(String, String)] = [
            ("absolute_episodes", ints(r.absoluteEpisodes)), ("air_date", string(r.airDate)), ("album", string(r.album)),
            ("artist", string(r.artist)), ("audio", string(r.audio)), ("audio_channels", string(r.audioChannels)),
            ("audio_format", string(r.audioFormat?.rawValue)), ("bit_depth", int(r.bitDepth)), ("bitrate", int(r.bitrate)),
            ("codec", string(r.codec)), ("complete", bool(r.complete)), ("discography", bool(r.discography)),
            ("edition", string(r.edition)), ("episode", int(r.episode)), ("episodes", ints(r.episodes)),
            ("full_season", bool(r.fullSeason)), ("group", string(r.group)), ("hdr", strings(r.hdr)), ("kind", string(r.kind.rawValue)),
            ("languages", strings(r.languages)), ("music_source", string(r.musicSource)), ("proper", bool(r.proper)),
            ("quality", string(r.quality.rawValue)), ("real", bool(r.real)), ("remux", bool(r.remux)), ("repack", bool(r.repack)),
            ("resolution", string(r.resolution)), ("sample_rate", int(r.sampleRate)), ("season", int(r.season)),
            ("seasons", ints(r.seasons)), ("source", string(r.source.rawValue)), ("source_tag", string(r.sourceTag)),
            ("streaming_service", string(r.streamingService)), ("title", string(r.title)), ("vbr_preset", string(r.vbrPreset)),
            ("version", int(r.version)), ("year", int(r.year)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func int(_ v: Int?) -> String { v.map(String.init) ?? "null" }
    static func bool(_ v: Bool) -> String { v ? "true" : "false" }
    static func ints(_ v: [Int]) -> String { "[" + v.map(String.init).joined(separator: ",") + "]" }
    static func strings(_ v: [String]) -> String { "[" + v.map { string($0) }.joined(separator: ",") + "]" }

    static func string(_ v: String?) -> String {
        guard let v else { return "null" }
        var out = "\""
        out.reserveCapacity(v.utf8.count + 2)
        for scalar in v.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
