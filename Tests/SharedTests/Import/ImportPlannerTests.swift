@testable import Config
@testable import Core
@testable import Library
@testable import Persistence
import Foundation
import Testing

/// The planner over real files with a stand-in probe: names, samples, non-media, season packs.
@Suite struct ImportPlannerTests {
    let base: String
    let naming = LCARSConfig.Naming(moviePattern: "movie/{title} ({year})/{title} ({year}) - {quality}.{ext}",
                                    tvPattern: "tv/{title}/S{season:02}/{title} - S{season:02}E{episode:02} - {episode_title}.{ext}",
                                    musicPattern: "music/{artist}/{album}/{disc:02}-{track:02} {title}.{ext}")

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-plan-\(UUID().uuidString)").path
    }

    func tree(_ name: String, _ files: [String: Int]) throws -> [ImportSource] {
        for (path, size) in files {
            let full = base + "/" + name + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data(count: size))
        }
        return try SourceTree(savePath: base, name: name).files
    }

    /// Durations by file name; "garbage" is not media.
    func probe(_ seconds: [String: Double]) -> ImportPlanner.Probe {
        { source in
            guard let d = seconds[source.file.fileName] else { throw ImportFailure.content("ffprobe cannot read \(source.file.fileName)") }
            return MediaInfo(durationSeconds: d, videoCodec: source.file.ext == "flac" ? nil : "h264", audioCodec: "aac",
                             width: 1920, height: 1080, container: "matroska")
        }
    }

    @Test func movieIsNamedFromThePattern() throws {
        let files = try tree("Film.2001.720p.BluRay.x264-GRP", ["Film.2001.720p.BluRay.x264-GRP.mkv": 500, "Sample/sample.mkv": 900, "info.nfo": 9])
        let planner = ImportPlanner(naming: naming, releaseName: "Film.2001.720p.BluRay.x264-GRP", probe: probe(["Film.2001.720p.BluRay.x264-GRP.mkv": 3000]))
        let plan = try planner.plan(.movie(.init(id: 1, title: "Film: Reloaded", year: 2001, runtimeMinutes: 90)), files: files)
        #expect(plan.files.map(\.relativePath) == ["movie/Film - Reloaded (2001)/Film - Reloaded (2001) - 720p.mkv"])
    }

    @Test func aShortVideoIsASampleAndGarbageIsNotMedia() throws {
        let files = try tree("Film.2001", ["film.mkv": 500])
        let short = ImportPlanner(naming: naming, releaseName: "Film.2001", probe: probe(["film.mkv": 1799]))
        #expect(throws: ImportFailure.self) { try short.plan(.movie(.init(id: 1, title: "Film", year: 2001, runtimeMinutes: 90)), files: files) }
        let enough = ImportPlanner(naming: naming, releaseName: "Film.2001", probe: probe(["film.mkv": 1800]))
        #expect(try enough.plan(.movie(.init(id: 1, title: "Film", year: 2001, runtimeMinutes: 90)), files: files).files.count == 1)
        let garbage = ImportPlanner(naming: naming, releaseName: "Film.2001", probe: probe([:]))
        #expect(throws: ImportFailure.content("ffprobe cannot read film.mkv")) {
            try garbage.plan(.movie(.init(id: 1, title: "Film", year: 2001, runtimeMinutes: nil)), files: files)
        }
    }

    @Test func seasonPackFillsEveryEpisodeItHas() throws {
        let files = try tree("Show.S01.1080p.WEB-DL", ["Show.S01E01.mkv": 100, "Show.S01E02.mkv": 100, "Show.S01E09.mkv": 100])
        let episodes = [ImportSubject.Episode(id: 11, season: 1, number: 1, title: "Pilot", runtimeMinutes: nil, status: .downloading),
                        ImportSubject.Episode(id: 12, season: 1, number: 2, title: nil, runtimeMinutes: nil, status: .missing)]
        let planner = ImportPlanner(naming: naming, releaseName: "Show.S01.1080p.WEB-DL",
                                    probe: probe(["Show.S01E01.mkv": 60, "Show.S01E02.mkv": 60, "Show.S01E09.mkv": 60]))
        let plan = try planner.plan(.episodes(.init(id: 1, title: "Show", year: 2020), episodes), files: files)
        #expect(plan.files.map(\.relativePath) == ["tv/Show/S01/Show - S01E01 - Pilot.mkv", "tv/Show/S01/Show - S01E02.mkv"])
        #expect(plan.files.map(\.media.id) == [11, 12])
        #expect(plan.note?.contains("Show.S01E09.mkv") == true)
    }

    @Test func albumTracksWithAMissingOneReported() throws {
        let files = try tree("Band - Record (1999) [FLAC]", ["01 - One.flac": 10, "02 - Two.flac": 10, "cover.jpg": 5])
        let tracks = (1...3).map { ImportSubject.Track(id: Int64($0), disc: 1, number: $0, title: ["One", "Two", "Three"][$0 - 1], durationMs: nil, status: .downloading) }
        let planner = ImportPlanner(naming: naming, releaseName: "Band - Record (1999) [FLAC]", probe: probe(["01 - One.flac": 100, "02 - Two.flac": 100]))
        let plan = try planner.plan(.album(.init(id: 1, title: "Record", artist: "Band", year: 1999), tracks), files: files)
        #expect(plan.files.map(\.relativePath) == ["music/Band/Record/01-01 One.flac", "music/Band/Record/01-02 Two.flac"])
        #expect(plan.note?.contains("1-3 Three") == true)
        do { _ = try planner.plan(.album(.init(id: 1, title: "Record", artist: "Band", year: 1999), []), files: files); Issue.record("planned") }
        catch let failure as ImportFailure { #expect(failure.isWaiting) }   // no tracklist loaded yet: wait, do not fail
    }
}
