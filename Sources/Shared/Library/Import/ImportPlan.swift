import Foundation
import Config
import Core
import Persistence
import Releases

/// One file to place: which download file, for which library item, under which relative path,
/// and what ffprobe said about it.
public struct PlannedFile: Sendable, Equatable {
    public let source: ImportSource
    public let media: MediaReference
    public let relativePath: String
    public let info: MediaInfo
}

public struct ImportPlan: Sendable, Equatable {
    public var files: [PlannedFile]
    /// What could not be matched (files without an item, tracks without a file), for activity.
    public var note: String?
}

/// Decides what goes where for one finished download: picks and maps the files, probes them,
/// refuses samples and non-media, and renders the naming patterns. No writes.
public struct ImportPlanner {
    public typealias Probe = (ImportSource) throws -> MediaInfo

    let naming: LCARSConfig.Naming
    /// What the release's name says (quality, source, codec, group) for the patterns.
    let release: ParsedRelease
    let probe: Probe

    public init(naming: LCARSConfig.Naming, releaseName: String, probe: @escaping Probe) {
        self.naming = naming
        release = ReleaseNameParser.parse(releaseName)
        self.probe = probe
    }

    public func plan(_ subject: ImportSubject, files: [ImportSource]) throws -> ImportPlan {
        switch subject {
        case .movie(let movie): return try planMovie(movie, files)
        case .episodes(let show, let episodes): return try planEpisodes(show, episodes, files)
        case .album(let album, let tracks): return try planAlbum(album, tracks, files)
        }
    }

    func planMovie(_ movie: ImportSubject.Movie, _ files: [ImportSource]) throws -> ImportPlan {
        guard let picked = MoviePick.file(in: files.map(\.file)), let source = files.first(where: { $0.file == picked }) else {
            throw ImportFailure.content("no video file in the download (only \(Self.names(files)))")
        }
        let info = try probeVideo(source, runtimeMinutes: movie.runtimeMinutes)
        var values = videoValues(info, source)
        values["title"] = movie.title
        values["year"] = movie.year > 0 ? String(movie.year) : ""
        let path = try NamingPattern(naming.moviePattern, key: "storage.naming.movie_pattern").render(values)
        return ImportPlan(files: [PlannedFile(source: source, media: MediaReference(type: .movie, id: movie.id), relativePath: path, info: info)])
    }

    func planEpisodes(_ show: ImportSubject.Show, _ episodes: [ImportSubject.Episode], _ files: [ImportSource]) throws -> ImportPlan {
        let mapping = EpisodeMapping.map(files.map(\.file), defaultSeason: release.season ?? release.seasons.first)
        let pattern = try NamingPattern(naming.tvPattern, key: "storage.naming.tv_pattern")
        var planned: [PlannedFile] = []
        var unknown: [String] = mapping.unmapped.map(\.relativePath)
        for (key, file) in mapping.mapped.sorted(by: { $0.key < $1.key }) {
            guard let episode = episodes.first(where: { $0.season == key.season && $0.number == key.episode }),
                  let source = files.first(where: { $0.file == file }) else {
                unknown.append("\(file.relativePath) (S\(key.season)E\(key.episode) is not in the library)")
                continue
            }
            let info = try probeVideo(source, runtimeMinutes: episode.runtimeMinutes)
            var values = videoValues(info, source)
            values["title"] = show.title
            values["year"] = show.year.map(String.init) ?? ""
            values["season"] = String(key.season)
            values["episode"] = String(key.episode)
            values["episode_title"] = episode.title ?? ""
            planned.append(PlannedFile(source: source, media: MediaReference(type: .episode, id: episode.id),
                                       relativePath: pattern.render(values), info: info))
        }
        guard !planned.isEmpty else {
            throw ImportFailure.content("no video in the download names an episode of \(show.title) (files: \(Self.names(files)))")
        }
        return ImportPlan(files: planned, note: unknown.isEmpty ? nil : "not imported: " + unknown.joined(separator: ", "))
    }

    func planAlbum(_ album: ImportSubject.Album, _ tracks: [ImportSubject.Track], _ files: [ImportSource]) throws -> ImportPlan {
        // Tracks are loaded from MusicBrainz on the album's first read; without them nothing can
        // be matched, which is no fault of the release: wait (retried every minute).
        guard !tracks.isEmpty else {
            throw ImportFailure.waiting("\(album.title) has no tracklist yet: open the album once (GET /api/albums/\(album.id)) to load it")
        }
        let audio = files.filter { ImportFileKind.of($0.file) == .audio }
        var infos: [String: MediaInfo] = [:]
        for source in audio { infos[source.file.relativePath] = try probeMedia(source) }
        let slots = tracks.map { TrackMapping.Slot(id: $0.id, disc: $0.disc, number: $0.number, title: $0.title, durationMs: $0.durationMs) }
        let candidates = audio.map { TrackMapping.Candidate(file: $0.file, durationSeconds: infos[$0.file.relativePath]?.durationSeconds) }
        let result = TrackMapping.map(candidates, onto: slots)
        let pattern = try NamingPattern(naming.musicPattern, key: "storage.naming.music_pattern")
        var planned: [PlannedFile] = []
        for track in tracks {
            guard let file = result.mapped[track.id], let source = audio.first(where: { $0.file == file }),
                  let info = infos[file.relativePath] else { continue }
            let values = ["artist": album.artist, "album": album.title, "title": track.title, "track": String(track.number),
                          "disc": String(track.disc), "format": info.audioCodec ?? source.file.ext, "ext": source.file.ext,
                          "year": album.year.map(String.init) ?? "", "group": release.group ?? "", "quality": "", "source": "", "codec": info.audioCodec ?? ""]
            planned.append(PlannedFile(source: source, media: MediaReference(type: .track, id: track.id),
                                       relativePath: pattern.render(values), info: info))
        }
        guard !planned.isEmpty else {
            throw ImportFailure.content("no audio file in the download matches a track of \(album.title) (files: \(Self.names(files)))")
        }
        var notes: [String] = []
        if !result.missingTracks.isEmpty { notes.append("no file for " + result.missingTracks.map { "\($0.disc)-\($0.number) \($0.title)" }.joined(separator: ", ")) }
        if !result.unmappedFiles.isEmpty { notes.append("unmapped files: " + result.unmappedFiles.map(\.relativePath).joined(separator: ", ")) }
        return ImportPlan(files: planned, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    // MARK: probing and values

    func probeMedia(_ source: ImportSource) throws -> MediaInfo {
        do { return try probe(source) }
        catch let failure as ImportFailure { throw failure }
        catch { throw ImportFailure.content("\(source.file.relativePath) cannot be read as media: \(error)") }
    }

    func probeVideo(_ source: ImportSource, runtimeMinutes: Int?) throws -> MediaInfo {
        let info = try probeMedia(source)
        guard info.isVideo else { throw ImportFailure.content("\(source.file.relativePath) holds no video stream") }
        if let reason = info.sampleReason(runtimeMinutes: runtimeMinutes) {
            throw ImportFailure.content("\(source.file.relativePath) was refused: \(reason)")
        }
        return info
    }

    /// Quality, source, codec and group from the release name, filled in from ffprobe where the
    /// name says nothing (a file named "movie.mkv" still gets "1080p" from its height).
    func videoValues(_ info: MediaInfo, _ source: ImportSource) -> [String: String] {
        let fileRelease = ReleaseNameParser.parse(source.file.fileName, hint: .video)
        let quality = [release.quality, fileRelease.quality].first { $0 != .unknown } ?? Self.quality(height: info.height)
        let videoSource = [release.source, fileRelease.source].first { $0 != .unknown }
        return ["quality": quality == .unknown ? "" : quality.rawValue,
                "source": videoSource?.rawValue ?? "",
                "codec": release.codec ?? fileRelease.codec ?? info.videoCodec ?? "",
                "group": release.group ?? fileRelease.group ?? "",
                "ext": source.file.ext]
    }

    static func quality(height: Int?) -> VideoQuality {
        guard let height else { return .unknown }
        switch height {
        case 1600...: return .p2160
        case 900...: return .p1080
        case 650...: return .p720
        default: return .p480
        }
    }

    static func names(_ files: [ImportSource]) -> String {
        let listed = files.prefix(10).map(\.file.relativePath).joined(separator: ", ")
        return files.isEmpty ? "no files" : listed + (files.count > 10 ? ", …" : "")
    }
}
