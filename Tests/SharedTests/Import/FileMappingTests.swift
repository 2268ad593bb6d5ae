@testable import Library
import Foundation
import Testing

@Suite struct FileMappingTests {
    func f(_ path: String, _ size: Int64 = 1000) -> SourceFile { SourceFile(relativePath: path, size: size) }

    @Test func movieIsTheLargestVideoAndNeverASample() {
        let files = [f("Movie.2010/Movie.2010.1080p.mkv", 5_000), f("Movie.2010/Sample/movie-sample.mkv", 9_000),
                     f("Movie.2010/movie.sample.mkv", 9_500), f("Movie.2010/Movie.nfo", 90_000), f("Movie.2010/setup.exe", 99_000),
                     f("Movie.2010/Trailer.mp4", 8_000), f("Movie.2010/readme.txt", 50), f("Movie.2010/extra.avi", 4_000)]
        #expect(MoviePick.file(in: files) == files[0])
        #expect(MoviePick.file(in: [f("a.nfo"), f("b.txt"), f("c.exe"), f("sample.mkv")]) == nil)
    }

    @Test func kinds() {
        #expect(ImportFileKind.of(f("x/01 Track.FLAC")) == .audio)
        #expect(ImportFileKind.of(f("x/cover.jpg")) == .junk)
        #expect(ImportFileKind.of(f("x/Samples/clip.mkv")) == .video)        // "samples" is not the word "sample"
        #expect(ImportFileKind.of(f("x/SAMPLE/clip.mkv")) == .junk)
        #expect(ImportFileKind.of(f("x/sampler.mkv")) == .video)
    }

    @Test func seasonPackEpisodesMapBySeasonAndEpisode() {
        let files = [f("Show.S02.1080p/Show.S02E01.1080p.mkv", 10), f("Show.S02.1080p/Show.S02E02.1080p.mkv", 11),
                     f("Show.S02.1080p/Show.S02E03E04.1080p.mkv", 12), f("Show.S02.1080p/Show.S02E02.sample.mkv", 99),
                     f("Show.S02.1080p/Show.S02.nfo", 5), f("Show.S02.1080p/Extras/Behind the scenes.mkv", 3)]
        let result = EpisodeMapping.map(files, defaultSeason: 2)
        let key = EpisodeMapping.Key.init
        #expect(result.mapped[key(2, 1)] == files[0])
        #expect(result.mapped[key(2, 2)] == files[1])
        #expect(result.mapped[key(2, 3)] == files[2] && result.mapped[key(2, 4)] == files[2])
        #expect(result.mapped.count == 4)
        #expect(result.unmapped == [files[5]])
    }

    @Test func seasonFoldersAndBareNumbers() {
        let files = [f("Show/Season 3/Show - 3x05 - Name.mkv"), f("Show/Season 3/Show.S03E06.mkv")]
        let result = EpisodeMapping.map(files, defaultSeason: nil)
        #expect(result.mapped[EpisodeMapping.Key(season: 3, episode: 5)] == files[0])
        #expect(result.mapped[EpisodeMapping.Key(season: 3, episode: 6)] == files[1])
    }

    typealias Slot = TrackMapping.Slot
    typealias Candidate = TrackMapping.Candidate

    @Test func tracksMapByNumberThenTitleThenDuration() {
        let slots = [Slot(id: 1, disc: 1, number: 1, title: "Opening", durationMs: 200_000),
                     Slot(id: 2, disc: 1, number: 2, title: "Theme", durationMs: 180_000),
                     Slot(id: 3, disc: 1, number: 3, title: "Interlude", durationMs: 61_000),
                     Slot(id: 4, disc: 1, number: 4, title: "Finale", durationMs: 300_000),
                     Slot(id: 5, disc: 1, number: 5, title: "Bonus", durationMs: 90_000)]
        let candidates = [Candidate(file: f("Album/01 - Opening.flac"), durationSeconds: 200),
                          Candidate(file: f("Album/Artist - Theme.flac"), durationSeconds: 181),
                          Candidate(file: f("Album/untitled.flac"), durationSeconds: 63.5),
                          Candidate(file: f("Album/04. Finale.flac"), durationSeconds: 299),
                          Candidate(file: f("Album/hidden track.flac"), durationSeconds: 500),
                          Candidate(file: f("Album/cover.jpg"), durationSeconds: nil)]
        let result = TrackMapping.map(candidates, onto: slots)
        #expect(result.mapped[1]?.relativePath == "Album/01 - Opening.flac")
        #expect(result.mapped[2]?.relativePath == "Album/Artist - Theme.flac")
        #expect(result.mapped[3]?.relativePath == "Album/untitled.flac")
        #expect(result.mapped[4]?.relativePath == "Album/04. Finale.flac")
        #expect(result.missingTracks.map(\.id) == [5])
        #expect(result.unmappedFiles.map(\.relativePath) == ["Album/hidden track.flac"])
    }

    @Test func discNumbersFromFoldersAndPrefixes() {
        let slots = [Slot(id: 11, disc: 1, number: 1, title: "A", durationMs: nil), Slot(id: 21, disc: 2, number: 1, title: "B", durationMs: nil),
                     Slot(id: 22, disc: 2, number: 2, title: "C", durationMs: nil)]
        let candidates = [Candidate(file: f("Album/CD1/01 x.flac"), durationSeconds: nil), Candidate(file: f("Album/CD2/01 y.flac"), durationSeconds: nil),
                          Candidate(file: f("Album/2-02 z.flac"), durationSeconds: nil)]
        let result = TrackMapping.map(candidates, onto: slots)
        #expect(result.mapped[11]?.relativePath == "Album/CD1/01 x.flac")
        #expect(result.mapped[21]?.relativePath == "Album/CD2/01 y.flac")
        #expect(result.mapped[22]?.relativePath == "Album/2-02 z.flac")
        #expect(result.missingTracks.isEmpty && result.unmappedFiles.isEmpty)
    }

    @Test func durationOutsideToleranceDoesNotMap() {
        let slots = [Slot(id: 1, disc: 1, number: 9, title: "Song", durationMs: 100_000)]
        let result = TrackMapping.map([Candidate(file: f("a/noise.flac"), durationSeconds: 105.5)], onto: slots)
        #expect(result.mapped.isEmpty && result.missingTracks.count == 1 && result.unmappedFiles.count == 1)
        let close = TrackMapping.map([Candidate(file: f("a/noise.flac"), durationSeconds: 104.9)], onto: slots)
        #expect(close.mapped[1] != nil)
    }
}
