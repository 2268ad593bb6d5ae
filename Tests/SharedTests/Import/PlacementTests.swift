@testable import Library
import Foundation
import Testing

/// Real files in a temporary folder: the walk over hostile names, link vs copy, rollback.
@Suite struct PlacementTests {
    let base: String
    let fm = FileManager.default

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("lcars-place-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: base + "/downloads/Movie.2010", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/library", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String) { _ = fm.createFile(atPath: base + path, contents: Data(text.utf8)) }
    func inode(_ path: String) -> UInt64 { var s = stat(); stat(path, &s); return UInt64(s.st_ino) }

    @Test func walkSkipsSymlinksAndRefusesNamesThatLeave() throws {
        write("/downloads/Movie.2010/movie.mkv", "video")
        write("/outside/secret.mkv", "secret")
        try fm.createSymbolicLink(atPath: base + "/downloads/Movie.2010/link.mkv", withDestinationPath: base + "/outside/secret.mkv")
        try fm.createSymbolicLink(atPath: base + "/downloads/Movie.2010/dir", withDestinationPath: base + "/outside")
        try fm.createSymbolicLink(atPath: base + "/downloads/escape", withDestinationPath: base + "/outside")
        let tree = try SourceTree(savePath: base + "/downloads", name: "Movie.2010")
        #expect(tree.files.map(\.file.relativePath) == ["movie.mkv"])
        for hostile in ["../outside", "/etc", "..", ".", "", "Movie.2010/../../outside", "escape"] {
            #expect(throws: ImportFailure.self, "name \(hostile)") { try SourceTree(savePath: base + "/downloads", name: hostile) }
        }
    }

    @Test func controlCharactersInNamesAreOnlyRead() throws {
        write("/downloads/Movie.2010/we\u{1B}[31mird\n.mkv", "video")
        let tree = try SourceTree(savePath: base + "/downloads", name: "Movie.2010")
        let placement = try Placement(root: base + "/library")
        let placed = try placement.place(tree.files[0], at: "movie/Clean/Clean.mkv", preferLink: true)
        placement.commit()
        #expect(placed.path == base + "/library/movie/Clean/Clean.mkv")
        #expect(try String(contentsOfFile: placed.path, encoding: .utf8) == "video")
    }

    @Test func linksWhenItCanAndCopiesWhenAsked() throws {
        write("/downloads/Movie.2010/movie.mkv", "video bytes")
        let tree = try SourceTree(savePath: base + "/downloads", name: "Movie.2010")
        let placement = try Placement(root: base + "/library")
        let linked = try placement.place(tree.files[0], at: "movie/A (2010)/A.mkv", preferLink: true)
        let copied = try placement.place(tree.files[0], at: "movie/B (2010)/B.mkv", preferLink: false)
        placement.commit()
        #expect(linked.mode == .link && copied.mode == .copy)
        #expect(inode(linked.path) == inode(base + "/downloads/Movie.2010/movie.mkv"))
        #expect(inode(copied.path) != inode(base + "/downloads/Movie.2010/movie.mkv"))
        #expect(try String(contentsOfFile: copied.path, encoding: .utf8) == "video bytes")
        #expect(try fm.contentsOfDirectory(atPath: base + "/library/movie/B (2010)") == ["B.mkv"])   // no temporary left
    }

    @Test func placingAgainIsIdempotentAndReplacingCanBeUndone() throws {
        write("/downloads/Movie.2010/movie.mkv", "new")
        let tree = try SourceTree(savePath: base + "/downloads", name: "Movie.2010")
        let first = try Placement(root: base + "/library")
        let placed = try first.place(tree.files[0], at: "m/m.mkv", preferLink: false)
        first.commit()
        let again = try Placement(root: base + "/library")
        let second = try again.place(tree.files[0], at: "m/m.mkv", preferLink: false)
        #expect(second.path == placed.path && second.mode == .kept)
        again.rollback()   // the identical file was kept, not created: rollback leaves it
        #expect(try String(contentsOfFile: placed.path, encoding: .utf8) == "new")

        write("/library/m/other.mkv", "old content")
        let replace = try Placement(root: base + "/library")
        _ = try replace.place(tree.files[0], at: "m/other.mkv", preferLink: true)
        #expect(try String(contentsOfFile: base + "/library/m/other.mkv", encoding: .utf8) == "new")
        replace.rollback()
        #expect(try String(contentsOfFile: base + "/library/m/other.mkv", encoding: .utf8) == "old content")
        #expect(try fm.contentsOfDirectory(atPath: base + "/library/m").sorted() == ["m.mkv", "other.mkv"])
    }

    @Test func aSymlinkInTheLibraryIsNotFollowed() throws {
        write("/downloads/Movie.2010/movie.mkv", "video")
        try fm.createSymbolicLink(atPath: base + "/library/movie", withDestinationPath: base + "/outside")
        let tree = try SourceTree(savePath: base + "/downloads", name: "Movie.2010")
        let placement = try Placement(root: base + "/library")
        #expect(throws: ImportFailure.self) { try placement.place(tree.files[0], at: "movie/x/x.mkv", preferLink: true) }
        #expect(throws: ImportFailure.self) { try placement.place(tree.files[0], at: "../outside/x.mkv", preferLink: true) }
        #expect(throws: ImportFailure.self) { try placement.place(tree.files[0], at: "a/../../x.mkv", preferLink: true) }
        placement.rollback()
        #expect(try fm.contentsOfDirectory(atPath: base + "/outside").isEmpty)
    }

    @Test func aFailedWriteRollsBackEverythingPlaced() throws {
        // A plain file where the second episode's folder must go: creating it fails (also for
        // root, who writes into read-only folders), after the first episode was placed.
        write("/downloads/Movie.2010/e1.mkv", "one")
        write("/downloads/Movie.2010/e2.mkv", "two")
        try fm.createDirectory(atPath: base + "/library/tv/Show/S01", withIntermediateDirectories: true)
        write("/library/tv/Show/S02", "not a folder")
        let tree = try SourceTree(savePath: base + "/downloads", name: "Movie.2010")
        let placement = try Placement(root: base + "/library")
        _ = try placement.place(tree.files[0], at: "tv/Show/S01/new folder/e1.mkv", preferLink: false)
        #expect(fm.fileExists(atPath: base + "/library/tv/Show/S01/new folder/e1.mkv"))
        #expect(throws: ImportFailure.self) { try placement.place(tree.files[1], at: "tv/Show/S02/e2.mkv", preferLink: false) }
        placement.rollback()
        #expect(!fm.fileExists(atPath: base + "/library/tv/Show/S01/new folder"))    // its new folder went too
        #expect(fm.fileExists(atPath: base + "/library/tv/Show/S01"))                // what existed stays
        #expect(try String(contentsOfFile: base + "/library/tv/Show/S02", encoding: .utf8) == "not a folder")
        #expect(try String(contentsOfFile: base + "/downloads/Movie.2010/e1.mkv", encoding: .utf8) == "one")   // source intact
    }

    @Test func aDiskFullCopyLeavesNoPartialFile() throws {
        // /dev/full fails every write with ENOSPC: the copy loop must fail and remove its temporary.
        guard fm.fileExists(atPath: "/dev/full") else { return }
        write("/downloads/Movie.2010/movie.mkv", String(repeating: "x", count: 100_000))
        let tree = try SourceTree(savePath: base + "/downloads", name: "Movie.2010")
        let output = open("/dev/full", O_WRONLY)
        defer { close(output) }
        let input = try tree.files[0].open()
        defer { close(input) }
        #expect(throws: ImportFailure.destination("cannot write /x: No space left on device")) {
            try Placement.copyBytes(from: input, to: output, size: 100_000, target: "/x")
        }
    }
}
