import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Images on disk under `<data_dir>/cache/images`, one file per `ImageSource.cacheKey`. A file is
/// written under a temporary name in its own directory and renamed into place, so a reader sees
/// the whole image or none; directories are 0700 (only the pool's user reads them).
///
/// The cache is bounded (`server.image_cache_mb`): the image routes take no token (an `<img>`
/// cannot send one), so anyone who reaches nginx can make it fetch images; with the bound they can
/// only churn the cache, never fill the disk. A read marks an image as used (its mtime), and a
/// write that takes the cache over its limit removes the least recently used down to 90 %.
public struct ImageCache: Sendable {
    public let root: String
    public let limitBytes: Int64

    public init(dataDir: String, limitBytes: Int64 = 2048 << 20) {
        root = (dataDir.hasSuffix("/") ? String(dataDir.dropLast()) : dataDir) + "/cache/images"
        self.limitBytes = limitBytes
    }

    func path(_ source: ImageSource) -> String { root + "/" + source.cacheKey }

    public func read(_ source: ImageSource) -> Data? {
        let file = path(source)
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        utimes(file, nil)   // used now: the last to go when the cache is trimmed
        return data
    }

    /// Writes the image; a failure leaves no file behind (neither the temporary nor a partial one).
    public func store(_ data: Data, for source: ImageSource) throws {
        let final = path(source)
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

    private func cachedFiles() -> [(path: String, size: Int64, used: Date)] {
        guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: root),
                                                          includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey])
        else { return [] }
        return walker.compactMap { item in
            guard let url = item as? URL, !url.lastPathComponent.hasPrefix(".partial-"),
                  let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
                  values.isRegularFile == true else { return nil }
            return (url.path, Int64(values.fileSize ?? 0), values.contentModificationDate ?? .distantPast)
        }
    }
}
