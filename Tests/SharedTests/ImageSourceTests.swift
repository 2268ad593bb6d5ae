@testable import Metadata
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct ImageSourceTests {
    @Test func tmdbPartsMustBeAnAllowedSizeAndAPlainName() {
        #expect(ImageSource.checkedTMDB(size: "w500", file: "kqjL17yufvn9OVLyXYpvtyrFfak.jpg") == .tmdb(size: "w500", file: "kqjL17yufvn9OVLyXYpvtyrFfak.jpg"))
        #expect(ImageSource.checkedTMDB(size: "original", file: "a-b_c.png") != nil)
        for (size, file) in [("w501", "a.jpg"), ("w500", "a.gif"), ("w500", ".jpg"), ("w500", "a.b.jpg"), ("w500", ".."),
                             ("w500", "../a.jpg"), ("w500", "a%2F.jpg"), ("w500", "é.jpg"), ("w500", String(repeating: "a", count: 101) + ".jpg"),
                             ("../w500", "a.jpg"), ("", "a.jpg")] {
            #expect(ImageSource.checkedTMDB(size: size, file: file) == nil, "\(size)/\(file)")
        }
    }

    @Test func coverNeedsAUUIDAndIsKeyedLowerCased() {
        #expect(ImageSource.checkedCover(mbid: "C3C3C3C3-0000-4000-8000-000000000101")?.cacheKey == "caa/c3c3c3c3-0000-4000-8000-000000000101")
        for mbid in ["", "not-a-uuid", "../../etc/passwd", "c3c3c3c3-0000-4000-8000-00000000010", "c3c3c3c3000040008000000000000101"] {
            #expect(ImageSource.checkedCover(mbid: mbid) == nil, "\(mbid)")
        }
    }

    @Test func storedURLsBecomeAddressesOnOurOrigin() {
        #expect(ImageLinks.tmdb("https://image.tmdb.org/t/p/w500/abc.jpg") == "/api/images/tmdb/w500/abc.jpg")
        #expect(ImageLinks.tmdb("http://127.0.0.1:9/x/w1280/b-1.png") == "/api/images/tmdb/w1280/b-1.png")
        #expect(ImageLinks.tmdb("https://example.org/w500/../../x.jpg") == nil)
        #expect(ImageLinks.tmdb("https://image.tmdb.org/t/p/huge/abc.jpg") == nil)
        #expect(ImageLinks.tmdb(nil) == nil && ImageLinks.tmdb("") == nil)
        #expect(ImageLinks.cover(albumMBID: "c3c3c3c3-0000-4000-8000-000000000101", stored: "http://x/1-500.jpg") == "/api/images/caa/c3c3c3c3-0000-4000-8000-000000000101")
        #expect(ImageLinks.cover(albumMBID: "c3c3c3c3-0000-4000-8000-000000000101", stored: nil) == nil)
    }

    @Test func formatsAreReadFromTheSignature() {
        #expect(ImageFormat.contentType(of: Data([0xFF, 0xD8, 0xFF, 0xE0])) == "image/jpeg")
        #expect(ImageFormat.contentType(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])) == "image/png")
        #expect(ImageFormat.contentType(of: Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == "image/webp")
        #expect(ImageFormat.contentType(of: Data("<html>".utf8)) == nil)
        #expect(ImageFormat.contentType(of: Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8)) == nil)
        #expect(ImageFormat.contentType(of: Data()) == nil)
    }

    @Test func storeWritesWholeFilesOnlyUnderTheCache() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("imgcache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = ImageCache(dataDir: dir)
        let source = try #require(ImageSource.checkedTMDB(size: "w92", file: "p.jpg"))
        #expect(cache.read(source) == nil)
        try cache.store(Data([0xFF, 0xD8, 0xFF, 1]), for: source)
        #expect(cache.read(source)?.data == Data([0xFF, 0xD8, 0xFF, 1]))
        let listing = try FileManager.default.subpathsOfDirectory(atPath: dir).sorted()
        #expect(listing == ["cache", "cache/images", "cache/images/tmdb", "cache/images/tmdb/w92", "cache/images/tmdb/w92/p.jpg.jpg"])
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/cache/images")[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    /// Over its limit, the cache drops the least recently used images (a read counts as a use)
    /// down to 90 %, never the one just written.
    @Test func aFullCacheDropsTheLeastRecentlyUsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("imgcache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = ImageCache(dataDir: dir, limitBytes: 2500)
        let sources = try ["a", "b", "c"].map { try #require(ImageSource.checkedTMDB(size: "w92", file: "\($0).jpg")) }
        let image = Data([0xFF, 0xD8, 0xFF]) + Data(repeating: 7, count: 997)   // 1000 bytes
        try cache.store(image, for: sources[0])
        try cache.store(image, for: sources[1])
        // Make "a" older than "b", then use it: "b" is now the least recently used.
        var old = [timeval(tv_sec: 1_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000, tv_usec: 0)]
        var older = [timeval(tv_sec: 900_000, tv_usec: 0), timeval(tv_sec: 900_000, tv_usec: 0)]
        #expect(utimes(cache.path(sources[0], ext: "jpg"), &older) == 0 && utimes(cache.path(sources[1], ext: "jpg"), &old) == 0)
        #expect(cache.read(sources[0])?.data == image)
        try cache.store(image, for: sources[2])                                  // 3000 bytes > 2500
        #expect(cache.read(sources[1]) == nil)
        #expect(cache.read(sources[0])?.data == image && cache.read(sources[2])?.data == image)
    }

    /// The file's extension is the type its bytes are (nginx serves hits with the type of the
    /// extension): a PNG under a TMDB ".jpg" name is kept as ".png" and read back as a PNG; bytes
    /// that are no image are refused with nothing written.
    @Test func theExtensionIsTheTypeOfTheBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("imgcache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = ImageCache(dataDir: dir)
        let poster = try #require(ImageSource.checkedTMDB(size: "w342", file: "quiet.jpg"))
        let cover = try #require(ImageSource.checkedCover(mbid: "c3c3c3c3-0000-4000-8000-000000000101"))
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])
        let webp = Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)
        try cache.store(png, for: poster)
        try cache.store(webp, for: cover)
        #expect(cache.read(poster)?.contentType == "image/png" && cache.read(cover)?.contentType == "image/webp")
        #expect(throws: (any Error).self) { try cache.store(Data("<html>".utf8), for: try #require(ImageSource.checkedTMDB(size: "w92", file: "x.jpg"))) }
        let listing = try FileManager.default.subpathsOfDirectory(atPath: dir + "/cache/images").sorted()
        #expect(listing == ["caa", "caa/c3c3c3c3-0000-4000-8000-000000000101.webp", "tmdb", "tmdb/w342", "tmdb/w342/quiet.jpg.png"])
    }
}
