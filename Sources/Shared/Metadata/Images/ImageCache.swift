import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Images on disk under `<data_dir>/cache/images`, one file per `ImageSource.cacheKey` plus the
/// extension of the type its bytes are (`tmdb/w500/abc.jpg.jpg`, `caa/<mbid>.png`): nginx serves a
/// cached image itself (`try_files` over the three extensions, its type from the extension), so a
/// page of posters never queues behind the API in the responder pool; only misses reach the pool.
/// A file is written under a temporary name in its own directory and renamed into place, so a
/// reader sees the whole image or none; directories are 0700 (the pool's user, and nginx when it
/// runs as that user as `make run` does).
///
/// The cache is bounded (`server.image_cache_mb`): the image routes take no token (an `<img>`
/// cannot send one), so anyone who reaches nginx can make it fetch images; with the bound they can
/// only churn the cache, never fill the disk. A write that takes the cache over its limit removes
/// the least recently used down to 90 %: "used" is the later of the file's access time (nginx's
/// reads update it, at most daily under relatime) and its modification time (the pool's reads
/// touch it).
public struct ImageCache: Sendable {
    public let root: String
    public let limitBytes: Int64

    public init(dataDir: String, limitBytes: Int64 = 2048 << 20) {
        root = (dataDir.hasSuffix("/") ? String(dataDir.dropLast()) : dataDir) + "/cache/images"
        self.limitBytes = limitBytes
    }

    /// The file name extension for each type the cache keeps, in the order nginx tries them.
    public static let extensions: [(contentType: String, ext: String)] =
        [("image/jpeg", "jpg"), ("image/png", "png"), ("image/webp", "webp")]

    func path(_ source: ImageSource, ext: String) -> String { root + "/" + source.cacheKey + "." + ext }

    /// The cached image and its type, when there is one.
    public func read(_ source: ImageSource) -> ServedImage? {
        for (type, ext) in Self.extensions {
            let file = path(source, ext: ext)
            guard let data = FileManager.default.contents(atPath: file), ImageFormat.contentType(of: data) == type else { continue }
            utimes(file, nil)   // used now: the last to go when the cache is trimmed
            return ServedImage(data: data, contentType: type)
        }
        return nil
    }

    /// Writes the image under the extension of its type; a failure leaves no file behind
    /// (neither the temporary nor a partial one).
    public func store(_ data: Data, for source: ImageSource) throws {
        guard let type = ImageFormat.contentType(of: data), let ext = Self.extensions.first(where: { $0.contentType == type })?.ext else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSLocalizedDescriptionKey: "not a JPEG, PNG or WebP image: \(source.cacheKey)"])
        }
        let final = path(source, ext: ext)
        let directory = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = directory + "/.partial-\(UUID().uuidString)"
        do {
            try data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
            guard rename(temporary, final) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final,
                                                             NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            unlink(temporary)
            throw error
        }
        trim()
    }

    /// Removes the least recently used images until the cache is at 90 % of its limit, when over it.
    func trim() {
        let files = cachedFiles()
        var total = files.reduce(Int64(0)) { $0 + $1.size }
        guard total > limitBytes else { return }
        for file in files.sorted(by: { $0.used < $1.used }) where total > limitBytes / 10 * 9 {
            if unlink(file.path) == 0 { total -= file.size }
        }
    }

    private static let fileKeys: Set<URLResourceKey> = [.fileSizeKey, .contentModificationDateKey, .contentAccessDateKey, .isRegularFileKey]

    private func cachedFiles() -> [(path: String, size: Int64, used: Date)] {
        guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: root),
                                                          includingPropertiesForKeys: Array(Self.fileKeys))
        else { return [] }
        return walker.compactMap { item in
            guard let url = item as? URL, !url.lastPathComponent.hasPrefix(".partial-"),
                  let values = try? url.resourceValues(forKeys: Self.fileKeys), values.isRegularFile == true else { return nil }
            let used = max(values.contentAccessDate ?? .distantPast, values.contentModificationDate ?? .distantPast)
            return (url.path, Int64(values.fileSize ?? 0), used)
        }
    }
}
