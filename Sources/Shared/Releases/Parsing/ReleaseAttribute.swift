import Foundation
import Core

/// A piece of a name that is not title: what it means, how many tokens it spans, and whether it
/// is "strong" (unambiguous, so the title ends before it) or "weak" (a word that could also be
/// part of a title, like "Extended" or "French": it only counts after the title).
struct AttributeMatch: Sendable {
    enum Meaning: Sendable {
        case resolution(VideoQuality, String)
        case source(VideoSource, tag: String)
        case remux
        case codec(String)
        case audio(String)
        case channels(String)
        case hdr(String)
        case edition(String)
        case language(String)
        case service(String)
        case proper, repack, real
        case complete
        /// Recognised release jargon that carries nothing we keep (INTERNAL, LIMITED, 3D, READNFO...).
        case noise
        case episode(EpisodeInfo)
        /// One word carrying two facts ("Bluray1080p", "HDTVx264", "NetflixHD").
        indirect case both(Meaning, Meaning)
    }

    let index: Int
    let length: Int
    let meaning: Meaning
    let strong: Bool
    /// A channel layout glued to an audio codec ("DD5.1").
    var channels: String? = nil

    var end: Int { index + length }
}

/// Season/episode facts read from one pattern.
struct EpisodeInfo: Sendable, Equatable {
    var seasons: [Int] = []
    var episodes: [Int] = []
    var absolute: [Int] = []
    var airDate: String?
    var version: Int?
    var fullSeason = false
}

extension ParsedRelease {
    /// Applies one recognised attribute; the first value found wins, except where a later,
    /// more specific one refines it (remux, Atmos on top of TrueHD).
    mutating func apply(_ meaning: AttributeMatch.Meaning) {
        switch meaning {
        case let .resolution(q, raw): if resolution == nil { quality = q; resolution = raw }
        case let .source(s, tag): applySource(s, tag: tag)
        case .remux: remux = true; if source == .unknown { source = .bluray; sourceTag = sourceTag ?? "Remux" }
        case let .codec(c): if codec == nil { codec = c }
        case let .audio(a): applyAudio(a)
        case let .channels(ch): if audioChannels == nil { audioChannels = ch }
        case let .hdr(h): if !hdr.contains(h) { hdr.append(h) }
        case let .edition(e): if edition == nil { edition = e }
        case let .language(l): if !languages.contains(l) { languages.append(l) }
        case let .service(s): if streamingService == nil { streamingService = s }
        case .proper: proper = true
        case .repack: repack = true
        case .real: real = true
        case .complete: complete = true
        case .noise: break
        case let .episode(info): applyEpisode(info)
        case let .both(a, b): apply(a); apply(b)
        }
    }

    private static let bareCameraTags: Set<String> = ["TS", "CAM", "TC", "WP"]

    private mutating func applySource(_ s: VideoSource, tag: String) {
        // A web/tv tag that comes with a disc tag ("BluRay ... WEB") keeps the first; an explicit
        // camera tag (HDCAM, TELESYNC) wins, since a camera copy labelled anything else is still one.
        // Bare "TS"/"CAM"/"TC" (also a file extension, a word) never override another source.
        let bareCamera = Self.bareCameraTags.contains(tag)
        // ... and give way to a source stated after them ("Show.S02E01.eps2.0.unm4sk-pt1.tc.1080p.WEB-DL": an episode title's word).
        let currentBare = source == .cam && Self.bareCameraTags.contains(sourceTag ?? "")
        if source == .unknown || (s == .cam && !bareCamera) || currentBare && !bareCamera { source = s; sourceTag = tag }
    }

    private mutating func applyAudio(_ a: String) {
        guard let current = audio else { audio = a; return }
        if a == "Atmos", !current.contains("Atmos") { audio = current + " Atmos" }
        else if current == "Atmos" { audio = a + " Atmos" }
        else if a.hasPrefix(current), a.count > current.count { audio = a }   // "DTS" then "DTS-HD MA"
    }

    private mutating func applyEpisode(_ info: EpisodeInfo) {
        // "Temporada 2 [Cap.408]": a season pack's word gives way to the episode that names its own season.
        if fullSeason, episodes.isEmpty, !info.episodes.isEmpty, !info.seasons.isEmpty { seasons = info.seasons; fullSeason = false }
        if seasons.isEmpty { seasons = info.seasons }
        if episodes.isEmpty { episodes = info.episodes }
        if absoluteEpisodes.isEmpty { absoluteEpisodes = info.absolute }
        if airDate == nil { airDate = info.airDate }
        if version == nil { version = info.version }
        if info.fullSeason && episodes.isEmpty { fullSeason = true }
        season = seasons.first
        episode = episodes.first
    }
}
